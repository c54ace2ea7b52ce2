package cn.basinguard.core.check;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Whether a polygon of few vertices (a project site: six on average) shares a point with another polygon, tested edge
 * against edge. The prepared geometry's test built an index over the other polygon's edges for each call (a site's box
 * meets a few hundred land-use patches, each asked once): a tenth of a site review's time. Orientation is exact
 * ({@link CGAlgorithmsDD}) and points are located by ray crossings; for polygons that are not valid the answer is as good
 * as the prepared test's, and an edge of no length may answer true where nothing meets — it only passes a patch on to
 * the full test.
 */
final class FewEdges {
    /** Polygons with more vertices than this are left to the prepared geometry. */
    static final int MAX_VERTICES = 32;

    private FewEdges() {
    }

    /** Whether {@code small} (polygonal, at most {@link #MAX_VERTICES} vertices) and {@code other} (polygonal) meet. */
    static boolean meet(Geometry small, Geometry other) {
        for (int i = 0; i < small.getNumGeometries(); i++) {
            if (!(small.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) {
                continue;
            }
            for (int j = 0; j < other.getNumGeometries(); j++) {
                if (other.getGeometryN(j) instanceof Polygon q && !q.isEmpty() && meet(p, q)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean meet(Polygon p, Polygon q) {
        if (!p.getEnvelopeInternal().intersects(q.getEnvelopeInternal())) {
            return false;
        }
        for (int r = 0; r <= p.getNumInteriorRing(); r++) {
            CoordinateSequence a = ring(p, r);
            for (int s = 0; s <= q.getNumInteriorRing(); s++) {
                if (edgesMeet(a, ring(q, s))) {
                    return true;
                }
            }
        }
        // no two edges meet: each boundary lies wholly inside or wholly outside the other polygon
        return SimplePointInAreaLocator.locate(q.getCoordinate(), p) != Location.EXTERIOR
            || SimplePointInAreaLocator.locate(p.getCoordinate(), q) != Location.EXTERIOR;
    }

    private static CoordinateSequence ring(Polygon p, int r) {
        return (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinateSequence();
    }

    /** Whether any edge of ring {@code a} shares a point with any edge of ring {@code b}. */
    private static boolean edgesMeet(CoordinateSequence a, CoordinateSequence b) {
        Envelope bBox = b.expandEnvelope(new Envelope());
        for (int i = 0; i + 1 < a.size(); i++) {
            double ax0 = a.getX(i), ay0 = a.getY(i), ax1 = a.getX(i + 1), ay1 = a.getY(i + 1);
            if (Math.max(ax0, ax1) < bBox.getMinX() || Math.min(ax0, ax1) > bBox.getMaxX()
                    || Math.max(ay0, ay1) < bBox.getMinY() || Math.min(ay0, ay1) > bBox.getMaxY()) {
                continue;
            }
            for (int j = 0; j + 1 < b.size(); j++) {
                if (segmentsMeet(ax0, ay0, ax1, ay1, b.getX(j), b.getY(j), b.getX(j + 1), b.getY(j + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether segments p0–p1 and q0–q1 share any point, endpoints included. */
    static boolean segmentsMeet(double p0x, double p0y, double p1x, double p1y, double q0x, double q0y, double q1x, double q1y) {
        if (Math.max(p0x, p1x) < Math.min(q0x, q1x) || Math.max(q0x, q1x) < Math.min(p0x, p1x)
                || Math.max(p0y, p1y) < Math.min(q0y, q1y) || Math.max(q0y, q1y) < Math.min(p0y, p1y)) {
            return false;
        }
        int o1 = CGAlgorithmsDD.orientationIndex(p0x, p0y, p1x, p1y, q0x, q0y);
        int o2 = CGAlgorithmsDD.orientationIndex(p0x, p0y, p1x, p1y, q1x, q1y);
        int o3 = CGAlgorithmsDD.orientationIndex(q0x, q0y, q1x, q1y, p0x, p0y);
        int o4 = CGAlgorithmsDD.orientationIndex(q0x, q0y, q1x, q1y, p1x, p1y);
        if (o1 == 0 && o2 == 0) {
            // collinear (or p of no length): boxes that overlap along one line share a point
            return true;
        }
        // each segment's ends on both sides of the other's line, or one on it: a crossing, or an end on the other segment
        return o1 != o2 && o3 != o4;
    }
}
