package cn.basinguard.core.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class GeometryTransformerTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final GeometryTransformer T = GeometryTransformer.shared();
    private static final Crs GEO = CrsRegistry.fromEpsg(4490);
    private static final Crs CM114 = CrsRegistry.fromEpsg(4547);
    private static final Crs ZONE38 = CrsRegistry.fromEpsg(4526);
    private static final double LON = 113.38;
    private static final double LAT = 31.69;

    private static Point suizhou() {
        return GF.createPoint(new Coordinate(LON, LAT, 87.5));
    }

    /** Ground distance between two lon/lat points, so tolerances are in metres, not degrees. */
    private static double metres(Coordinate a, Coordinate b) {
        return Geodesic.WGS84.Inverse(a.y, a.x, b.y, b.x).s12;
    }

    @Test
    void roundTripThroughGaussKrugerWithinOneMillimetre() {
        Geometry gk = T.transform(suizhou(), GEO, CM114);
        Coordinate c = gk.getCoordinate();
        assertTrue(c.x > 400_000 && c.x < 500_000, "easting west of CM 114E: " + c.x);
        assertTrue(c.y > 3_500_000 && c.y < 3_520_000, "northing: " + c.y);
        assertEquals(87.5, c.getZ(), 0, "Z is carried over");
        Geometry back = T.transform(gk, CM114, GEO);
        assertTrue(metres(suizhou().getCoordinate(), back.getCoordinate()) < 0.001);
    }

    @Test
    void prefixedZoneIsTheUnprefixedGridPlus38Million() {
        Coordinate plain = T.transform(suizhou(), GEO, CM114).getCoordinate();
        Coordinate prefixed = T.transform(suizhou(), GEO, ZONE38).getCoordinate();
        assertEquals(plain.x + 38_000_000, prefixed.x, 1e-6);
        assertEquals(plain.y, prefixed.y, 1e-6);
        assertEquals(38, (int) (prefixed.x / 1_000_000));
        Coordinate direct = T.transform(GF.createPoint(plain), CM114, ZONE38).getCoordinate();
        assertEquals(plain.x + 38_000_000, direct.x, 1e-6);
    }

    @Test
    void sixDegreeZone() {
        Coordinate z19 = T.transform(suizhou(), GEO, CrsRegistry.fromEpsg(4497)).getCoordinate();
        assertEquals(19, (int) (z19.x / 1_000_000));
        // Suizhou is 2.38° east of CM 111E: roughly 225 km east of the zone's false easting
        assertTrue(z19.x - 19_500_000 > 220_000 && z19.x - 19_500_000 < 230_000, "" + z19.x);
        Coordinate back = T.transform(GF.createPoint(z19), CrsRegistry.fromEpsg(4497), GEO).getCoordinate();
        assertTrue(metres(suizhou().getCoordinate(), back) < 0.001);
        Coordinate cm111 = T.transform(suizhou(), GEO, CrsRegistry.fromEpsg(4508)).getCoordinate();
        assertEquals(z19.x - 19_000_000, cm111.x, 1e-6);
    }

    @Test
    void webMercatorAndWgs84() {
        Coordinate merc = T.transform(suizhou(), GEO, CrsRegistry.fromEpsg(3857)).getCoordinate();
        assertEquals(6_378_137 * Math.toRadians(LON), merc.x, 1e-3);
        double y = 6_378_137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(LAT) / 2));
        assertEquals(y, merc.y, 1e-3);
        Coordinate wgs = T.transform(suizhou(), GEO, CrsRegistry.fromEpsg(4326)).getCoordinate();
        assertTrue(metres(suizhou().getCoordinate(), wgs) < 0.01, "CGCS2000 to WGS84 is treated as identity");
        assertEquals(DatumShift.IDENTITY_SUB_METRE, GeometryTransformer.datumShift(GEO, CrsRegistry.fromEpsg(4326)));
        assertEquals(DatumShift.NONE, GeometryTransformer.datumShift(GEO, ZONE38));
    }

    @Test
    void olderDatumsAreFlaggedApproximate() {
        Crs xian = CrsRegistry.fromEpsg(2383);
        Crs beijing = CrsRegistry.fromEpsg(2435);
        assertEquals(DatumShift.APPROXIMATE, GeometryTransformer.datumShift(xian, CM114));
        assertEquals(DatumShift.APPROXIMATE, GeometryTransformer.datumShift(GEO, beijing));
        assertEquals(DatumShift.NONE, GeometryTransformer.datumShift(xian, CrsRegistry.fromEpsg(4610)));
        // proj4j does move the point (ellipsoid change; for Beijing 1954 also its 3-parameter shift), by metres at most
        Coordinate x = T.transform(suizhou(), GEO, xian).getCoordinate();
        Coordinate c = T.transform(suizhou(), GEO, CM114).getCoordinate();
        assertTrue(Math.hypot(x.x - c.x, x.y - c.y) < 200, "Xian 80 vs CGCS2000 grid offset " + Math.hypot(x.x - c.x, x.y - c.y));
        Coordinate b = T.transform(suizhou(), GEO, beijing).getCoordinate();
        assertTrue(Math.hypot(b.x - c.x, b.y - c.y) < 300, "Beijing 54 vs CGCS2000 grid offset " + Math.hypot(b.x - c.x, b.y - c.y));
    }

    @Test
    void inputIsNotModified() {
        Point p = suizhou();
        T.transform(p, GEO, CM114);
        assertEquals(LON, p.getX(), 0);
    }

    @Test
    void safeFromSeveralThreads() throws Exception {
        Coordinate expected = T.transform(suizhou(), GEO, ZONE38).getCoordinate();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        Coordinate c = T.transform(suizhou(), GEO, ZONE38).getCoordinate();
                        if (c.x != expected.x || c.y != expected.y) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
