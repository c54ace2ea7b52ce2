package cn.basinguard.core.check;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The overlap of one fixed polygon (a unit, a site, a patch) with many others. Containment is tested first on a
 * prepared geometry, so a patch wholly inside costs no overlay and keeps its own measured area exactly; only patches
 * that cross the boundary are intersected (OverlayNG with its robust fallback) and measured again.
 */
final class OverlapMeter {
    /** The piece of {@code other} inside the fixed polygon, and its area; {@code piece == null} when none. */
    record Piece(Geometry piece, MeasuredArea area) {
        static final Piece NONE = new Piece(null, MeasuredArea.ZERO);
    }

    private final Geometry fixed;
    private final PreparedGeometry prepared;
    private final ConvexClip convex;
    private final AreaMeter meter;

    OverlapMeter(Geometry fixed, AreaMeter meter) {
        this.fixed = fixed;
        this.prepared = PreparedGeometryFactory.prepare(fixed);
        this.convex = ConvexClip.of(fixed);
        this.meter = meter;
    }

    Geometry fixed() {
        return fixed;
    }

    Piece overlap(WorkingFeature other) {
        // a feature cut to a tile: its stored area is the whole feature's, so a part found inside is measured itself
        return overlap(other.geometry(), other.cut() ? null : other.area());
    }

    /** @param wholeArea {@code g}'s own area when known (kept exactly for a {@code g} wholly inside), or null */
    Piece overlap(Geometry g, MeasuredArea wholeArea) {
        if (!fixed.getEnvelopeInternal().intersects(g.getEnvelopeInternal())) {
            return Piece.NONE;
        }
        if (convex != null && g.getDimension() == 2) {
            if (prepared.covers(g)) {
                return new Piece(g, wholeArea != null ? wholeArea : meter.measure(g));
            }
            Geometry piece = convex.clip(g, fixed.getFactory());
            if (piece == null) {
                return Piece.NONE;
            }
            MeasuredArea a = meter.measure(piece);
            return a.planarM2() > 0 ? new Piece(piece, a) : Piece.NONE;
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
}
