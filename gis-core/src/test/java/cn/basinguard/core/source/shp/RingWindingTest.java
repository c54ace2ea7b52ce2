package cn.basinguard.core.source.shp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.testing.HandmadeShapefile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Polygons written with the windings the Shapefile rule expects and with others, as exporters other than ArcGIS write
 * them: a square with a square hole is 7,500 m² however its rings wind. The file is written byte by byte
 * ({@link HandmadeShapefile}: our writer and GDAL's both wind rings by the rule, so neither can make this file).
 */
class RingWindingTest {
    @TempDir
    Path dir;

    private static final double X = 38430000;
    private static final double Y = 3496000;

    /** A square of {@code size} m at (X + at, Y + at), clockwise when {@code clockwise}. */
    private static double[] square(double at, double size, boolean clockwise) {
        double x0 = X + at;
        double y0 = Y + at;
        double[] cw = {x0, y0, x0, y0 + size, x0 + size, y0 + size, x0 + size, y0, x0, y0};
        if (clockwise) {
            return cw;
        }
        double[] ccw = new double[cw.length];
        for (int i = 0; i < cw.length; i += 2) {
            ccw[i] = cw[cw.length - 2 - i];
            ccw[i + 1] = cw[cw.length - 1 - i];
        }
        return ccw;
    }

    @Test
    void aPolygonWithAHoleIsTheSameWhicheverWayItsRingsWind() throws Exception {
        List<double[][]> records = List.of(
                new double[][] {square(0, 100, true)},                            // the rule: clockwise outer ring
                new double[][] {square(0, 100, false)},                           // one ring, counter-clockwise
                new double[][] {square(0, 100, true), square(25, 50, false)},     // the rule: a counter-clockwise hole
                new double[][] {square(0, 100, false), square(25, 50, true)},     // both reversed
                new double[][] {square(25, 50, true), square(0, 100, false)});    // both reversed, the hole first
        Path shp = write(records);
        List<Feature> read = new ArrayList<>();
        try (DataSources.Opened o = DataSources.open(shp.toString(), SourceOptions.DEFAULT)) {
            DataSource s = o.sources().get(0);
            s.read(s.layers().get(0).name(), null, null, read::add, p -> { });
        }
        double[] areas = {10_000, 10_000, 7_500, 7_500, 7_500};
        assertEquals(areas.length, read.size());
        for (int i = 0; i < areas.length; i++) {
            Geometry g = read.get(i).geometry();
            assertTrue(g.isValid(), i + ": " + g);
            assertEquals(areas[i], g.getArea(), 1e-6, i + ": " + g);
            if (areas[i] < 10_000) {
                assertTrue(g instanceof Polygon p && p.getNumInteriorRing() == 1, i + ": " + g);
            }
        }
    }

    /** Writes the records as a .shp (no .shx: the reader walks the records) and a .dbf giving each the land class 0103. */
    private Path write(List<double[][]> records) throws Exception {
        Path path = dir.resolve("dltb.shp");
        Files.write(path, HandmadeShapefile.polygons(records.toArray(double[][][]::new)));
        Files.write(dir.resolve("dltb.dbf"), HandmadeShapefile.dbf("DLBM", 4, records.stream().map(r -> "0103").toArray(String[]::new)));
        return path;
    }
}
