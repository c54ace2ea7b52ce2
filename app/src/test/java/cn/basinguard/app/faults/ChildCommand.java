package cn.basinguard.app.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program run as a separate {@code java} process, as a user runs it, on this build's classes: the command line's
 * own main class ({@code cn.basinguard.app.Main}) or a test main. Output goes to a log file beside the outputs.
 */
final class ChildCommand {
    private ChildCommand() {
    }

    /** The test class path, which holds the build's classes and every library (surefire names it). */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    static Process start(Path log, String mainClass, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-cp", classPath(), mainClass));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
