package cn.basinguard.core.check;

import cn.basinguard.core.measure.PackedXY;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * A big polygon cut down to what lies near a box, before it is overlaid with that box (a red-line polygon cut to a tile,
 * a tile's part cut to the cells of its quadtree). OverlayNG clips its inputs to the other's envelope itself, but its
 * ring clipper allocates a coordinate list per pass and an object per point: on the large-polygon county file that
 * clipping, and the scan that finds the envelope, were half of every such overlay. Here each ring is clipped to a box a
 * fifth larger on each side (Sutherland–Hodgman on the four sides, on arrays), as OverlayNG's clipper would clip it to
 * its own envelope (the box widened by a tenth), and OverlayNG then nodes what is left exactly as before: the parts
 * inside the box are the polygon's own edges and vertices.
 *
 * <p>A clipped ring may run along the wider box in zero-width bridges, as OverlayNG's own clipped rings do; those lie
 * outside the box the overlay keeps. OverlayNG takes a ring's orientation from the ring it is given, not from its clipped
 * points: a clipped ring whose orientation does not read as the original's (a bridge along its highest edge) is given
 * whole instead, and OverlayNG clips it itself.
 */
final class BoxClip {
    /** How far the box is widened, as a share of its longer side: twice what OverlayNG widens its clipping box by. */
    private static final double WIDEN = 0.2;

    private BoxClip() {
    }

    /** The polygons of {@code polygonal} with their rings clipped near {@code box} ({@code polygonal} itself when it lies near). */
    static Geometry near(Geometry polygonal, Envelope box) {
        Envelope wide = new Envelope(box);
        wide.expandBy(WIDEN * Math.max(box.getWidth(), box.getHeight()));
        if (wide.covers(polygonal.getEnvelopeInternal()) || polygonal.getDimension() != 2) {
            return polygonal;
        }
        GeometryFactory factory = polygonal.getFactory();
        List<Polygon> out = new ArrayList<>(polygonal.getNumGeometries());
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            if (!(polygonal.getGeometryN(i) instanceof Polygon p)) {
                return polygonal; // not polygons only: left to the overlay as it is
            }
            if (p.isEmpty() || !wide.intersects(p.getEnvelopeInternal())) {
                continue;
            }
            if (wide.covers(p.getEnvelopeInternal())) {
                out.add(p);
                continue;
            }
            LinearRing shell = ring(p.getExteriorRing(), wide, factory);
            if (shell == null) {
                continue;
            }
            List<LinearRing> holes = new ArrayList<>();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                LinearRing hole = ring(p.getInteriorRingN(h), wide, factory);
                if (hole != null) {
                    holes.add(hole);
                }
            }
            out.add(factory.createPolygon(shell, holes.toArray(new LinearRing[0])));
        }
        return out.size() == 1 ? out.get(0) : factory.createMultiPolygon(out.toArray(new Polygon[0]));
    }

    /** The ring clipped to {@code box}; null when nothing of it encloses any of the box; the ring itself when clipping would misread its orientation. */
    private static LinearRing ring(LinearRing ring, Envelope box, GeometryFactory factory) {
        Envelope e = ring.getEnvelopeInternal();
        if (box.covers(e)) {
            return ring;
        }
        if (!box.intersects(e)) {
            return null;
        }
        double[] xy = PackedXY.of(ring.getCoordinateSequence());
        int n = xy.length / 2 - 1; // the closing point is the first
        double[] a = new double[2 * (2 * n + 2)];
        System.arraycopy(xy, 0, a, 0, 2 * n);
        double[] b = new double[a.length];
        int count = n;
        // the four sides in turn, each pass reading one array and writing the other: x ≥ minX, x ≤ maxX, y ≥ minY, y ≤ maxY
        for (int side = 0; side < 4 && count > 0; side++) {
            int axis = side / 2; // 0: x, 1: y
            double limit = side == 0 ? box.getMinX() : side == 1 ? box.getMaxX() : side == 2 ? box.getMinY() : box.getMaxY();
            double sign = side % 2 == 0 ? 1 : -1; // inside: sign · (v − limit) ≥ 0
            if (b.length < 2 * (2 * count + 2)) {
                b = new double[2 * (2 * count + 2)];
            }
            int m = 0;
            for (int i = 0; i < count; i++) {
                int j = i + 1 == count ? 0 : i + 1;
                double si = sign * (a[2 * i + axis] - limit);
                double sj = sign * (a[2 * j + axis] - limit);
                if (si >= 0) {
                    b[2 * m] = a[2 * i];
                    b[2 * m++ + 1] = a[2 * i + 1];
                }
                if ((si >= 0) != (sj >= 0)) {
                    double t = si / (si - sj);
                    double x = a[2 * i] + t * (a[2 * j] - a[2 * i]);
                    double y = a[2 * i + 1] + t * (a[2 * j + 1] - a[2 * i + 1]);
                    // on the side itself, exactly: the point was computed to lie there
                    b[2 * m] = axis == 0 ? limit : x;
                    b[2 * m++ + 1] = axis == 1 ? limit : y;
                }
            }
            double[] swap = a;
            a = b;
            b = swap;
            count = m;
        }
        if (count < 3) {
            return null;
        }
        double[] closed = new double[2 * (count + 1)];
        System.arraycopy(a, 0, closed, 0, 2 * count);
        closed[2 * count] = a[0];
        closed[2 * count + 1] = a[1];
        PackedCoordinateSequence.Double seq = new PackedCoordinateSequence.Double(closed, 2, 0);
        double area = org.locationtech.jts.algorithm.Area.ofRingSigned(seq);
        if (area == 0) {
            return null; // only bridges along the box: it encloses nothing of it
        }
        if (Orientation.isCCW(seq) != Orientation.isCCW(ring.getCoordinateSequence())) {
            return ring;
        }
        return factory.createLinearRing(seq);
    }
}
