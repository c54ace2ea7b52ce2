package cn.basinguard.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GaussKruger;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.i18n.Messages;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The outside-zone message says a true ground distance, or that the coordinates are no position — never 215,884 km. */
class ZoneReachTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Crs LON_LAT = CrsRegistry.fromEpsg(4490);
    private static final GaussKruger ZONE_38 = CrsRegistry.fromEpsg(4526).gaussKruger().orElseThrow();

    @AfterEach
    void chinese() {
        Messages.setLocale(Messages.CHINESE);
    }

    private static Geometry square(double lon, double lat, double side) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + side, lat),
            new Coordinate(lon + side, lat + side), new Coordinate(lon, lat + side), new Coordinate(lon, lat)});
    }

    /** The kilometres a message says, as a number. */
    private static double kilometresSaid(GisException e) {
        assertEquals("area.outsideZone", e.key(), e.getMessage());
        return Double.parseDouble(((String) e.args()[1]).replace(",", ""));
    }

    @Test
    void aWideGeometryIsRefusedWithItsGroundDistance() {
        // 100°E to 130°E at 31.7°N: the zone is the 3° zone of its centre (115°E), meridian 114°; the east end lies 16° off
        Geometry wide = square(100, 31.7, 30);
        GisException e = assertThrows(GisException.class, () -> EllipsoidalArea.standard().area(wide, LON_LAT));
        double km = kilometresSaid(e);
        double expected = GroundDistance.toMeridian(130, 31.7, 114) / 1000;
        assertEquals(expected, km, 1, e.getMessage());
        assertTrue(km > 1_000 && km < 1_600, e.getMessage());
    }

    @Test
    void dataMovedIntoTheZoneFromFarAwayIsNoPositionNotALongWayOff() {
        // a site 180° from the meridian, moved into zone 38 the way the checks once did: the eastings wrap round
        Geometry far = GeometryTransformer.shared().transform(square(-66, 31.7, 0.002), LON_LAT, CrsRegistry.fromEpsg(4526));
        GisException e = assertThrows(GisException.class, () -> EllipsoidalArea.standard().areaInGrid(far, ZONE_38,
            EllipsoidConstants.CGCS2000));
        if (e.key().equals("area.outsideZone")) {
            assertTrue(kilometresSaid(e) < 20_004, "no distance on the Earth exceeds half its circumference: " + e.getMessage());
        } else {
            assertEquals("area.notZoneCoordinates", e.key());
        }
        assertTrue(!e.getMessage().contains("215,884") && !e.getMessage().contains("101,246"), e.getMessage());
    }

    @Test
    void justBeyondTheZoneTheDistanceIsTheGroundDistanceOfTheFarthestCorner() {
        // 9°–10° east of the meridian at 30°N: about 870–960 km on the ground
        Geometry g = GeometryTransformer.shared().transform(square(123, 30, 1), LON_LAT, CrsRegistry.fromEpsg(4526));
        GisException e = assertThrows(GisException.class, () -> EllipsoidalArea.standard().areaInGrid(g, ZONE_38,
            EllipsoidConstants.CGCS2000));
        double expected = GroundDistance.toMeridian(124, 30, 114) / 1000;
        assertEquals(expected, kilometresSaid(e), 2, e.getMessage());
    }

    @Test
    void requireWithinChecksTheOwnCoordinatesBeforeAnyMove() {
        ZoneReach.requireWithin(new Envelope(113, 114, 31, 32), LON_LAT, ZONE_38);
        for (double lon : new double[] {-122, -66, -10, 0, 54, 174}) {
            GisException e = assertThrows(GisException.class, () -> ZoneReach.requireWithin(new Envelope(lon, lon + 0.01, 31.7, 31.71), LON_LAT, ZONE_38));
            double expected = GroundDistance.toMeridian(lon, 31.7, 114) / 1000;
            assertEquals(expected, kilometresSaid(e), 2, lon + "°: " + e.getMessage());
        }
        // an easting 38 zones too far for an unprefixed grid is no position: said so
        GisException e = assertThrows(GisException.class, () -> ZoneReach.requireWithin(new Envelope(38_440_000, 38_441_000, 3_520_000, 3_521_000),
            CrsRegistry.fromEpsg(4547), ZONE_38));
        assertEquals("area.noPosition", e.key());
    }

    @Test
    void englishToo() {
        Messages.setLocale(Locale.ENGLISH);
        GisException e = assertThrows(GisException.class, () -> ZoneReach.requireWithin(new Envelope(0, 0.01, 31.7, 31.71), LON_LAT, ZONE_38));
        assertTrue(e.getMessage().contains("km (on the ground)"), e.getMessage());
    }
}
