package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.CrsWkt;
import cn.basinguard.core.map.MapContent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** An orthophoto opened in the window: listed in the layer panel, drawn, and identified by its pixel value. */
class ImageryWindowTest extends WindowTest {
    @TempDir
    Path dir;

    /** A 256 × 256 TIFF (the JDK's writer) of 4 m pixels placed by a world file and a .prj, red in its top-left quarter. */
    private Path orthophoto() throws Exception {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                img.setRGB(x, y, x < 128 && y < 128 ? 0xFF0000 : 0x208040);
            }
        }
        Path tif = dir.resolve("ortho.tif");
        assertTrue(ImageIO.write(img, "tiff", tif.toFile()));
        Files.writeString(dir.resolve("ortho.tfw"), "4\n0\n0\n-4\n438002\n3520998\n");
        Files.writeString(dir.resolve("ortho.prj"), CrsWkt.of(CrsRegistry.fromEpsg(4547)).orElseThrow());
        return tif;
    }

    @Test
    void anOrthophotoIsListedDrawnAndIdentified(FxRobot robot) throws Exception {
        Path tif = orthophoto();
        robot.interact(() -> app.open(tif));
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.layers().list().getItems().stream().anyMatch(l -> l.name().equals("ortho"))
                && app.map().contentProperty().get() != null && app.map().contentProperty().get().layers().get(0).isImagery()
                && app.map().viewportProperty().get() != null); // the viewport is set once the map has been laid out
        MapContent c = app.map().contentProperty().get();
        assertEquals(4547, c.crs().epsg());
        var vp = app.map().viewportProperty().get();
        MapIdentify.Pixel red = MapIdentify.pixelAt(c, vp, 438_100, 3_520_900);
        assertNotNull(red);
        assertEquals(0xFFFF0000, red.argb());
        MapIdentify.Pixel green = MapIdentify.pixelAt(c, vp, 438_900, 3_520_100);
        assertEquals(0xFF208040, green.argb());
        assertTrue(MapIdentify.describe(red).contains("255"));
        assertEquals(null, MapIdentify.pixelAt(c, vp, 437_000, 3_520_100), "no image outside the orthophoto");
    }
}
