package cn.basinguard.data;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Polygon;

/**
 * Makes straight Voronoi edges look hand-digitised: densifies the ring and moves every vertex by a smooth
 * function of its position. The displacement's gradient stays well below 1, so the map is a near-identity
 * deformation and a valid polygon stays valid. No random state: the same shape always jitters the same way.
 */
final class BoundaryJitter {
    private BoundaryJitter() {
    }

    static Polygon apply(Polygon p, double size) {
        double amp = 0.025 * size;
        double wave = 6 * amp;
        // Densifier repairs a result it finds invalid; a pinched cell piece can come back as a MultiPolygon
        // (seed 11): such a patch keeps its undistorted shape rather than being split
        if (!(Densifier.densify(p, Math.max(5, size / 8)) instanceof Polygon dense)) {
            return p;
        }
        Polygon out = (Polygon) dense.copy();
        out.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                Coordinate c = seq.getCoordinate(i);
                double u = c.x / wave;
                double v = c.y / wave;
                seq.setOrdinate(i, 0, c.x + amp * (0.6 * Math.sin(u + 0.9 * v) + 0.4 * Math.sin(2.1 * v - 0.4 * u + 1)));
                seq.setOrdinate(i, 1, c.y + amp * (0.6 * Math.sin(v - 0.8 * u + 2) + 0.4 * Math.sin(1.9 * u + 0.5 * v)));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return out.isValid() ? out : dense;
    }
}
