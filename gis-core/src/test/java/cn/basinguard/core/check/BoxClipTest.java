package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.junit.jupiter.api.Test;

/** A polygon cut near a box, then overlaid with the box, gives what the whole polygon overlaid with the box gives. */
class BoxClipTest {
    private static final GeometryFactory F = new GeometryFactory();

    @Test
    void starsWithHolesOverlaidWithBoxesGiveTheWholePolygonsOverlap() {
        Random r = new Random(7);
        for (int k = 0; k < 300; k++) {
            Polygon p = star(r, 2000 + r.nextInt(3000), r.nextBoolean());
            double size = 20 + r.nextDouble() * 400;
            double x = -1000 + r.nextDouble() * 2000;
            double y = -1000 + r.nextDouble() * 2000;
            Envelope box = new Envelope(x, x + size, y, y + size * (0.3 + r.nextDouble()));
            assertSameOverlap(p, box);
        }
    }

    /**
     * An arch whose legs stand in the box: clipped, its two legs are joined along the top of the widened box by an edge
     * run there and back (a bridge), its highest edge, whose orientation the overlay would misread. Either way round,
     * the overlap is the arch's.
     */
    @Test
    void aRingWhoseHighestEdgeBecomesABridgeKeepsItsOrientation() {
        for (boolean reversed : new boolean[] {false, true}) {
            Coordinate[] arch = {
                new Coordinate(0, 0), new Coordinate(20, 0), new Coordinate(20, 300), new Coordinate(80, 300),
                new Coordinate(80, 0), new Coordinate(100, 0), new Coordinate(100, 400), new Coordinate(0, 400), new Coordinate(0, 0)};
            Polygon p = F.createPolygon(reversed ? reverse(arch) : arch);
            assertSameOverlap(p, new Envelope(10, 90, 10, 90));
            assertSameOverlap(p, new Envelope(-5, 105, 40, 60));
            assertEquals(2 * 20 * 80, OverlayNGRobust.overlay(BoxClip.near(p, new Envelope(-10, 110, 10, 90)),
                    F.toGeometry(new Envelope(-10, 110, 10, 90)), OverlayNG.INTERSECTION).getArea(), 1e-9);
        }
    }

    @Test
    void aPolygonNearTheBoxIsGivenAsItIsAndOneFarAwayLeavesNothing() {
        Polygon small = (Polygon) F.toGeometry(new Envelope(0, 10, 0, 10));
        assertSame(small, BoxClip.near(small, new Envelope(0, 9, 0, 9)));
        Polygon far = (Polygon) F.toGeometry(new Envelope(1000, 1010, 0, 10));
        Geometry multi = F.createMultiPolygon(new Polygon[] {star(new Random(1), 3000, true), far});
        Geometry near = BoxClip.near(multi, new Envelope(-20, 20, -20, 20));
        assertEquals(1, near.getNumGeometries(), "the far polygon is left out");
        assertTrue(near.getNumPoints() < multi.getNumPoints() / 4, "only what lies near the box is kept: " + near.getNumPoints());
        assertSameOverlap(multi, new Envelope(-20, 20, -20, 20));
    }

    private static void assertSameOverlap(Geometry polygonal, Envelope box) {
        Geometry rect = F.toGeometry(box);
        Geometry direct = OverlayNGRobust.overlay(polygonal, rect, OverlayNG.INTERSECTION);
        Geometry cut = OverlayNGRobust.overlay(BoxClip.near(polygonal, box), rect, OverlayNG.INTERSECTION);
        assertEquals(direct.getArea(), cut.getArea(), 1e-9 * Math.max(1, direct.getArea()), "area in " + box);
        Geometry apart = OverlayNGRobust.overlay(direct, cut, OverlayNG.SYMDIFFERENCE);
        assertEquals(0, apart.getArea(), 1e-9 * Math.max(1, direct.getArea()), "the same region in " + box);
    }

    /** A star-shaped polygon of {@code n} vertices round the origin (radius 200–900), with a star-shaped hole when asked. */
    private static Polygon star(Random r, int n, boolean hole) {
        Coordinate[] shell = ring(r, n, 500, 900, 0, 0);
        LinearRing[] holes = hole ? new LinearRing[] {F.createLinearRing(reverse(ring(r, n / 4, 80, 150, 0, 0)))} : new LinearRing[0];
        return F.createPolygon(F.createLinearRing(r.nextBoolean() ? shell : reverse(shell)), holes);
    }

    private static Coordinate[] ring(Random r, int n, double minR, double maxR, double cx, double cy) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double rad = minR + r.nextDouble() * (maxR - minR);
            cs[i] = new Coordinate(cx + rad * Math.cos(a), cy + rad * Math.sin(a));
        }
        cs[n] = cs[0].copy();
        return cs;
    }

    private static Coordinate[] reverse(Coordinate[] cs) {
        Coordinate[] out = new Coordinate[cs.length];
        for (int i = 0; i < cs.length; i++) {
            out[i] = cs[cs.length - 1 - i];
        }
        return out;
    }
}
