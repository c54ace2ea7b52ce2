package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bureau's folder in the real window on a real desktop: Xvfb with the GTK glass platform (not Monocle), the
 * machine's own fonts, run by {@link BureauFolderProbe} in a child JVM. Saves {@code bureau-folder-gtk.png} with the
 * other screenshots and checks from what the window showed that the layers said their files and encodings, the
 * control list was taken and the reservoir figures were marked approximate. Skipped where Xvfb or GTK 3 is missing;
 * {@code .ci/run} installs them.
 */
class BureauFolderDesktopTest {
    private static final Path WORK = Path.of("target", "gtk-bureau").toAbsolutePath();
    private static GtkDesktop desktop;

    @BeforeAll
    static void desktop() throws Exception {
        desktop = GtkDesktop.start(WORK);
    }

    @AfterAll
    static void stopDesktop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void theFolderOpenedInTheRealWindowShowsItsFilesEncodingsAndApproximateFigures() throws Exception {
        Path data = BureauFolderWindowTest.dataTarget();
        Path out = WORK.resolve("probe");
        Files.deleteIfExists(out.resolve("probe.properties"));
        desktop.runProbe(BureauFolderProbe.class, "cn/basinguard/test-gtk-bureau", Map.of(), 300,
                data.resolve("zengdu-bureau").toString(), data.resolve("zengdu-control-list.xlsx").toString(), out.toString(),
                Screenshots.DIR.toAbsolutePath().toString());
        Properties facts = GtkDesktop.facts(out);
        System.out.println("GTK bureau folder: " + facts.getProperty("glass") + "; " + facts.getProperty("screenshot"));
        assertTrue(facts.getProperty("glass").startsWith("Gtk"), "the GTK glass platform, not Monocle: " + facts);
        assertTrue(facts.getProperty("title").contains("zengdu-bureau"), facts.getProperty("title"));
        String lines = facts.getProperty("sourceLines");
        assertTrue(lines.contains("DLTB.shp · GB18030 按内容判断") && lines.contains("SKSM.shp · ⚠ 缺七参数"), lines);
        assertEquals("1", facts.getProperty("approximateLayers"));
        assertTrue(facts.getProperty("status").startsWith("核查完成") && facts.getProperty("status").contains("缺少七参数"), facts.getProperty("status"));
        BufferedImage png = ImageIO.read(Path.of(facts.getProperty("screenshot")).toFile());
        assertTrue(png.getWidth() >= 1000 && png.getHeight() >= 600, png.getWidth() + "×" + png.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 3) {
            for (int x = 0; x < png.getWidth(); x += 3) {
                colours.add(png.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 200, "the screen shows the window, not a blank: " + colours.size() + " colours");
    }
}
