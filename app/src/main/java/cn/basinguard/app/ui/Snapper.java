package cn.basinguard.app.ui;

import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.map.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Snapping while sketching: a click within a few pixels of a corner of a visible feature lands exactly on that
 * corner, so a drawn site can share its boundary with a parcel or a red-line patch instead of missing it by a pixel.
 */
final class Snapper {
    static final double TOLERANCE_PX = 8;

    private Snapper() {
    }

    /** The nearest vertex within the tolerance of {@code p}, or {@code p} itself. */
    static Coordinate snap(MapContent content, Viewport vp, Coordinate p) {
        if (content == null || vp == null) {
            return p;
        }
        double tol = TOLERANCE_PX * vp.unitsPerPixel();
        Envelope near = new Envelope(p.x - tol, p.x + tol, p.y - tol, p.y + tol);
        Nearest nearest = new Nearest(p, tol);
        for (MapLayer l : content.visibleLayers()) {
            for (MapFeature f : l.query(near)) {
                f.geometry().apply(nearest);
            }
        }
        return nearest.best;
    }

    /** Reads the vertices in place: no copy of a long boundary on every mouse move. */
    private static final class Nearest implements org.locationtech.jts.geom.CoordinateSequenceFilter {
        private final Coordinate p;
        private double distance;
        private Coordinate best;

        Nearest(Coordinate p, double tolerance) {
            this.p = p;
            this.distance = tolerance;
            this.best = p;
        }

        @Override
        public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
            double dx = seq.getX(i) - p.x;
            double dy = seq.getY(i) - p.y;
            double d = Math.sqrt(dx * dx + dy * dy);
            if (d <= distance) {
                distance = d;
                best = new Coordinate(seq.getX(i), seq.getY(i));
            }
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return false;
        }
    }
}
