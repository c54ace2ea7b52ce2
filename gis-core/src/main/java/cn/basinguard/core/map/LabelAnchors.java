package cn.basinguard.core.map;

import cn.basinguard.core.loaded.BoxIndex;
import cn.basinguard.core.loaded.PackedShapes;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * Where each feature's label goes, in map units: a polygon's interior point, a point's centroid. Found at the first
 * frame that labels the feature and kept: an interior point walks the whole outline, and a basin unit's outline is long,
 * while a label's place does not change with the view. Shared by a layer's restyled and relabelled copies (same
 * geometries); safe to use from the band painters at once.
 */
final class LabelAnchors {
    /** A label's anchor; NaN for an empty geometry (no label). */
    record Anchor(double x, double y) {
    }

    private final PackedShapes features;
    /** Made at the first label: most layers are never labelled. */
    private volatile AtomicReferenceArray<Anchor> found;

    LabelAnchors(PackedShapes features) {
        this.features = features;
    }

    Anchor of(int i) {
        AtomicReferenceArray<Anchor> a = found;
        if (a == null) {
            synchronized (this) {
                if (found == null) {
                    found = new AtomicReferenceArray<>(features.size());
                }
                a = found;
            }
        }
        Anchor at = a.get(i);
        if (at == null) {
            // the band painters meet the same feature at once in a frame's first paint: one of them finds it
            synchronized (this) {
                at = a.get(i);
                if (at == null) {
                    at = compute(features.geometry(i));
                    a.set(i, at);
                }
            }
        }
        return at;
    }

    static Anchor compute(Geometry g) {
        if (g.isEmpty()) {
            return new Anchor(Double.NaN, Double.NaN);
        }
        Point p = g instanceof Puntal ? g.getCentroid() : g.getInteriorPoint();
        return p.isEmpty() ? new Anchor(Double.NaN, Double.NaN) : new Anchor(p.getX(), p.getY());
    }
}
