package cn.basinguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.data.SampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program started with no JVM options, as {@code java -jar} starts it, runs a check in a JVM with the serial
 * collector: a real child process, whose exit code and output come back, and which ends when its parent is killed.
 */
class JvmChoiceTest {
    @TempDir
    Path dir;

    @Test
    void heavyCommandsAndTheWindowGetTheirOptions() {
        // a check compiles with C1 only, whatever it reads
        List<String> check = List.of("-XX:+UseSerialGC", "-XX:SoftRefLRUPolicyMSPerMB=0", "-Xms320m", "-Xmn160m", "-XX:SurvivorRatio=3", "-XX:TieredStopAtLevel=1");
        assertEquals(Optional.of(check), JvmChoice.wanted(new String[] {"check", "x.gpkg"}, false));
        assertEquals(Optional.of(check), JvmChoice.wanted(new String[] {"check", "postgresql://planner@bureau:5432/gis?schema=zengdu"}, false));
        assertEquals(Optional.of(JvmChoice.HEAVY_OPTIONS), JvmChoice.wanted(new String[] {"export"}, false));
        assertEquals(Optional.of(List.of("-XX:+UseG1GC", "-Xmn64m", "-Xmx1200m")), JvmChoice.wanted(new String[0], true, "Windows 11"));
        // on Linux the window's background threads run at a lower OS priority only if the JVM is told to honour Java's
        assertEquals(Optional.of(List.of("-XX:+UseG1GC", "-Xmn64m", "-Xmx1200m", "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=9")),
                JvmChoice.wanted(new String[0], true, "Linux"));
        assertEquals(Optional.empty(), JvmChoice.wanted(new String[] {"--version"}, false));
        assertEquals(Optional.empty(), JvmChoice.wanted(new String[] {"info", "x.gpkg"}, false));
    }

    @Test
    void theUsersOptionsWin() {
        assertTrue(JvmChoice.chosenAlready(List.of("-Xmx2g")));
        assertTrue(JvmChoice.chosenAlready(List.of("-Dfile.encoding=UTF-8", "-XX:+UseParallelGC")));
        assertTrue(JvmChoice.chosenAlready(List.of("-Dbasinguard.tuned=true")));
        assertFalse(JvmChoice.chosenAlready(List.of("-Dfile.encoding=UTF-8", "-Duser.language=en")));
    }

    @Test
    void aPlainStartRunsTheCheckInATunedChildThatPassesItsResultOn() throws Exception {
        Path json = dir.resolve("r.json");
        Process parent = start(List.of("check", SampleData.zengduSample().toString(), "--json", json.toString()));
        List<String> childCommand = childCommand(parent);
        assertTrue(parent.waitFor(120, TimeUnit.SECONDS));
        String out = Files.readString(dir.resolve("log.txt"));
        assertEquals(0, parent.exitValue(), out);
        assertTrue(out.contains("流域底线核查结果"), out);
        assertTrue(Files.readString(json).contains("\"basinguard-check/"), "the child wrote the report");
        assertTrue(childCommand.contains("-XX:+UseSerialGC"), childCommand.toString());
        assertTrue(childCommand.contains("-Dbasinguard.tuned=true"), childCommand.toString());
        assertTrue(childCommand.contains("-Dfile.encoding=UTF-8"), "the user's -D options carry over: " + childCommand);
    }

    @Test
    void theExitCodeOfABadInputComesBack() throws Exception {
        Process parent = start(List.of("check", dir.resolve("missing.gpkg").toString()));
        assertTrue(parent.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, parent.exitValue(), Files.readString(dir.resolve("log.txt")));
    }

    @Test
    void theChildEndsWhenItsParentIsKilled() throws Exception {
        Process parent = start(List.of("check", SampleData.zengduSample().toString(), "--json", dir.resolve("k.json").toString()));
        ProcessHandle child = waitForChild(parent);
        assertTrue(child.isAlive(), "the check is still running when its parent is killed");
        parent.destroyForcibly(); // SIGKILL: the parent cannot stop the child itself
        assertTrue(child.onExit().get(10, TimeUnit.SECONDS) != null);
        assertFalse(child.isAlive());
    }

    private Process start(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true", "-cp", classPath(), Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
        pb.environment().remove(JvmChoice.NO_RESTART_ENV);
        return pb.start();
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private static ProcessHandle waitForChild(Process parent) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Optional<ProcessHandle> child = parent.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no child JVM was started");
    }

    /**
     * The child's command line, read again until the child has its own (right after the fork, before the exec, it has
     * none or the parent's). From /proc where there is one: {@code ProcessHandle.Info.arguments()} gives nothing for a
     * command line longer than the JDK's buffer, and the test class path makes this one long.
     */
    private static List<String> childCommand(Process parent) throws InterruptedException {
        ProcessHandle child = waitForChild(parent);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> args = List.of();
        while (System.nanoTime() < end) {
            args = arguments(child);
            if (args.contains("-Dbasinguard.tuned=true")) {
                return args;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child's command line never showed its options: " + args);
    }

    private static List<String> arguments(ProcessHandle p) {
        Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return List.of(Files.readString(cmdline, java.nio.charset.StandardCharsets.UTF_8).split("\0"));
            }
        } catch (java.io.IOException e) {
            // the child ended meanwhile: nothing to read
        }
        return p.info().arguments().map(List::of).orElse(List.of());
    }
}
