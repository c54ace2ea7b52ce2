package cn.basinguard.core.check;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The overlap of one fixed polygon (a unit, a site, a patch) with many others. Containment is tested first on a
 * prepared geometry, so a patch wholly inside costs no overlay and keeps its own measured area exactly; only patches
 * that cross the boundary are intersected and measured again: clipped (Sutherland–Hodgman) where either of the two is a
 * small convex polygon, else overlaid (OverlayNG with its robust fallback).
 */
final class OverlapMeter {
    /** The piece of {@code other} inside the fixed polygon, and its area; {@code piece == null} when none. */
    record Piece(Geometry piece, MeasuredArea area) {
        static final Piece NONE = new Piece(null, MeasuredArea.ZERO);
    }

    /**
     * A fixed polygon up to this size is clipped by a convex other rather than overlaid with it; a unit's outline of
     * thousands of vertices is not (each clipping pass walks all of them, and long bridges would trace its boundary).
     */
    private static final int MAX_CLIPPED_VERTICES = 256;

    private final Geometry fixed;
    private final PreparedGeometry prepared;
    private final ConvexClip convex;
    private final AreaMeter meter;
    private final Sides sides;

    OverlapMeter(Geometry fixed, AreaMeter meter) {
        this.fixed = fixed;
        this.prepared = PreparedGeometryFactory.prepare(fixed);
        this.convex = ConvexClip.of(fixed);
        this.meter = meter;
        this.sides = Sides.of(fixed);
    }

    Geometry fixed() {
        return fixed;
    }

    /** Whether the fixed polygon covers {@code g} (on its prepared form). */
    boolean covers(Geometry g) {
        return fixed.getEnvelopeInternal().covers(g.getEnvelopeInternal()) && prepared.covers(g);
    }

    /**
     * False when {@code g}, as read (perhaps invalid), shares no point with the fixed polygon — none of its edges or
     * vertices, nor what its rings enclose: a quick test before {@code g} is validated and measured. A test that fails on
     * a broken {@code g} answers true.
     */
    boolean mayMeet(Geometry g) {
        if (g == null) {
            return true; // nothing to test: the caller's preparation says what is wrong
        }
        Envelope e = g.getEnvelopeInternal();
        if (!fixed.getEnvelopeInternal().intersects(e)) {
            return false;
        }
        try {
            // most of what a site's box meets lies clear of its boundary: an index query and one point decide it (the box
            // of g meets no boundary edge, so all of g lies on one side), else the prepared test on g's edges
            int side = sides == null || g.isEmpty() ? 0 : sides.sideOf(g, e);
            return side != 0 ? side > 0 : prepared.intersects(g);
        } catch (RuntimeException broken) {
            return true;
        }
    }

    Piece overlap(WorkingFeature other) {
        // a feature cut to a tile: its stored area is the whole feature's, so a part found inside is measured itself
        return overlap(other.geometry(), other.cut() ? null : other.area());
    }

    /** @param wholeArea {@code g}'s own area when known (kept exactly for a {@code g} wholly inside), or null */
    Piece overlap(Geometry g, MeasuredArea wholeArea) {
        Envelope e = g.getEnvelopeInternal();
        if (!fixed.getEnvelopeInternal().intersects(e)) {
            return Piece.NONE;
        }
        if (sides != null && g.getDimension() == 2) {
            int side = sides.sideOf(g, e);
            if (side > 0) {
                return new Piece(g, wholeArea != null ? wholeArea : meter.measure(g));
            }
            if (side < 0) {
                return Piece.NONE;
            }
        }
        if (convex != null && g.getDimension() == 2) {
            return clipped(g, wholeArea, convex, g);
        }
        if (fixed.getNumPoints() <= MAX_CLIPPED_VERTICES && g.getDimension() == 2) {
            // the other way round: a fixed patch that is not convex (a field's outline) met by a convex one (a red-line
            // cell) — the overlap is the fixed polygon clipped by the other, without building an overlay's graph
            ConvexClip other = ConvexClip.of(g);
            if (other != null) {
                return clipped(g, wholeArea, other, fixed);
            }
        }
        if (!prepared.intersects(g)) {
            return Piece.NONE;
        }
        if (prepared.covers(g)) {
            return new Piece(g, wholeArea != null ? wholeArea : meter.measure(g));
        }
        Geometry piece = OverlayNGRobust.overlay(fixed, g, OverlayNG.INTERSECTION);
        if (piece.isEmpty() || piece.getDimension() < 2) {
            return Piece.NONE;
        }
        return new Piece(piece, meter.measure(piece));
    }

    /** The overlap with {@code g} as {@code subject} (g or the fixed polygon) clipped by the other, convex one. */
    private Piece clipped(Geometry g, MeasuredArea wholeArea, ConvexClip clipper, Geometry subject) {
        if (clipper == convex ? convex.covers(g) : prepared.covers(g)) {
            return new Piece(g, wholeArea != null ? wholeArea : meter.measure(g));
        }
        Geometry piece = clipper.clip(subject, fixed.getFactory());
        if (piece == null) {
            return Piece.NONE;
        }
        MeasuredArea a = meter.measure(piece);
        return a.planarM2() > 0 ? new Piece(piece, a) : Piece.NONE;
    }

    /**
     * Which side of the fixed polygon's boundary a polygon lies on, when it is clear without an overlay: a polygon whose
     * box meets no boundary edge's box lies wholly inside or wholly outside, and one of its vertices says which. Most
     * patches lie well inside a unit or a site, so most overlaps are decided here by an index query and a point test.
     */
    private static final class Sides {
        /** Below this many edges the prepared geometry's own tests are as quick. */
        private static final int MIN_EDGES = 16;

        private final HPRtree edges;
        private final IndexedPointInAreaLocator locator;

        private Sides(HPRtree edges, IndexedPointInAreaLocator locator) {
            this.edges = edges;
            this.locator = locator;
        }

        static Sides of(Geometry polygonal) {
            if (polygonal.getDimension() != 2 || polygonal.isEmpty() || polygonal.getNumPoints() < MIN_EDGES) {
                return null;
            }
            HPRtree edges = new HPRtree();
            for (int i = 0; i < polygonal.getNumGeometries(); i++) {
                if (polygonal.getGeometryN(i) instanceof Polygon p) {
                    add(edges, p.getExteriorRing());
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        add(edges, p.getInteriorRingN(h));
                    }
                }
            }
            edges.build();
            return new Sides(edges, new IndexedPointInAreaLocator(polygonal));
        }

        private static void add(HPRtree edges, LineString ring) {
            CoordinateSequence s = ring.getCoordinateSequence();
            for (int i = 0; i + 1 < s.size(); i++) {
                edges.insert(new Envelope(s.getX(i), s.getX(i + 1), s.getY(i), s.getY(i + 1)), Boolean.TRUE);
            }
        }

        /** 1 wholly inside, −1 wholly outside, 0 when the boundary may cross it (an overlay must decide). */
        int sideOf(Geometry g, Envelope box) {
            boolean[] crossed = {false};
            edges.query(box, item -> crossed[0] = true);
            if (crossed[0]) {
                return 0;
            }
            Coordinate c = g.getCoordinate();
            int loc = locator.locate(c);
            return loc == Location.INTERIOR ? 1 : loc == Location.EXTERIOR ? -1 : 0;
        }
    }
}
