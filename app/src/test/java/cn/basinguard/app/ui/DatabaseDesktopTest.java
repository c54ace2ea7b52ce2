package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.postgis.TestDatabase;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * 文件 → 连接空间数据库 on a real desktop: {@link DatabaseProbe} in a child JVM on an Xvfb this test starts, with the GTK
 * glass platform (not Monocle), connects the real window to the test server through the dialog and captures the
 * screen twice — the dialog over the window, and the database's layers on the map. Saves database-connect-gtk.png and
 * database-gtk.png with the other screenshots. Skipped where Xvfb or GTK 3 is missing, or without the test server
 * (failing in CI, as the other PostGIS tests).
 */
class DatabaseDesktopTest {
    private static final Path WORK = Path.of("target", "gtk-database").toAbsolutePath();

    @Test
    void theRealWindowConnectsThroughTheDialogAndDrawsTheDatabase() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "a Linux desktop test");
        Assumptions.assumeTrue(onPath("Xvfb"), "Xvfb is not installed (apt-get install xvfb): GTK database test skipped");
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0")) || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libgtk-3.so.0")),
                "GTK 3 is not installed (apt-get install libgtk-3-0): GTK database test skipped");
        String schema = TestDatabase.sampleSchema();
        Files.createDirectories(WORK);
        Path home = WORK.resolve("home");
        Files.createDirectories(home);
        Path out = WORK.resolve("probe");
        Files.deleteIfExists(out.resolve("probe.properties"));

        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectError(WORK.resolve("xvfb.log").toFile()).start();
        try {
            String display;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))) {
                display = ":" + r.readLine().strip();
            }
            Path log = WORK.resolve("probe.log");
            ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dglass.platform=gtk", "-Duser.language=zh", "-Duser.country=CN", "-Dfile.encoding=UTF-8",
                    "-Duser.home=" + home, "-Dbasinguard.settings=cn/basinguard/test-gtk-database",
                    DatabaseProbe.class.getName(), out.toString(), Screenshots.DIR.toAbsolutePath().toString(), TestDatabase.address(schema)))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("DISPLAY", display);
            env.put("HOME", home.toString());
            env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
            env.put("GDK_BACKEND", "x11");
            env.put("LANG", "zh_CN.UTF-8");
            env.put("BASINGUARD_TEST_PGPASSWORD", TestDatabase.PASSWORD);
            env.remove("WAYLAND_DISPLAY");
            Process child = pb.start();
            if (!child.waitFor(180, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            assertEquals(0, child.exitValue(), "the GTK database probe failed; its output:\n" + tail(log));
            String said = Files.readString(log);
            assertTrue(!said.contains(TestDatabase.PASSWORD), "the password is in nothing the window prints");
        } finally {
            xvfb.destroy();
        }

        Properties facts = new Properties();
        try (Reader r = Files.newBufferedReader(out.resolve("probe.properties"))) {
            facts.load(r);
        }
        assertTrue(facts.getProperty("glass").startsWith("Gtk"), "the GTK glass platform, not Monocle: " + facts);
        assertTrue(facts.getProperty("title").contains(schema), facts.getProperty("title"));
        assertTrue(facts.getProperty("layers").contains("hx_2023:419"), facts.getProperty("layers"));
        assertTrue(Files.size(Screenshots.DIR.resolve("database-connect-gtk.png")) > 10_000, "the dialog's screenshot is saved");

        // the screen's pixels show the map drawn: many colours, far from one background
        BufferedImage screen = ImageIO.read(Screenshots.DIR.resolve("database-gtk.png").toFile());
        String[] m = facts.getProperty("map").split(",");
        int x0 = Integer.parseInt(m[0]);
        int y0 = Integer.parseInt(m[1]);
        int w = Math.min(Integer.parseInt(m[2]), screen.getWidth() - x0);
        int h = Math.min(Integer.parseInt(m[3]), screen.getHeight() - y0);
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                colours.merge(screen.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        int background = colours.values().stream().max(Integer::compare).orElse(0);
        double drawn = 1 - background / (double) (w * h);
        System.out.printf(Locale.ROOT, "GTK database window: %s; map %dx%d px, %.1f %% drawn over the background, %d colours%n",
                facts.getProperty("glass"), w, h, drawn * 100, colours.size());
        assertTrue(drawn > 0.1 && colours.size() > 100, "the database's layers are drawn: " + drawn + ", " + colours.size() + " colours");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
