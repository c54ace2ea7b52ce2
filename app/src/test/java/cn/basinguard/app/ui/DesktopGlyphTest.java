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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 㵐 (U+3D50, CJK Extension A) on a real desktop: the real window under Xvfb with the GTK glass platform (not Monocle),
 * in a child JVM whose fontconfig sees only WenQuanYi Micro Hei (the default CJK font here, which lacks Extension A)
 * and DejaVu. {@link GlyphProbe} shows 㵐水片区 in a results table cell, a tab, a dialog and the status label and reads
 * the screen; this test proves from those pixels that no missing-glyph box is drawn: at each place the first
 * character differs from the same place drawn with a character no font has (a box), and matches 㵐 drawn there in
 * the bundled font alone. Skipped with a message where Xvfb, GTK 3, fontconfig or the two fonts are missing;
 * {@code .ci/run} installs them.
 */
class DesktopGlyphTest {
    private static final Path WORK = Path.of("target", "gtk-glyphs").toAbsolutePath();
    private static Process xvfb;
    private static String display;
    private static Path fontsConf;

    @BeforeAll
    static void desktop() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "a Linux desktop test");
        Assumptions.assumeTrue(onPath("Xvfb"), "Xvfb is not installed (apt-get install xvfb): GTK glyph test skipped");
        Assumptions.assumeTrue(onPath("fc-list") && onPath("fc-match"), "fontconfig tools are not installed: GTK glyph test skipped");
        Assumptions.assumeTrue(hasGtk3(), "GTK 3 is not installed (apt-get install libgtk-3-0): GTK glyph test skipped");
        Files.createDirectories(WORK);
        fontsConf = privateFontConfig();
        Assumptions.assumeTrue(fontsConf != null, "WenQuanYi Micro Hei and DejaVu fonts are needed (fonts-wqy-microhei, fonts-dejavu-core)");

        // the premise: on this font setup the desktop's CJK font is WenQuanYi, and no font has 㵐 or U+E000
        assertTrue(run(List.of("fc-match", "-f", "%{family[0]}", "sans:lang=zh-cn")).startsWith("WenQuanYi"),
                "WenQuanYi Micro Hei is the default CJK font of the test's font setup");
        assertEquals("", run(List.of("fc-list", ":charset=3d50", "family")).strip(), "no desktop font of the test has 㵐");
        assertEquals("", run(List.of("fc-list", ":charset=e000", "family")).strip(), "no desktop font of the test has U+E000");
        java.awt.Font bundled = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, DesktopFonts.bundledFile().toFile());
        assertTrue(bundled.canDisplay(0x3D50) && !bundled.canDisplay(0xE000), "the bundled font has 㵐 and no U+E000");

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
    void everyPlaceDrawsTheExtensionACharacterNotABox() throws Exception {
        Path out = WORK.resolve("probe");
        Path home = WORK.resolve("home");
        for (Path p : List.of(out, home)) {
            if (Files.exists(p)) {
                try (var files = Files.walk(p)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        Files.createDirectories(home);
        Path log = WORK.resolve("probe.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=gtk", "-Duser.language=zh", "-Duser.country=CN", "-Dfile.encoding=UTF-8",
                "-Duser.home=" + home, "-Dbasinguard.settings=cn/basinguard/test-gtk",
                GlyphProbe.class.getName(), out.toString(), Screenshots.DIR.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("DISPLAY", display);
        env.put("FONTCONFIG_FILE", fontsConf.toString());
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("GDK_BACKEND", "x11");
        env.put("LANG", "zh_CN.UTF-8");
        env.remove("WAYLAND_DISPLAY");
        Process child = pb.start();
        if (!child.waitFor(180, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue(), "the GTK probe failed; its output:\n" + tail(log));

        Properties facts = new Properties();
        try (Reader r = Files.newBufferedReader(out.resolve("probe.properties"))) {
            facts.load(r);
        }
        assertTrue(facts.getProperty("glass").startsWith("Gtk"), "the GTK glass platform, not Monocle: " + facts);
        System.out.println("GTK glyph probe: glass " + facts.getProperty("glass") + ", pipeline " + facts.getProperty("pipeline"));
        for (String place : List.of("cell", "tab", "dialog", "label")) {
            Glyphs g = Glyphs.of(out, place, facts);
            double boxDiff = g.differingShare(g.real, g.missing);
            double real = g.bestCorrelation(g.real, g.bundled);
            double box = g.bestCorrelation(g.missing, g.bundled);
            System.out.printf(Locale.ROOT, "  %-6s font %s %.0fpx: first character differs from the missing-glyph box in %.0f%% of its pixels;"
                    + " correlation with the bundled font's 㵐: drawn %.3f, box %.3f%n", place, facts.getProperty(place + ".font"),
                    g.size, boxDiff * 100, real, box);
            assertTrue(g.hasInk(g.real), place + ": 㵐 is drawn at all");
            assertTrue(g.differingShare(g.bundled, g.missing) > 0.08, place + ": the bundled font's 㵐 is no box either");
            assertTrue(boxDiff > 0.08, place + ": the drawn 㵐 differs from the missing-glyph box (" + boxDiff + ")");
            assertTrue(real > 0.9, place + ": the drawn 㵐 is the bundled font's glyph (correlation " + real + ")");
            assertTrue(box < real - 0.2, place + ": a box would not match it (" + box + " vs " + real + ")");
        }
        // the fallback changes nothing else: ordinary CJK and Latin are drawn in the desktop's own font. (Named, the
        // physical font may place a glyph a hair differently: a faint edge pixel one grey level off, nothing more.)
        BufferedImage plain = ImageIO.read(out.resolve("plain-real.png").toFile());
        BufferedImage desktop = ImageIO.read(out.resolve("plain-desktop.png").toFile());
        int differ = 0;
        int most = 0;
        for (int y = 0; y < plain.getHeight(); y++) {
            for (int x = 0; x < plain.getWidth(); x++) {
                int a = plain.getRGB(x, y);
                int b = desktop.getRGB(x, y);
                int d = 0;
                for (int shift = 0; shift < 24; shift += 8) {
                    d = Math.max(d, Math.abs((a >> shift & 255) - (b >> shift & 255)));
                }
                most = Math.max(most, d);
                differ += d > 16 ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "  plain text (%s): %d of %d pixels differ (by more than 16 of 255; largest difference %d)"
                + " from the desktop font %s%n", GlyphProbe.PLAIN, differ, plain.getWidth() * plain.getHeight(), most,
                facts.getProperty("plain.desktopFont"));
        assertEquals(0, differ, "ordinary CJK and Latin are drawn as in the desktop's font " + facts.getProperty("plain.desktopFont"));
        assertTrue(Files.size(Screenshots.DIR.resolve("glyphs-gtk-results.png")) > 10_000, "the screenshot is saved");
    }

    /** The three captures of one place, as ink (0 background .. 1 text), around its first character. */
    static final class Glyphs {
        final double[][] real;
        final double[][] missing;
        final double[][] bundled;
        final double size;
        final int x0;
        final int x1;

        private Glyphs(double[][] real, double[][] missing, double[][] bundled, double size, double glyphX) {
            this.real = real;
            this.missing = missing;
            this.bundled = bundled;
            this.size = size;
            this.x0 = Math.max(0, (int) Math.floor(glyphX) - 1);
            this.x1 = Math.min(real[0].length, (int) Math.ceil(glyphX + size) + 1);
        }

        static Glyphs of(Path dir, String place, Properties facts) throws IOException {
            return new Glyphs(ink(dir.resolve(place + "-real.png")), ink(dir.resolve(place + "-missing.png")),
                    ink(dir.resolve(place + "-bundled.png")), Double.parseDouble(facts.getProperty(place + ".size")),
                    Double.parseDouble(facts.getProperty(place + ".glyphX")));
        }

        /** Ink per pixel: how far from the capture's background (its commonest grey) towards its text colour. */
        static double[][] ink(Path png) throws IOException {
            BufferedImage img = ImageIO.read(png.toFile());
            int w = img.getWidth();
            int h = img.getHeight();
            int[] histogram = new int[256];
            int[][] lum = new int[h][w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    int l = (int) Math.round(0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255));
                    lum[y][x] = l;
                    histogram[l]++;
                }
            }
            int bg = 0;
            for (int l = 0; l < 256; l++) {
                if (histogram[l] > histogram[bg]) {
                    bg = l;
                }
            }
            int darkest = bg;
            for (int[] row : lum) {
                for (int l : row) {
                    darkest = Math.min(darkest, l);
                }
            }
            double range = Math.max(1, bg - darkest);
            double[][] ink = new double[h][w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    ink[y][x] = Math.max(0, bg - lum[y][x]) / range;
                }
            }
            return ink;
        }

        boolean hasInk(double[][] a) {
            double sum = 0;
            for (double[] row : a) {
                for (int x = x0; x < x1; x++) {
                    sum += row[x];
                }
            }
            return sum > size;
        }

        /** The share of the first character's pixels whose ink differs clearly between two captures. */
        double differingShare(double[][] a, double[][] b) {
            int differ = 0;
            int inked = 0;
            for (int y = 0; y < a.length; y++) {
                for (int x = x0; x < x1; x++) {
                    if (a[y][x] > 0.25 || b[y][x] > 0.25) {
                        inked++;
                        if (Math.abs(a[y][x] - b[y][x]) > 0.35) {
                            differ++;
                        }
                    }
                }
            }
            return inked == 0 ? 0 : differ / (double) inked;
        }

        /**
         * Pearson correlation of the first character's ink in {@code a} with that of {@code template}, at the best
         * shift of up to 3 pixels across and 5 down or up (the bundled font alone sets a different baseline).
         */
        double bestCorrelation(double[][] a, double[][] template) {
            double best = -1;
            for (int dy = -5; dy <= 5; dy++) {
                for (int dx = -3; dx <= 3; dx++) {
                    best = Math.max(best, correlation(a, template, dx, dy));
                }
            }
            return best;
        }

        private double correlation(double[][] a, double[][] t, int dx, int dy) {
            double sa = 0;
            double st = 0;
            double saa = 0;
            double stt = 0;
            double sat = 0;
            int n = 0;
            for (int y = 0; y < t.length; y++) {
                int ya = y + dy;
                if (ya < 0 || ya >= a.length) {
                    continue;
                }
                for (int x = x0; x < x1; x++) {
                    int xa = x + dx;
                    if (xa < 0 || xa >= a[0].length) {
                        continue;
                    }
                    double va = a[ya][xa];
                    double vt = t[y][x];
                    sa += va;
                    st += vt;
                    saa += va * va;
                    stt += vt * vt;
                    sat += va * vt;
                    n++;
                }
            }
            double cov = sat - sa * st / n;
            double var = Math.sqrt((saa - sa * sa / n) * (stt - st * st / n));
            return var == 0 ? 0 : cov / var;
        }
    }

    /** A font setup with WenQuanYi Micro Hei and DejaVu only, the system's rules kept; null when either font is absent. */
    private static Path privateFontConfig() throws IOException, InterruptedException {
        TreeSet<String> dirs = new TreeSet<>();
        boolean wqy = false;
        boolean dejavu = false;
        for (String line : run(List.of("fc-list", "--format", "%{family[0]}\t%{file}\n")).split("\n")) {
            String[] parts = line.split("\t");
            if (parts.length == 2 && (parts[0].startsWith("WenQuanYi Micro Hei") || parts[0].startsWith("DejaVu"))) {
                wqy |= parts[0].startsWith("WenQuanYi");
                dejavu |= parts[0].startsWith("DejaVu");
                dirs.add(Path.of(parts[1]).getParent().toString());
            }
        }
        if (!wqy || !dejavu) {
            return null;
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n");
        for (String d : dirs) {
            xml.append("  <dir>").append(d).append("</dir>\n");
        }
        xml.append("  <cachedir>").append(WORK.resolve("fontconfig-cache")).append("</cachedir>\n");
        xml.append("  <include ignore_missing=\"yes\">/etc/fonts/conf.d</include>\n</fontconfig>\n");
        Path conf = WORK.resolve("fonts.conf");
        Files.writeString(conf, xml);
        return conf;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (fontsConf != null) {
            pb.environment().put("FONTCONFIG_FILE", fontsConf.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasGtk3() throws IOException, InterruptedException {
        return onPath("ldconfig") ? run(List.of("ldconfig", "-p")).contains("libgtk-3.so.0")
                : Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0"));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
