package cn.basinguard.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.raster.RasterSource;
import cn.basinguard.core.raster.RasterWarp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/**
 * The 示意影像 of the sample: a tile layer in EPSG:4547 over the district, named and described as synthetic, whose
 * pixels follow the sample's own layers (water blue over a reservoir, forest dark over the red line), and the same bytes
 * each time. Made at 20 m pixels here to keep the test short; the shipped size is 5 m.
 */
class SyntheticOrthophotoTest {
    @TempDir
    static Path dir;
    static Path sample;
    static Path ortho;

    @BeforeAll
    static void generate() throws Exception {
        // only read: the shared sample, not one more made here (~40 s of CPU)
        sample = GeneratedSamples.of(ZengduSampleGenerator.DEFAULT_SEED);
        ortho = dir.resolve("ortho.gpkg");
        SyntheticOrthophoto.write(sample, ortho, 20);
    }

    @Test
    void isATileLayerMarkedAsSyntheticInTheDistrictsGrid() {
        try (GeoPackageSource src = GeoPackageSource.open(ortho)) {
            LayerInfo l = src.layers().get(0);
            assertTrue(l.isRaster());
            assertEquals(SyntheticOrthophoto.TABLE, l.name());
            assertEquals("示意影像", l.identifier());
            assertTrue(l.description().contains("示意") && l.description().contains("非真实影像"), l.description());
            assertEquals(4547, l.srs().crs().epsg());
        }
    }

    @Test
    void itsPixelsFollowTheSamplesLayers() {
        try (GeoPackageSource samples = GeoPackageSource.open(sample); GeoPackageSource src = GeoPackageSource.open(ortho);
             RasterSource r = src.raster(SyntheticOrthophoto.TABLE)) {
            Crs gk = SampleCrs.GK_CM114;
            for (Geometry water : interiors(samples, "SKSM", 5)) {
                int argb = RasterWarp.valueAt(r, gk, water.getCoordinate().x, water.getCoordinate().y, 20);
                assertTrue(blue(argb) > red(argb) && blue(argb) < 110, "water at " + water + ": " + Integer.toHexString(argb));
            }
            // fields drawn over the red line where the sample puts them there (its deliberate conflicts): most, not all
            int forest = 0;
            List<Geometry> redLine = interiors(samples, "STBHHX", 20);
            for (Geometry p : redLine) {
                int argb = RasterWarp.valueAt(r, gk, p.getCoordinate().x, p.getCoordinate().y, 20);
                if (green(argb) > red(argb) && green(argb) < 100 && blue(argb) < green(argb)) {
                    forest++;
                }
            }
            assertTrue(forest >= 16, forest + " of " + redLine.size() + " red-line points look like forest");
        }
    }

    @Test
    void sameSampleSameBytes() throws Exception {
        Path again = dir.resolve("again.gpkg");
        SyntheticOrthophoto.write(sample, again, 20);
        assertArrayEquals(Files.readAllBytes(ortho), Files.readAllBytes(again));
    }

    /** A point well inside each of the first {@code n} polygons of {@code table}, in EPSG:4547. */
    private static List<Geometry> interiors(GeoPackageSource src, String table, int n) {
        List<Geometry> out = new ArrayList<>();
        Crs crs = src.layers().stream().filter(l -> l.name().equals(table)).findFirst().orElseThrow().srs().crs();
        src.read(table, f -> {
            Geometry inner = f.geometry().buffer(-25);
            if (out.size() < n && !inner.isEmpty()) {
                out.add(GeometryTransformer.shared().transform(inner.getInteriorPoint(), crs, SampleCrs.GK_CM114));
            }
        }, p -> { });
        assertEquals(n, out.size());
        return out;
    }

    private static int red(int argb) {
        return argb >> 16 & 0xFF;
    }

    private static int green(int argb) {
        return argb >> 8 & 0xFF;
    }

    private static int blue(int argb) {
        return argb & 0xFF;
    }
}
