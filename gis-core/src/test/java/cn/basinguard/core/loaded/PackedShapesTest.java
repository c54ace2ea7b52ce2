package cn.basinguard.core.loaded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** Packed geometries give back exactly what was put in: every coordinate to the bit, NULL as null, empties by type. */
class PackedShapesTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void everyKindComesBackAsItWentIn() throws Exception {
        WKTReader r = new WKTReader();
        List<Geometry> in = new ArrayList<>();
        for (String wkt : List.of("POINT (38512345.6789 3512345.4321)", "LINESTRING (114.1 31.7, 114.2 31.8, 114.25 31.6)",
                "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))", "MULTIPOINT ((1 1), (-2 3))",
                "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2))", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.2 5.1, 5.8 5.1, 5.8 5.7, 5.2 5.1)))",
                "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 3 4), POLYGON ((0 0, 1 0, 0 1, 0 0)), GEOMETRYCOLLECTION (POINT (7 7)))",
                "MULTIPOLYGON (((-1e-3 -1e-3, 1e-3 -1e-3, 0 2e-3, -1e-3 -1e-3)))", "POINT (0 0)", "LINESTRING (-180 -90, 180 90)", "LINESTRING (-0.0 0, 4.9e-324 -1.7976931348623157e308, 1e-310 1)",
                "MULTIPOLYGON EMPTY", "LINESTRING EMPTY", "POINT EMPTY", "GEOMETRYCOLLECTION EMPTY")) {
            in.add(r.read(wkt));
        }
        PackedShapes shapes = pack(in);
        assertEquals(in.size(), shapes.size());
        for (int i = 0; i < in.size(); i++) {
            Geometry g = in.get(i);
            Geometry back = shapes.geometry(i);
            assertEquals(g.getGeometryType(), back.getGeometryType(), g.toText());
            assertTrue(back.equalsExact(g, tolerance(g)), g.toText() + " came back as " + back.toText());
            assertTrue(sameBits(g, back), g.toText() + " came back with other bits: " + back.toText());
            if (g.isEmpty()) {
                assertTrue(shapes.bounds()[4 * i] > shapes.bounds()[4 * i + 2], "an empty box for " + g.toText());
            } else {
                assertBounds(g.getEnvelopeInternal(), shapes.bounds(), i);
            }
            assertEquals(g instanceof org.locationtech.jts.geom.Puntal, shapes.puntal(i));
        }
    }

    @Test
    void randomPatchesAtEveryMagnitude() {
        Random rnd = new Random(20261130);
        List<Geometry> in = new ArrayList<>();
        double[] origins = {38_512_345.678, 512_345.678, 114.37, 0.0, -3.5e6, 1e-6};
        for (int k = 0; k < 600; k++) {
            double ox = origins[k % origins.length] * (1 + rnd.nextDouble() * 0.01);
            double oy = origins[(k + 1) % origins.length];
            double size = Math.max(Math.abs(ox), 1) * 1e-4;
            in.add(star(rnd, ox, oy, size, 3 + rnd.nextInt(200)));
        }
        PackedShapes shapes = pack(in);
        for (int i = 0; i < in.size(); i++) {
            Geometry g = in.get(i);
            assertTrue(shapes.geometry(i).equalsExact(g, tolerance(g)), "patch " + i);
            // the drawing path sees the same vertices as the geometry made from the bytes
            List<double[]> seen = new ArrayList<>();
            shapes.visit(i, new PackedShapes.Visitor() {
                @Override
                public void begin(int kind, int n) {
                }

                @Override
                public void vertex(double x, double y) {
                    seen.add(new double[] {x, y});
                }

                @Override
                public void end() {
                }
            });
            Coordinate[] cs = shapes.geometry(i).getCoordinates();
            assertEquals(cs.length, seen.size());
            for (int v = 0; v < cs.length; v++) {
                assertEquals(cs[v].x, seen.get(v)[0], 0.0);
                assertEquals(cs[v].y, seen.get(v)[1], 0.0);
            }
        }
    }

    @Test
    void aFeatureWithNothingToDrawKeepsItsPlaceAndMeetsNoBox() {
        PackedShapes.Builder b = PackedShapes.Builder.exact();
        b.add(GF.createPoint(new Coordinate(1, 2)));
        b.add(GF.createPolygon());
        b.add(GF.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(Double.NaN, 1)}));
        b.add(GF.createPoint(new Coordinate(Double.POSITIVE_INFINITY, 1)));
        b.add(null);
        b.add(GF.createPoint(new Coordinate(3, 4)));
        PackedShapes shapes = b.build();
        assertEquals(6, shapes.size());
        for (int i = 1; i <= 4; i++) {
            assertTrue(shapes.bounds()[4 * i] > shapes.bounds()[4 * i + 2], "an empty box for feature " + i);
        }
        assertEquals("POLYGON EMPTY", shapes.geometry(1).toText());
        // kept as given, for a check to say what is wrong with them; only no frame or read by area meets them
        assertEquals("LINESTRING (0 0, NaN 1)", shapes.geometry(2).toText());
        assertEquals(Double.POSITIVE_INFINITY, shapes.geometry(3).getCoordinate().x);
        assertTrue(shapes.puntal(3));
        assertEquals(null, shapes.geometry(4));
        assertFalse(shapes.puntal(4));
        assertEquals("POINT (3 4)", shapes.geometry(5).toText());
        int[] hits = new BoxIndex(shapes.bounds(), shapes.size()).query(new Envelope(-1e300, 1e300, -1e300, 1e300));
        assertEquals("[0, 5]", java.util.Arrays.toString(hits));
    }

    @Test
    void aLayerFarLargerThanABlockIsStoredWhole() {
        Random rnd = new Random(7);
        PackedShapes.Builder b = PackedShapes.Builder.exact();
        List<Geometry> in = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            // features of up to 5,000 vertices: several blocks, one feature larger than the first blocks
            Geometry g = star(rnd, 38_500_000 + k * 100, 3_500_000, 40, k == 3 ? 40_000 : 3 + rnd.nextInt(5000));
            in.add(g);
            b.add(g);
        }
        PackedShapes shapes = b.build();
        for (int i = 0; i < in.size(); i++) {
            assertTrue(shapes.geometry(i).equalsExact(in.get(i), tolerance(in.get(i))), "feature " + i);
        }
    }

    /** Packed for drawing only: each coordinate within 2⁻⁴⁰ of the feature's largest, in about 6 bytes a vertex. */
    @Test
    void forDrawingEachVertexIsOnTheGridOfItsFeature() {
        Random rnd = new Random(20261201);
        PackedShapes.Builder b = PackedShapes.Builder.forDrawing();
        PackedShapes.Builder exact = PackedShapes.Builder.exact();
        List<Geometry> in = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            Geometry g = star(rnd, 38_500_000 + rnd.nextDouble() * 1e5, 3_500_000 + rnd.nextDouble() * 1e5, 60, 3 + rnd.nextInt(300));
            in.add(g);
            b.add(g);
            exact.add(g);
        }
        b.add(null);
        b.add(GF.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(Double.NaN, 1)}));
        PackedShapes shapes = b.build();
        for (int i = 0; i < in.size(); i++) {
            Geometry g = in.get(i);
            double largest = Math.max(Math.abs(g.getEnvelopeInternal().getMaxX()), Math.abs(g.getEnvelopeInternal().getMaxY()));
            assertTrue(shapes.geometry(i).equalsExact(g, Math.scalb(largest, -39)), "feature " + i);
        }
        assertEquals(null, shapes.geometry(in.size()));
        assertTrue(shapes.geometry(in.size() + 1).isEmpty(), "a coordinate that is no number: nothing to draw");
        long drawing = java.util.Arrays.stream(blocksOf(shapes)).mapToLong(x -> x.length).sum();
        long bits = java.util.Arrays.stream(blocksOf(exact.build())).mapToLong(x -> x.length).sum();
        int vertices = in.stream().mapToInt(Geometry::getNumPoints).sum();
        assertTrue(drawing < 7.0 * vertices && bits < 12.0 * vertices && bits > drawing, drawing + " and " + bits + " bytes for " + vertices + " vertices");
    }

    private static byte[][] blocksOf(PackedShapes s) {
        try {
            java.lang.reflect.Field f = PackedShapes.class.getDeclaredField("blocks");
            f.setAccessible(true);
            return (byte[][]) f.get(s);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** None: every coordinate comes back to the bit (a signed zero and a denormal included). */
    private static double tolerance(Geometry g) {
        return 0;
    }

    private static boolean sameBits(Geometry a, Geometry b) {
        Coordinate[] x = a.getCoordinates();
        Coordinate[] y = b.getCoordinates();
        if (x.length != y.length) {
            return false;
        }
        for (int k = 0; k < x.length; k++) {
            if (Double.doubleToRawLongBits(x[k].x) != Double.doubleToRawLongBits(y[k].x)
                    || Double.doubleToRawLongBits(x[k].y) != Double.doubleToRawLongBits(y[k].y)) {
                return false;
            }
        }
        return true;
    }

    private static void assertBounds(Envelope e, double[] b, int i) {
        assertEquals(e.getMinX(), b[4 * i], 0.0);
        assertEquals(e.getMinY(), b[4 * i + 1], 0.0);
        assertEquals(e.getMaxX(), b[4 * i + 2], 0.0);
        assertEquals(e.getMaxY(), b[4 * i + 3], 0.0);
    }

    private static PackedShapes pack(List<Geometry> gs) {
        PackedShapes.Builder b = PackedShapes.Builder.exact();
        gs.forEach(b::add);
        return b.build();
    }

    /** A star of {@code n} points round (x, y), with a hole when it has many. */
    static Polygon star(Random rnd, double x, double y, double size, int n) {
        Coordinate[] shell = new Coordinate[n + 1];
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / n;
            double r = size * (0.5 + rnd.nextDouble() / 2);
            shell[k] = new Coordinate(x + r * Math.cos(a), y + r * Math.sin(a));
        }
        shell[n] = shell[0];
        LinearRing[] holes = new LinearRing[0];
        if (n > 20) {
            double h = size / 10;
            holes = new LinearRing[] {GF.createLinearRing(new Coordinate[] {new Coordinate(x - h, y - h), new Coordinate(x - h, y + h),
                new Coordinate(x + h, y + h), new Coordinate(x + h, y - h), new Coordinate(x - h, y - h)})};
        }
        return GF.createPolygon(GF.createLinearRing(shell), holes);
    }
}
