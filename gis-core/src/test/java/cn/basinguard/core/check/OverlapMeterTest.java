package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.CrsRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The quick "may the site meet this patch" test a site's review asks before a patch is validated and measured: it must
 * never say no to a patch the site meets (the patch would be missing from the site's tables), and says no to what lies
 * clear of the site, however the patch lies in the site's box.
 */
class OverlapMeterTest {
    private final GeometryFactory gf = new GeometryFactory();
    private final AreaMeter meter = new AreaMeter(CrsRegistry.fromEpsg(4526));

    @Test
    void mayMeetAnswersAsJtsIntersectsOnRandomPatches() {
        SplittableRandom rnd = new SplittableRandom(20261130);
        int met = 0;
        int clear = 0;
        for (int s = 0; s < 40; s++) {
            Polygon site = star(rnd, 16 + rnd.nextInt(60), 200, 0);
            OverlapMeter m = new OverlapMeter(site, meter);
            for (int k = 0; k < 300; k++) {
                // small patches all over the site's box and around it, some large ones that hold the site whole
                Polygon patch = rnd.nextInt(20) == 0 ? star(rnd, 5 + rnd.nextInt(10), 600, 50)
                    : star(rnd, 3 + rnd.nextInt(30), 5 + 40 * rnd.nextDouble(), 260);
                boolean expected = site.intersects(patch);
                assertEquals(expected, m.mayMeet(patch), () -> "site " + site + " patch " + patch);
                met += expected ? 1 : 0;
                clear += expected ? 0 : 1;
            }
        }
        assertTrue(met > 2000 && clear > 2000, met + " met, " + clear + " clear");
    }

    @Test
    void aPatchWhoseHoleHoldsTheSiteDoesNotMeetIt() {
        SplittableRandom rnd = new SplittableRandom(7);
        Polygon site = star(rnd, 40, 100, 0);
        // shell radius 500–1000 m, hole 110–220 m, site 50–100 m: the site lies in the hole, clear of it
        Polygon ring = gf.createPolygon(gf.createLinearRing(star(rnd, 30, 1000, 0).getExteriorRing().getCoordinates()),
            new LinearRing[] {gf.createLinearRing(star(rnd, 30, 220, 0).getExteriorRing().getCoordinates())});
        OverlapMeter m = new OverlapMeter(site, meter);
        assertFalse(site.intersects(ring));
        assertFalse(m.mayMeet(ring), "the site lies in the patch's hole");
        Polygon holder = star(rnd, 30, 400, 0);
        assertTrue(m.mayMeet(holder), "a patch that holds the whole site meets it");
    }

    @Test
    void aBrokenPatchTouchingTheSiteIsNeverLeftOut() {
        Polygon site = star(new SplittableRandom(3), 40, 100, 0);
        OverlapMeter m = new OverlapMeter(site, meter);
        double x = 38_430_000;
        double y = 3_520_000;
        // a bow-tie across the site's centre (invalid: its edges cross) and one whose crossing lies outside, a vertex inside
        Geometry bowTie = gf.createPolygon(new Coordinate[] {new Coordinate(x - 10, y - 10), new Coordinate(x + 10, y + 10),
            new Coordinate(x + 10, y - 10), new Coordinate(x - 10, y + 10), new Coordinate(x - 10, y - 10)});
        assertTrue(m.mayMeet(bowTie));
        Geometry reaching = gf.createPolygon(new Coordinate[] {new Coordinate(x + 300, y + 300), new Coordinate(x, y),
            new Coordinate(x + 300, y + 310), new Coordinate(x + 290, y + 290), new Coordinate(x + 300, y + 300)});
        assertTrue(m.mayMeet(reaching));
        Geometry away = gf.createPolygon(new Coordinate[] {new Coordinate(x + 300, y + 300), new Coordinate(x + 320, y + 320),
            new Coordinate(x + 320, y + 300), new Coordinate(x + 300, y + 320), new Coordinate(x + 300, y + 300)});
        assertFalse(m.mayMeet(away));
    }

    @Test
    void aBigPolygonsOverlapsAreThoseOfTheWholePolygon() {
        // a red line of 6,000 vertices with a hole; patches across its boundary are measured against a part of it
        SplittableRandom rnd = new SplittableRandom(11);
        Polygon shell = wavy(rnd, 6000, 3000, 0);
        Polygon hole = wavy(rnd, 800, 900, 0);
        Polygon big = gf.createPolygon(gf.createLinearRing(shell.getExteriorRing().getCoordinates()),
            new LinearRing[] {gf.createLinearRing(hole.getExteriorRing().getCoordinates())});
        assertTrue(big.isValid());
        OverlapMeter m = new OverlapMeter(big, meter);
        org.locationtech.jts.geom.prep.PreparedGeometry prepared = org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(big);
        int crossing = 0;
        for (int k = 0; k < 1200; k++) {
            double a = rnd.nextDouble() * 2 * Math.PI;
            double r = rnd.nextBoolean() ? 3000 * (0.8 + 0.25 * rnd.nextDouble()) : 900 * (0.8 + 0.25 * rnd.nextDouble());
            Polygon patch = star(rnd, 3 + rnd.nextInt(30), 10 + 60 * rnd.nextDouble(), 0);
            patch = (Polygon) org.locationtech.jts.geom.util.AffineTransformation.translationInstance(r * Math.cos(a), r * Math.sin(a))
                .transform(patch);
            // JTS's answer: the patch inside or outside (a prepared test), else the overlay with the whole polygon
            Geometry expected = prepared.covers(patch) ? patch : !prepared.intersects(patch) ? gf.createPolygon()
                : org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(big, patch,
                    org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION);
            OverlapMeter.Piece p = m.overlap(patch, null);
            double got = p.piece() == null ? 0 : p.area().planarM2();
            assertEquals(expected.getArea(), got, 1e-9 * patch.getArea() + 1e-9, "patch " + k);
            if (got > 0 && got < patch.getArea() * (1 - 1e-9)) {
                crossing++;
                assertEquals(meter.measure(expected).m2(), p.area().m2(), 1e-7 * patch.getArea(), "ellipsoidal, patch " + k);
            }
        }
        assertTrue(crossing > 200, crossing + " crossing the boundary");
    }

    /** A ring of {@code n} points wavering around radius {@code radius} (star-shaped, so simple). */
    private Polygon wavy(SplittableRandom rnd, int n, double radius, double spread) {
        Coordinate[] cs = new Coordinate[n + 1];
        double phase = rnd.nextDouble() * 6;
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double r = radius * (1 + 0.05 * Math.sin(37 * t + phase) + 0.01 * rnd.nextDouble());
            cs[i] = new Coordinate(38_430_000 + spread + r * Math.cos(t), 3_520_000 + r * Math.sin(t));
        }
        cs[n] = new Coordinate(cs[0]);
        return gf.createPolygon(cs);
    }

    private Polygon star(SplittableRandom rnd, int n, double radius, double spread) {
        return Stars.star(rnd, n, radius, spread, 0.5);
    }
}
