package cn.basinguard.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** The 32号 area against GeographicLib's exact geodesic polygon area (cn-standards §1.7). */
class GeodesicCrossCheckTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Crs ZONE38 = CrsRegistry.fromEpsg(4526);
    private static final Crs CGCS2000 = CrsRegistry.fromEpsg(4490);

    /** A star-shaped parcel around (easting, northing) in EPSG:4526, radius r metres. */
    static Polygon star(Random rnd, double e, double n, double r, int vertices) {
        Coordinate[] c = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            double radius = r * (0.6 + 0.4 * rnd.nextDouble());
            c[i] = new Coordinate(38_000_000 + e + radius * Math.cos(angle), n + radius * Math.sin(angle));
        }
        c[vertices] = c[0].copy();
        return GF.createPolygon(c);
    }

    static LinearRing box(double e0, double n0, double e1, double n1) {
        return GF.createLinearRing(new Coordinate[] {new Coordinate(e0, n0), new Coordinate(e1, n0),
            new Coordinate(e1, n1), new Coordinate(e0, n1), new Coordinate(e0, n0)});
    }

    static List<Geometry> shapes() {
        Random rnd = new Random(20261128);
        List<Geometry> out = new ArrayList<>();
        double[] radii = {120, 300, 1000, 3000, 5000};
        double[] eastings = {341_000, 441_000, 500_000, 640_000};
        for (double r : radii) {
            for (double e : eastings) {
                out.add(star(rnd, e, 3_507_000, r, 6 + rnd.nextInt(25)));
            }
        }
        double p = 38_000_000;
        out.add(GF.createPolygon(box(p + 440_000, 3_500_000, p + 450_000, 3_510_000),
            new LinearRing[] {box(p + 442_000, 3_502_000, p + 446_000, 3_506_000), box(p + 447_000, 3_507_000, p + 447_500, 3_509_000)}));
        out.add(GF.createMultiPolygon(new Polygon[] {star(rnd, 441_000, 3_507_000, 300, 12), star(rnd, 445_000, 3_512_000, 800, 20),
            GF.createPolygon(box(p + 450_000, 3_520_000, p + 452_000, 3_521_000), new LinearRing[] {box(p + 450_500, 3_520_200, p + 451_000, 3_520_700)})}));
        return out;
    }

    @Test
    void agreesWithGeodesicAreaWithinOneTenThousandth() {
        for (Geometry g : shapes()) {
            double ellipsoidal = EllipsoidalArea.standard().area(g, ZONE38);
            double geodesic = GeodesicArea.area(g, ZONE38);
            assertTrue(ellipsoidal >= 10_000, "test parcels are at least 1 ha: " + ellipsoidal);
            double rel = Math.abs(ellipsoidal - geodesic) / geodesic;
            assertTrue(rel < 1e-4, "relative gap " + rel + " for " + ellipsoidal + " vs " + geodesic);
            // parcel-sized shapes agree far better than the bar (§1.7 estimates ≪ 1e-6)
            if (ellipsoidal < 1e6) {
                assertTrue(rel < 2e-6, "relative gap " + rel + " for a parcel of " + ellipsoidal);
            }
            assertTrue(ellipsoidal < PlanarArea.area(g, ZONE38), "ellipsoidal must be below Gauss planar");
        }
    }

    @Test
    void lonLatInputMatchesGridInput() {
        for (Geometry g : shapes()) {
            Geometry lonLat = GeometryTransformer.shared().transform(g, ZONE38, CGCS2000);
            double grid = EllipsoidalArea.standard().area(g, ZONE38);
            // beyond 1.5° from 114E the lon/lat data moves to its own nearest zone; the area is frame-independent
            assertEquals(grid, EllipsoidalArea.standard().area(lonLat, CGCS2000), Math.max(0.05, grid * 2e-7));
            assertEquals(GeodesicArea.area(g, ZONE38), GeodesicArea.area(lonLat, CGCS2000), 1e-3);
        }
    }

    @Test
    void xian80GridUsesItsOwnConstants() {
        Crs xianGrid = CrsRegistry.fromEpsg(2383);
        Polygon km1 = GF.createPolygon(box(443_000, 3_520_000, 444_000, 3_521_000));
        double xian = EllipsoidalArea.standard().area(km1, xianGrid);
        double cgcs = EllipsoidalArea.standard().area(km1, CrsRegistry.fromEpsg(4547));
        assertEquals(GeodesicArea.area(km1, xianGrid), xian, 0.02);
        assertTrue(Math.abs(xian - cgcs) > 1e-4 && Math.abs(xian - cgcs) < 0.1, "ellipsoids differ slightly: " + (xian - cgcs));
        Geometry lonLat = GeometryTransformer.shared().transform(km1, xianGrid, CrsRegistry.fromEpsg(4610));
        GkFrame frame = GkFrame.of(lonLat, CrsRegistry.fromEpsg(4610));
        assertEquals(2383, frame.grid().epsg());
        assertEquals(xian, EllipsoidalArea.standard().area(lonLat, CrsRegistry.fromEpsg(4610)), 0.05);
    }

    @Test
    void beijing54GridIsMeasuredOnCgcs2000AndFlagged() {
        Crs beijing = CrsRegistry.fromEpsg(2435);
        Polygon km1 = GF.createPolygon(box(443_000, 3_520_000, 444_000, 3_521_000));
        GkFrame frame = GkFrame.of(km1, beijing);
        assertEquals(4547, frame.grid().epsg());
        assertEquals(cn.basinguard.core.crs.DatumShift.APPROXIMATE, frame.datumShift());
        // the move to CGCS2000 changes the parcel's ellipsoidal height by tens of metres and hence its area by
        // about 2e-5 (here +19 m²): areas of Beijing 1954 data are approximate at that level
        double a = EllipsoidalArea.standard().area(km1, beijing);
        assertTrue(Math.abs(a - 999_921.30) / a < 3e-5, "Beijing 1954 1 km square on CGCS2000: " + a);
    }

    @Test
    void safeFromSeveralThreads() throws Exception {
        List<Geometry> shapes = shapes();
        double[] expected = shapes.stream().mapToDouble(g -> EllipsoidalArea.standard().area(g, ZONE38)).toArray();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < expected.length; i++) {
                            if (EllipsoidalArea.standard().area(shapes.get(i), ZONE38) != expected[i]) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : runs) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void webMercatorInputMovesToTheNearestCgcs2000Zone() {
        Polygon km1 = GF.createPolygon(box(443_000, 3_520_000, 444_000, 3_521_000));
        Crs merc = CrsRegistry.fromEpsg(3857);
        Geometry inMercator = GeometryTransformer.shared().transform(km1, CrsRegistry.fromEpsg(4547), merc);
        GkFrame frame = GkFrame.of(inMercator, merc);
        assertEquals(4547, frame.grid().epsg());
        assertEquals(999_921.3044, EllipsoidalArea.standard().area(inMercator, merc), 0.05);
        assertEquals(1_000_000, PlanarArea.area(GeometryTransformer.shared().transform(km1, CrsRegistry.fromEpsg(4547), CGCS2000),
            CGCS2000), 0.01);
    }

    @Test
    void prefixedDataLabelledUnprefixedIsRefused() {
        Polygon prefixed = GF.createPolygon(box(38_443_000, 3_520_000, 38_444_000, 3_521_000));
        cn.basinguard.core.GisException e = org.junit.jupiter.api.Assertions.assertThrows(cn.basinguard.core.GisException.class,
            () -> EllipsoidalArea.standard().area(prefixed, CrsRegistry.fromEpsg(4547)));
        // 37,943 km east of the meridian is no position in the zone: said so, not as a distance larger than the Earth
        assertEquals("area.notZoneCoordinates", e.key());
        assertTrue(e.getMessage().contains("带号") && !e.getMessage().contains("公里"), e.getMessage());
    }
}
