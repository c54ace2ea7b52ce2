package cn.basinguard.app.cli;

import java.io.PrintStream;

/** With {@code --timings}, prints how long each stage of a command took, so a slow step can be found by anyone. */
final class StageClock {
    private final PrintStream out;
    private final long origin = System.nanoTime();
    private String stage;
    private long since;

    StageClock(PrintStream out) {
        this.out = out;
    }

    synchronized void start(String next) {
        if (next.equals(stage)) {
            return;
        }
        stop();
        stage = next;
        since = System.nanoTime();
    }

    synchronized void stop() {
        if (out != null && stage != null) {
            long now = System.nanoTime();
            out.printf("timing: %-48s %7d ms (at %d ms)%n", stage, (now - since) / 1_000_000, (now - origin) / 1_000_000);
        }
        stage = null;
    }
}
