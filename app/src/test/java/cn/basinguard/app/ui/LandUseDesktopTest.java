package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The land-use layer and a site's tables in the real window on a real desktop: Xvfb with the GTK glass platform (not
 * Monocle), the machine's own fonts, run by {@link LandUseProbe} in a child JVM. Saves {@code land-classes-gtk.png}
 * (the map in land-class colours with its legend, and a site's land-class table) and {@code site-patches-gtk.png} (its
 * patch table) with the other screenshots. Skipped where Xvfb or GTK 3 is missing; {@code .ci/run} installs them.
 */
class LandUseDesktopTest {
    private static final Path WORK = Path.of("target", "gtk-landuse").toAbsolutePath();
    private static Process xvfb;
    private static String display;

    @BeforeAll
    static void desktop() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "a Linux desktop test");
        Assumptions.assumeTrue(onPath("Xvfb"), "Xvfb is not installed (apt-get install xvfb): GTK screenshot skipped");
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0")) || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libgtk-3.so.0")),
                "GTK 3 is not installed (apt-get install libgtk-3-0): GTK screenshot skipped");
        Files.createDirectories(WORK);
        xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectError(WORK.resolve("xvfb.log").toFile()).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))) {
            display = ":" + r.readLine().strip();
        }
    }

    @AfterAll
    static void stopDesktop() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }

    @Test
    void theRealWindowDrawsLandClassesInTheirColoursAndShowsASitesTables() throws Exception {
        Path out = WORK.resolve("probe");
        Path home = WORK.resolve("home");
        Files.createDirectories(home);
        Files.deleteIfExists(out.resolve("probe.properties"));
        Path log = WORK.resolve("probe.log");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=gtk", "-Duser.language=zh", "-Duser.country=CN", "-Dfile.encoding=UTF-8",
                "-Duser.home=" + home, "-Dbasinguard.settings=cn/basinguard/test-gtk-landuse",
                LandUseProbe.class.getName(), out.toString(), Screenshots.DIR.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        pb.environment().put("GDK_BACKEND", "x11");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().remove("LC_ALL");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process child = pb.start();
        if (!child.waitFor(300, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
        }
        assertEquals(0, child.exitValue(), "the GTK probe failed; its output:\n" + tail(log));

        Properties facts = new Properties();
        try (Reader r = Files.newBufferedReader(out.resolve("probe.properties"))) {
            facts.load(r);
        }
        System.out.println("GTK land use: " + facts.getProperty("glass") + "; " + facts.getProperty("classesScreenshot"));
        assertTrue(facts.getProperty("glass").startsWith("Gtk"), "the GTK glass platform, not Monocle: " + facts);
        assertTrue(facts.getProperty("heading").startsWith(facts.getProperty("site")), facts.getProperty("heading"));
        assertTrue(facts.getProperty("legend").contains("01 耕地") && facts.getProperty("legend").contains("0101 水田"), facts.getProperty("legend"));
        BufferedImage png = ImageIO.read(Path.of(facts.getProperty("classesScreenshot")).toFile());
        // the screen shows the land-use layer in the 水田 colour (248, 208, 114) somewhere on the map
        int paddy = 0;
        for (int y = 0; y < png.getHeight(); y += 2) {
            for (int x = 0; x < png.getWidth(); x += 2) {
                if ((png.getRGB(x, y) & 0xFFFFFF) == 0xF8D072) {
                    paddy++;
                }
            }
        }
        assertTrue(paddy > 200, "水田 patches in their colour on the screen: " + paddy + " samples");
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
