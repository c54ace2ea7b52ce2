package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The sample with its 示意影像 under the vectors in the real window on a real desktop (Xvfb, GTK glass, the machine's
 * fonts), run by {@link ImageryProbe} in a child JVM; saves {@code imagery-gtk.png} with the other screenshots. The
 * layer shows as 示意影像 in the layer panel and the legend, and the map area of the screen is imagery: mostly the
 * greens and browns of the ground, not the white of an empty map. Then the map is dragged with the X server's pointer
 * ({@code imagery-gtk-dragging.png} while the button is held, {@code imagery-gtk-panned.png} after): it followed the
 * hand, asked for no frame meanwhile, and is imagery again once the drag's frame came. Skipped where Xvfb or GTK 3 is
 * missing.
 */
class ImageryDesktopTest {
    private static final Path WORK = Path.of("target", "gtk-imagery").toAbsolutePath();
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
    void theSampleShowsOverItsSyntheticOrthophoto() throws Exception {
        Path out = WORK.resolve("probe");
        Files.deleteIfExists(out.resolve("probe.properties"));
        desktop.runProbe(ImageryProbe.class, "cn/basinguard/test-gtk-imagery", Map.of(), 400, out.toString(),
                Screenshots.DIR.toAbsolutePath().toString());
        Properties facts = GtkDesktop.facts(out);
        System.out.println("GTK imagery: " + facts.getProperty("glass") + "; " + facts.getProperty("screenshot"));
        assertTrue(facts.getProperty("glass").startsWith("Gtk"), "the GTK glass platform, not Monocle: " + facts);
        assertTrue(facts.getProperty("mapLayers").startsWith("示意影像\n"), "the imagery is the lowest layer: " + facts.getProperty("mapLayers"));
        assertTrue(facts.getProperty("layerList").contains("示意影像"), facts.getProperty("layerList"));
        assertTrue(facts.getProperty("legend").contains("示意影像"), facts.getProperty("legend"));
        String[] box = facts.getProperty("mapBox").split(",");
        assertLooksLikeGround(facts.getProperty("screenshot"), box);
        // a drag with the X server's pointer: the map followed the hand, and the drag's own frame came once it ended
        assertEquals("false", facts.getProperty("draggingUpToDate"), "no new frame while the button was held");
        String[] moved = facts.getProperty("panPixels").split(",");
        assertEquals(300, Integer.parseInt(moved[0]), 2, facts.getProperty("panPixels"));
        assertEquals(-120, Integer.parseInt(moved[1]), 2, facts.getProperty("panPixels"));
        assertLooksLikeGround(facts.getProperty("pannedScreenshot"), box);
    }

    /** Most of the map box of the screenshot shows the imagery's ground colours. */
    private static void assertLooksLikeGround(String screenshot, String[] box) throws Exception {
        BufferedImage png = ImageIO.read(Path.of(screenshot).toFile());
        int x0 = Integer.parseInt(box[0]);
        int y0 = Integer.parseInt(box[1]);
        int w = Integer.parseInt(box[2]);
        int h = Integer.parseInt(box[3]);
        int ground = 0;
        int samples = 0;
        for (int y = y0; y < Math.min(png.getHeight(), y0 + h); y += 4) {
            for (int x = x0; x < Math.min(png.getWidth(), x0 + w); x += 4) {
                int p = png.getRGB(x, y);
                int r = p >> 16 & 0xFF;
                int g = p >> 8 & 0xFF;
                int b = p & 0xFF;
                samples++;
                // the imagery's palette: darker than 200 and greener or browner than it is blue (water aside)
                if (Math.max(r, Math.max(g, b)) < 200 && (g >= b || r >= b)) {
                    ground++;
                }
            }
        }
        assertTrue(ground > samples * 0.6, "imagery under the map: " + ground + " of " + samples + " samples look like ground in " + screenshot);
    }
}
