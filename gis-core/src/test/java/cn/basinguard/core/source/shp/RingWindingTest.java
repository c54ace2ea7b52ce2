package cn.basinguard.core.source.shp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * them: a square with a square hole is 7,500 m² however its rings wind. The file is written byte by byte here (our
 * writer and GDAL's both wind rings by the rule, so neither can make this file).
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

    /** Writes polygon records (.shp, .shx, and a .dbf of one text column) as the Shapefile specification lays them out. */
    private Path write(List<double[][]> records) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (double[][] rings : records) {
            int points = 0;
            for (double[] r : rings) {
                points += r.length / 2;
            }
            ByteBuffer b = ByteBuffer.allocate(44 + 4 * rings.length + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(5).putDouble(X).putDouble(Y).putDouble(X + 100).putDouble(Y + 100).putInt(rings.length).putInt(points);
            int start = 0;
            for (double[] r : rings) {
                b.putInt(start);
                start += r.length / 2;
            }
            for (double[] r : rings) {
                for (double v : r) {
                    b.putDouble(v);
                }
            }
            bodies.add(b.array());
        }
        ByteArrayOutputStream shp = new ByteArrayOutputStream();
        ByteArrayOutputStream shx = new ByteArrayOutputStream();
        int offset = 50;
        for (int i = 0; i < bodies.size(); i++) {
            byte[] body = bodies.get(i);
            shp.write(ByteBuffer.allocate(8).putInt(i + 1).putInt(body.length / 2).array());
            shp.write(body);
            shx.write(ByteBuffer.allocate(8).putInt(offset).putInt(body.length / 2).array());
            offset += 4 + body.length / 2;
        }
        Path path = dir.resolve("dltb.shp");
        Files.write(path, concat(header(50 + shp.size() / 2), shp.toByteArray()));
        Files.write(dir.resolve("dltb.shx"), concat(header(50 + shx.size() / 2), shx.toByteArray()));
        ByteBuffer dbf = ByteBuffer.allocate(32 + 32 + 1 + records.size() * 5 + 1).order(ByteOrder.LITTLE_ENDIAN);
        dbf.put((byte) 3).put((byte) 126).put((byte) 1).put((byte) 1).putInt(records.size()).putShort((short) 65).putShort((short) 5);
        dbf.position(32);
        dbf.put("DLBM".getBytes()).position(32 + 11);
        dbf.put((byte) 'C').position(32 + 16);
        dbf.put((byte) 4).put((byte) 0).position(64);
        dbf.put((byte) 0x0d);
        for (int i = 0; i < records.size(); i++) {
            dbf.put(" 0103".getBytes());
        }
        dbf.put((byte) 0x1a);
        Files.write(dir.resolve("dltb.dbf"), dbf.array());
        return path;
    }

    private static byte[] header(int lengthInWords) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.putInt(9994).position(24);
        b.putInt(lengthInWords);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(5).putDouble(X).putDouble(Y).putDouble(X + 100).putDouble(Y + 100);
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
