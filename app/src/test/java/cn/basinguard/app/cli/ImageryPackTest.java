package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.raster.RasterSource;
import cn.basinguard.core.raster.RasterWarp;
import cn.basinguard.data.SampleData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack of a box of the sample beside an orthophoto carries the orthophoto in the box as a GeoPackage tile layer. */
class ImageryPackTest extends CliHarness {
    @TempDir
    Path dir;

    /** A 400 × 400 GeoTIFF of 5 m pixels in EPSG:4547 made by GDAL, grey with a red 20 × 20 px square at column 250, row 120. */
    private Path orthophoto(Path folder) throws Exception {
        BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                img.setRGB(x, y, x >= 250 && x < 270 && y >= 120 && y < 140 ? 0xFF0000 : 0x808080);
            }
        }
        Path png = dir.resolve("ortho.png");
        ImageIO.write(img, "png", png.toFile());
        Path tif = folder.resolve("ortho.tif");
        Process p;
        try {
            p = new ProcessBuilder("gdal_translate", "-q", "-a_srs", "EPSG:4547", "-a_ullr", "438000", "3521000", "440000", "3519000",
                    "-co", "TILED=YES", png.toString(), tif.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "gdal_translate not installed");
            return null;
        }
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        return tif;
    }

    @Test
    void aPackOfABoxCarriesTheImageryOfTheBox() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("delivery"));
        Files.copy(SampleData.zengduSample(), folder.resolve("zengdu.gpkg"));
        orthophoto(folder);
        Path pack = dir.resolve("box.gpkg");
        assertEquals(0, run("pack", folder.toString(), "--extent", "38425000,3505000,38440000,3525000", "--out", pack.toString()), err());
        try (GeoPackageSource p = GeoPackageSource.open(pack)) {
            LayerInfo ortho = p.layer("ortho");
            assertTrue(ortho.isRaster(), ortho.toString());
            try (RasterSource r = p.raster("ortho")) {
                assertEquals(4526, r.crs().epsg(), "cut in the box's CRS");
                var gk = CrsRegistry.fromEpsg(4547);
                // the red square's centre: column 260, row 130 of 5 m pixels
                int red = RasterWarp.valueAt(r, gk, 438_000 + 260 * 5, 3_521_000 - 130 * 5, 1);
                assertTrue(((red >> 16) & 0xFF) > 200 && ((red >> 8) & 0xFF) < 80, Integer.toHexString(red));
                int grey = RasterWarp.valueAt(r, gk, 438_600, 3_519_900, 1);
                assertTrue(Math.abs(((grey >> 8) & 0xFF) - 128) < 12, Integer.toHexString(grey));
                assertEquals(0, RasterWarp.valueAt(r, gk, 437_900, 3_519_900, 1), "nothing outside the orthophoto");
                assertTrue(r.extent().getWidth() >= 2000 && r.extent().getWidth() < 3000, r.extent().toString());
            }
        }
    }
}
