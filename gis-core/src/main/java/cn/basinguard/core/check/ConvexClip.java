package cn.basinguard.core.check;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * Clips polygons by a convex polygon (Sutherland–Hodgman, ring by ring). Project sites are mostly convex, and a
 * site's boundary crosses thousands of patches: clipping each against the site's few edges costs a fraction of a
 * general overlay. The clipped ring may run along the clip boundary in zero-width bridges where a non-convex patch
 * leaves and re-enters the site; those add no area and only matter to a picture, where they draw as lines.
 */
final class ConvexClip {
    private final double[] xs;
    private final double[] ys;

    private ConvexClip(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /** A clipper for {@code g} when it is a convex polygon without holes, else null. */
    static ConvexClip of(Geometry g) {
        if (g instanceof org.locationtech.jts.geom.MultiPolygon mp && mp.getNumGeometries() == 1) {
            g = mp.getGeometryN(0); // layers declared MULTIPOLYGON hold single polygons as one-part multipolygons
        }
        if (!(g instanceof Polygon p) || p.getNumInteriorRing() > 0 || p.isEmpty()) {
            return null;
        }
        Coordinate[] cs = p.getExteriorRing().getCoordinates();
        int n = cs.length - 1;
        if (n < 3 || n > 64) {
            return null;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int sign = 0;
        for (int i = 0; i < n; i++) {
            xs[i] = cs[i].x;
            ys[i] = cs[i].y;
        }
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            int k = (i + 2) % n;
            double cross = (xs[j] - xs[i]) * (ys[k] - ys[j]) - (ys[j] - ys[i]) * (xs[k] - xs[j]);
            int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (s != 0) {
                if (sign != 0 && s != sign) {
                    return null;
                }
                sign = s;
            }
        }
        if (sign == 0) {
            return null;
        }
        if (sign < 0) {
            reverse(xs);
            reverse(ys);
        }
        return new ConvexClip(xs, ys);
    }

    /**
     * Whether this convex polygon covers {@code g}: every vertex of its outer rings on the inner side of every edge (or
     * on it), by the test the clipping makes — then clipping would give {@code g} back. Cheaper than a prepared
     * geometry's covers for the few edges of a site; false for anything but polygons.
     */
    boolean covers(Geometry g) {
        for (int k = 0; k < g.getNumGeometries(); k++) {
            if (!(g.getGeometryN(k) instanceof Polygon p) || p.isEmpty()) {
                return false;
            }
            double[] xy = cn.basinguard.core.measure.PackedXY.of(p.getExteriorRing().getCoordinateSequence());
            for (int e = 0; e < xs.length; e++) {
                int f = (e + 1) % xs.length;
                double ax = xs[e];
                double ay = ys[e];
                double dx = xs[f] - ax;
                double dy = ys[f] - ay;
                for (int i = 0; i < xy.length; i += 2) {
                    if (dx * (xy[i + 1] - ay) - dy * (xy[i] - ax) < 0) {
                        return false;
                    }
                }
            }
        }
        return g.getNumGeometries() > 0;
    }

    /** {@code g} clipped, as polygons of the factory's kind; null when nothing of it is inside. */
    Geometry clip(Geometry g, GeometryFactory factory) {
        if (g instanceof Polygon p) {
            return clipPolygon(p, factory);
        }
        int parts = g.getNumGeometries();
        java.util.List<Polygon> out = new java.util.ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                Polygon c = clipPolygon(p, factory);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        return out.size() == 1 ? out.get(0) : factory.createMultiPolygon(out.toArray(new Polygon[0]));
    }

    private Polygon clipPolygon(Polygon p, GeometryFactory factory) {
        LinearRing shell = clipRing(p.getExteriorRing().getCoordinateSequence(), factory);
        if (shell == null) {
            return null;
        }
        java.util.List<LinearRing> holes = new java.util.ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            LinearRing h = clipRing(p.getInteriorRingN(i).getCoordinateSequence(), factory);
            if (h != null) {
                holes.add(h);
            }
        }
        return factory.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    private LinearRing clipRing(CoordinateSequence seq, GeometryFactory factory) {
        int n = seq.size() - 1;
        // two buffers, each pass reading one and writing the other: a pass adds at most one point per input point
        Buffers b = BUFFERS.get().fit(2 * n + 2);
        double[] px = b.px;
        double[] py = b.py;
        double[] ox = b.ox;
        double[] oy = b.oy;
        double[] in = cn.basinguard.core.measure.PackedXY.of(seq);
        for (int i = 0; i < n; i++) {
            px[i] = in[2 * i];
            py[i] = in[2 * i + 1];
        }
        int count = n;
        for (int e = 0; e < xs.length && count > 0; e++) {
            int f = (e + 1) % xs.length;
            double ax = xs[e];
            double ay = ys[e];
            double dx = xs[f] - ax;
            double dy = ys[f] - ay;
            if (ox.length < 2 * count + 2) {
                ox = new double[2 * count + 2];
                oy = new double[2 * count + 2];
            }
            int m = 0;
            for (int i = 0; i < count; i++) {
                int j = (i + 1) % count;
                double si = dx * (py[i] - ay) - dy * (px[i] - ax);
                double sj = dx * (py[j] - ay) - dy * (px[j] - ax);
                if (si >= 0) {
                    ox[m] = px[i];
                    oy[m++] = py[i];
                }
                if ((si >= 0) != (sj >= 0)) {
                    double t = si / (si - sj);
                    ox[m] = px[i] + t * (px[j] - px[i]);
                    oy[m++] = py[i] + t * (py[j] - py[i]);
                }
            }
            double[] swap = px;
            px = ox;
            ox = swap;
            swap = py;
            py = oy;
            oy = swap;
            count = m;
        }
        b.keep(px, py, ox, oy); // grown in a pass, perhaps
        if (count < 3) {
            return null;
        }
        double[] xy = new double[2 * (count + 1)];
        for (int i = 0; i < count; i++) {
            xy[2 * i] = px[i];
            xy[2 * i + 1] = py[i];
        }
        xy[2 * count] = px[0];
        xy[2 * count + 1] = py[0];
        return factory.createLinearRing(new PackedCoordinateSequence.Double(xy, 2, 0));
    }

    /**
     * Each thread's two pairs of buffers, grown to the largest ring met: a site's review clips tens of thousands of patches,
     * and four fresh arrays a ring were a tenth of what a check allocated (more young collections, each copying a tile).
     * A pass writes at most twice the points it reads; a buffer too small for a pass is replaced, and the larger kept.
     */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static final class Buffers {
        double[] px = new double[0];
        double[] py = new double[0];
        double[] ox = new double[0];
        double[] oy = new double[0];

        Buffers fit(int room) {
            px = px.length < room ? new double[room] : px;
            py = py.length < room ? new double[room] : py;
            ox = ox.length < room ? new double[room] : ox;
            oy = oy.length < room ? new double[room] : oy;
            return this;
        }

        void keep(double[] px, double[] py, double[] ox, double[] oy) {
            this.px = px;
            this.py = py;
            this.ox = ox;
            this.oy = oy;
        }
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
