package cn.basinguard.core.check;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Progress of a check run, for a progress bar, and the way to cancel it: work calls {@link #step()} and
 * {@link #checkCancelled()}; a cancelled run ends with a {@link CancellationException}.
 */
public final class Progress {
    /** Receives the stage being worked on and the share done, 0..1. Called from worker threads. */
    public interface Listener {
        void progress(String stage, double done);
    }

    public static final Progress NONE = new Progress((s, d) -> { }, () -> false);

    private final Listener listener;
    private final BooleanSupplier cancelled;
    private final AtomicLong done = new AtomicLong();
    private volatile long total = 1;
    private volatile String stage = "";
    private volatile long lastReported = -1;

    public Progress(Listener listener, BooleanSupplier cancelled) {
        this.listener = listener;
        this.cancelled = cancelled;
    }

    void stage(String name, long steps) {
        stage = name;
        total = Math.max(1, steps);
        done.set(0);
        lastReported = -1;
        listener.progress(name, 0);
    }

    void step() {
        long d = done.incrementAndGet();
        long percent = d * 100 / total;
        if (percent != lastReported) {
            lastReported = percent;
            listener.progress(stage, Math.min(1.0, d / (double) total));
        }
    }

    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }
}
