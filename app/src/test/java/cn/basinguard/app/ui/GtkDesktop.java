package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real desktop for the tests that look at the window as users see it: an Xvfb display, and probes run there in a
 * child JVM with the GTK glass platform (not Monocle) and the machine's own fonts. The test is skipped where Xvfb or
 * GTK 3 is missing; {@code .ci/run} installs them.
 */
final class GtkDesktop implements AutoCloseable {
    private final Path work;
    private final Process xvfb;
    private final String display;

    private GtkDesktop(Path work, Process xvfb, String display) {
        this.work = work;
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Starts a 1600×1000 display, its log in {@code work}; skips the test where the desktop cannot be had. */
    static GtkDesktop start(Path work) throws IOException {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "a Linux desktop test");
        Assumptions.assumeTrue(onPath("Xvfb"), "Xvfb is not installed (apt-get install xvfb): GTK screenshot skipped");
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0")) || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libgtk-3.so.0")),
                "GTK 3 is not installed (apt-get install libgtk-3-0): GTK screenshot skipped");
        Files.createDirectories(work);
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectError(work.resolve("xvfb.log").toFile()).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))) {
            return new GtkDesktop(work, xvfb, ":" + r.readLine().strip());
        }
    }

    /**
     * Runs {@code probe}'s main with {@code args} on this display, in Chinese, with a home of its own under the work
     * folder and its settings under {@code settings}; fails the test with the end of its output when it does not exit 0.
     *
     * @param env more environment for the child (it may name the locale: LANG is C.UTF-8 otherwise, a UTF-8 C library
     *            locale every Linux has — the bureau's file names are Chinese, and under a locale the C library lacks
     *            Java would name files in ASCII and could not open them)
     * @return the child's output
     */
    Path runProbe(Class<?> probe, String settings, Map<String, String> env, int timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Path home = work.resolve("home");
        Files.createDirectories(home);
        Path log = work.resolve("probe.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=gtk", "-Duser.language=zh", "-Duser.country=CN", "-Dfile.encoding=UTF-8",
                "-Duser.home=" + home, "-Dbasinguard.settings=" + settings, probe.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> e = pb.environment();
        e.put("DISPLAY", display);
        e.put("HOME", home.toString());
        e.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        e.put("GDK_BACKEND", "x11");
        e.put("LANG", "C.UTF-8");
        e.remove("LC_ALL");
        e.remove("WAYLAND_DISPLAY");
        e.putAll(env);
        Process child = pb.start();
        if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
        }
        assertEquals(0, child.exitValue(), "the GTK probe " + probe.getSimpleName() + " failed; its output:\n" + tail(log));
        return log;
    }

    /** The facts a probe wrote to {@code probe.properties} in {@code out}. */
    static Properties facts(Path out) throws IOException {
        Properties facts = new Properties();
        try (Reader r = Files.newBufferedReader(out.resolve("probe.properties"))) {
            facts.load(r);
        }
        return facts;
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        xvfb.destroy();
    }
}
