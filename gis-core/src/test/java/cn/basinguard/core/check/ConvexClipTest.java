package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * The convex clipper against JTS on random sites and patches at zone-38 coordinates: its "covers" agrees with a
 * prepared geometry's (away from the boundary, where either answer gives the same piece), and its clip has the
 * overlay's area.
 */
class ConvexClipTest {
    private final GeometryFactory gf = new GeometryFactory();

    @Test
    void coversAndClipsAsJtsDoes() {
        SplittableRandom rnd = new SplittableRandom(20261130);
        int covered = 0;
        int crossing = 0;
        for (int k = 0; k < 6_000; k++) {
            Polygon site = star(rnd, 4 + rnd.nextInt(6), 40, 0);
            ConvexClip clip = ConvexClip.of(site);
            Polygon patch = star(rnd, 3 + rnd.nextInt(20), 8, 35);
            if (clip == null) {
                continue; // not convex: the clipper is not for it
            }
            boolean jts = PreparedGeometryFactory.prepare(site).covers(patch);
            boolean ours = clip.covers(patch);
            double margin = site.getBoundary().distance(patch);
            if (margin > 1e-6) {
                assertEquals(jts, ours, () -> "covers: " + site + " " + patch);
            }
            covered += ours ? 1 : 0;
            Geometry piece = clip.clip(patch, gf);
            double expected = OverlayNGRobust.overlay(site, patch, OverlayNG.INTERSECTION).getArea();
            double actual = piece == null ? 0 : piece.getArea();
            crossing += expected > 0 && expected < patch.getArea() ? 1 : 0;
            assertEquals(expected, actual, 1e-9 * Math.max(1, patch.getArea()), () -> "area: " + site + " " + patch);
            if (ours) {
                assertEquals(patch.getArea(), expected, 1e-9 * patch.getArea(), "what it covers is wholly inside");
            }
        }
        assertTrue(covered > 300 && crossing > 300, covered + " covered, " + crossing + " crossing");
    }

    private Polygon star(SplittableRandom rnd, int n, double radius, double spread) {
        return Stars.star(rnd, n, radius, spread, 0.7);
    }
}
