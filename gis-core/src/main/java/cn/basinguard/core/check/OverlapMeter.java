package cn.basinguard.core.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
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
    private final AreaMeter meter;
    /*
     * Worked out at first need (a unit's meter is shared by the tiles' threads: published through the volatile flags;
     * two threads may both build one, once, which is only work lost).
     */
    private volatile ConvexClip convex;
    private volatile boolean convexKnown;
    private volatile PolygonSides sides;
    private volatile boolean sidesBuilt;
    /**
     * Calls before the edge index is built: a basic-farmland patch meets one or two red-line patches, and indexing its
     * edges for them cost more than it saved (a site or a unit, asked hundreds of times, builds it at its second call).
     * A count that threads race on only moves that moment.
     */
    private int callsBeforeSides = 1;

    OverlapMeter(Geometry fixed, AreaMeter meter) {
        this.fixed = fixed;
        this.prepared = PreparedGeometryFactory.prepare(fixed);
        this.meter = meter;
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
            PolygonSides sides = sides();
            int side = sides == null || g.isEmpty() ? 0 : sides.sideOf(g, e);
            if (side != 0) {
                return side > 0;
            }
            if (fixed.getNumPoints() <= FewEdges.MAX_VERTICES && fixed.getDimension() == 2 && g.getDimension() == 2) {
                return FewEdges.meet(fixed, g); // a site's few edges against the patch's, with nothing built for it
            }
            return prepared.intersects(g);
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
        PolygonSides sides = sides();
        if (sides != null && g.getDimension() == 2) {
            int side = sides.sideOf(g, e);
            if (side > 0) {
                return new Piece(g, wholeArea != null ? wholeArea : meter.measure(g));
            }
            if (side < 0) {
                return Piece.NONE;
            }
        }
        ConvexClip convex = convex();
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
        Geometry piece = OverlayNGRobust.overlay(BoxClip.near(localPart(e), e), g, OverlayNG.INTERSECTION);
        if (piece.isEmpty() || piece.getDimension() < 2) {
            return Piece.NONE;
        }
        return new Piece(piece, meter.measure(piece));
    }

    /** The part of the fixed polygon that holds all of it inside {@code box}: the polygon itself unless it is big. */
    private Geometry localPart(Envelope box) {
        if (fixed.getNumPoints() <= LocalParts.SMALL) {
            return fixed;
        }
        LocalParts p = parts;
        if (p == null) {
            p = new LocalParts(fixed);
            parts = p;
        }
        return p.around(box);
    }

    private volatile LocalParts parts;

    /**
     * A big fixed polygon (a red line or a unit's outline of thousands of vertices) cut into the cells of a quadtree over
     * its box, a cell's part made when an overlap first needs it and kept: the part inside the smallest cell that holds a
     * patch's box is all of the polygon that patch can meet. An overlay of the whole polygon with a small patch walks every
     * vertex of it to clip it to the patch's box first (large-polygon county file: two fifths of the check, once the
     * patches inside or outside were told apart by the edge index); a part has a few hundred. Each part is cut from its
     * parent cell's part. Safe for several threads (a unit's meter is shared); two may cut the same part once.
     */
    private static final class LocalParts {
        /**
         * A part this small is overlaid as it is, cut near the patch first ({@link BoxClip}): a tile's part of a red line
         * (a few thousand vertices) meets a few patches across its boundary, and cutting it into cells cost more than it
         * saved (large-polygon county file, 512: 5 % more CPU in the check); a unit's outline, met by patches all over
         * the district, or a whole red-line polygon, is cut.
         */
        static final int SMALL = 4096;
        /** Cells at most this deep: 2¹⁰ to a side. */
        private static final int MAX_LEVEL = 10;

        private final Geometry whole;
        private final Envelope root;
        private final Map<Long, Geometry> cells = new ConcurrentHashMap<>();

        LocalParts(Geometry whole) {
            this.whole = whole;
            this.root = new Envelope(whole.getEnvelopeInternal());
        }

        Geometry around(Envelope box) {
            Geometry part = whole;
            for (int level = 1; level <= MAX_LEVEL && part.getNumPoints() > SMALL; level++) {
                long n = 1L << level;
                double w = root.getWidth() / n;
                double h = root.getHeight() / n;
                long cx = (long) Math.floor((box.getMinX() - root.getMinX()) / w);
                long cy = (long) Math.floor((box.getMinY() - root.getMinY()) / h);
                Envelope cell = cell(level, cx, cy);
                if (cx < 0 || cy < 0 || cx >= n || cy >= n || !cell.covers(box)) {
                    break; // the box spans two cells at this level: the parent's part it is
                }
                Geometry parent = part;
                long key = (long) level << 58 | cx << 29 | cy;
                part = cells.computeIfAbsent(key, k -> polygons(OverlayNGRobust.overlay(BoxClip.near(parent, cell),
                        parent.getFactory().toGeometry(cell), OverlayNG.INTERSECTION)));
            }
            return part;
        }

        /** The polygons of an overlay's result (where the polygon only touches a cell's edge, a line may come too). */
        private static Geometry polygons(Geometry g) {
            if (g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon) {
                return g;
            }
            return g.getFactory().buildGeometry(org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(g));
        }

        /** Cell (cx, cy) of level {@code level}, its edges computed the same way for neighbours (no gaps between them). */
        private Envelope cell(int level, long cx, long cy) {
            long n = 1L << level;
            return new Envelope(edge(root.getMinX(), root.getWidth(), cx, n), edge(root.getMinX(), root.getWidth(), cx + 1, n),
                    edge(root.getMinY(), root.getHeight(), cy, n), edge(root.getMinY(), root.getHeight(), cy + 1, n));
        }

        private static double edge(double min, double size, long i, long n) {
            return i == n ? min + size : min + size * i / n;
        }
    }

    /** The fixed polygon's edge index, once it has been asked for more than once; null before, or when too small. */
    private PolygonSides sides() {
        if (sidesBuilt) {
            return sides;
        }
        if (callsBeforeSides-- > 0) {
            return null;
        }
        PolygonSides built = PolygonSides.of(fixed);
        sides = built;
        sidesBuilt = true;
        return built;
    }

    /** The fixed polygon as a convex clipper, or null when it is not convex. */
    private ConvexClip convex() {
        if (convexKnown) {
            return convex;
        }
        ConvexClip c = ConvexClip.of(fixed);
        convex = c;
        convexKnown = true;
        return c;
    }

    /** The overlap with {@code g} as {@code subject} (g or the fixed polygon) clipped by the other, convex one. */
    private Piece clipped(Geometry g, MeasuredArea wholeArea, ConvexClip clipper, Geometry subject) {
        if (clipper == convex ? clipper.covers(g) : prepared.covers(g)) {
            return new Piece(g, wholeArea != null ? wholeArea : meter.measure(g));
        }
        Geometry piece = clipper.clip(subject, fixed.getFactory());
        if (piece == null) {
            return Piece.NONE;
        }
        MeasuredArea a = meter.measure(piece);
        return a.planarM2() > 0 ? new Piece(piece, a) : Piece.NONE;
    }
}
