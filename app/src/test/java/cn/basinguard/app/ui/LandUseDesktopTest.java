package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
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
    void theRealWindowDrawsLandClassesInTheirColoursAndShowsASitesTables() throws Exception {
        Path out = WORK.resolve("probe");
        Files.deleteIfExists(out.resolve("probe.properties"));
        desktop.runProbe(LandUseProbe.class, "cn/basinguard/test-gtk-landuse", Map.of(), 300,
                out.toString(), Screenshots.DIR.toAbsolutePath().toString());
        Properties facts = GtkDesktop.facts(out);
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
}
