package cn.basinguard.core.check;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A quick proof that a small polygon is valid, before JTS's full validator: a 三调 patch is a ring of a few dozen
 * vertices (a field margin around a field: a ring with a hole) and almost always valid, and comparing each pair of its
 * edges costs far less than building the validator's topology graph. The test only ever answers "certainly valid" —
 * closed rings of at least three distinct points whose edges meet only where consecutive edges of one ring share
 * their vertex (robust orientation tests, so collinear overlaps, spikes and touching vertices all count as meeting),
 * each hole inside the shell and outside the other holes — or "ask the validator"; anything else (several parts, more
 * vertices than {@link #MAX_VERTICES}, holes that touch) goes to the validator too, which also says what is wrong.
 * Rings that meet nowhere leave the interior connected, so nothing else needs proving.
 */
final class SimpleRing {
    /** All rings' vertices together; the sweep below grows a little faster than linearly, the validator's graph more. */
    static final int MAX_VERTICES = 128;

    private SimpleRing() {
    }

    /** True only when {@code g} is certainly a valid polygon; false means "not shown here", not "invalid". */
    static boolean certainlyValid(Geometry g) {
        if (g instanceof MultiPolygon mp && mp.getNumGeometries() == 1) {
            g = mp.getGeometryN(0);
        }
        if (!(g instanceof Polygon p) || p.isEmpty()) {
            return false;
        }
        int rings = 1 + p.getNumInteriorRing();
        int total = 0;
        for (int r = 0; r < rings; r++) {
            total += ring(p, r).size();
        }
        if (total > MAX_VERTICES + rings) {
            return false;
        }
        // every ring's vertices in one array; ring r's run from start[r] to start[r + 1] − 1 (its closing vertex)
        Scratch w = SCRATCH.get().fit(total, rings);
        double[] x = w.x;
        double[] y = w.y;
        int[] start = w.start;
        CoordinateSequence shell = ring(p, 0);
        // relative to the first vertex: Gauss-Krüger coordinates of 10^7 m leave few bits for the orientation tests
        double x0 = shell.getX(0);
        double y0 = shell.getY(0);
        int at = 0;
        for (int r = 0; r < rings; r++) {
            CoordinateSequence s = ring(p, r);
            int n = s.size();
            double[] xy = cn.basinguard.core.measure.PackedXY.of(s);
            if (n < 4) {
                return false;
            }
            start[r] = at;
            for (int i = 0; i < n; i++) {
                double xi = xy[2 * i];
                double yi = xy[2 * i + 1];
                if (!Double.isFinite(xi) || !Double.isFinite(yi)) {
                    return false;
                }
                x[at + i] = xi - x0;
                y[at + i] = yi - y0;
                if (i > 0 && x[at + i] == x[at + i - 1] && y[at + i] == y[at + i - 1]) {
                    return false; // repeated vertices: let the validator judge what is left
                }
            }
            if (x[at] != x[at + n - 1] || y[at] != y[at + n - 1]) {
                return false;
            }
            at += n;
        }
        start[rings] = at;
        // edge k runs from vertex k to k + 1 within its ring (a ring's closing vertex starts no edge)
        int[] edgeRing = w.edgeRing;
        int edges = 0;
        int[] edge = w.edge;
        for (int r = 0; r < rings; r++) {
            int first = start[r];
            int last = start[r + 1] - 1;
            int count = last - first;
            // consecutive edges share one vertex; they must not fold back over each other (a spike)
            for (int i = first; i < last; i++) {
                int prev = i == first ? last - 1 : i - 1;
                if (orientation(x, y, prev, i, i + 1) == 0 && backwards(x, y, prev, i, i + 1)) {
                    return false;
                }
            }
            if (count < 3) {
                return false;
            }
            for (int i = first; i < last; i++) {
                edge[edges] = i;
                edgeRing[edges++] = r;
            }
        }
        // every other pair of edges must not meet at all: a sweep over x finds the pairs whose boxes overlap
        int[] order = w.order;
        double[] minX = w.minX;
        for (int k = 0; k < edges; k++) {
            // insertion sort by each edge's smallest x: a few dozen edges, mostly in order already
            int i = edge[k];
            double m = Math.min(x[i], x[i + 1]);
            int j = k;
            while (j > 0 && minX[j - 1] > m) {
                minX[j] = minX[j - 1];
                order[j] = order[j - 1];
                j--;
            }
            minX[j] = m;
            order[j] = k;
        }
        for (int a = 0; a < edges; a++) {
            int ka = order[a];
            int i = edge[ka];
            double maxXi = Math.max(x[i], x[i + 1]);
            for (int b = a + 1; b < edges; b++) {
                if (minX[b] > maxXi) {
                    break;
                }
                int kb = order[b];
                int j = edge[kb];
                int r = edgeRing[ka];
                if (r == edgeRing[kb]) {
                    int d = Math.abs(i - j);
                    if (d == 1 || d == start[r + 1] - 1 - start[r] - 1) {
                        continue; // consecutive in one ring: checked above
                    }
                }
                if (meet(x, y, Math.min(i, j), Math.max(i, j))) {
                    return false;
                }
            }
        }
        // rings meet nowhere, so one vertex of a hole tells where all of it lies: inside the shell, outside the other holes
        for (int h = 1; h < rings; h++) {
            Coordinate v = c(x, y, start[h]);
            if (RayCrossingCounter.locatePointInRing(v, relative(x, y, start[0], start[1])) != Location.INTERIOR) {
                return false;
            }
            for (int o = 1; o < rings; o++) {
                if (o != h && RayCrossingCounter.locatePointInRing(v, relative(x, y, start[o], start[o + 1])) != Location.EXTERIOR) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Each thread's working arrays, grown to the largest polygon met: the check proves hundreds of thousands of patches
     * valid, and seven arrays each was a fifth of what it allocated (more young collections, each copying a tile's data).
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        double[] x = new double[0];
        double[] y = new double[0];
        double[] minX = new double[0];
        int[] start = new int[0];
        int[] edgeRing = new int[0];
        int[] edge = new int[0];
        int[] order = new int[0];

        Scratch fit(int vertices, int rings) {
            if (x.length < vertices) {
                x = new double[vertices];
                y = new double[vertices];
                minX = new double[vertices];
                edgeRing = new int[vertices];
                edge = new int[vertices];
                order = new int[vertices];
            }
            if (start.length < rings + 1) {
                start = new int[rings + 1];
            }
            return this;
        }
    }

    private static CoordinateSequence ring(Polygon p, int r) {
        return (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinateSequence();
    }

    /** Vertices {@code from} … {@code to − 1} (one ring, closed) as a sequence, in the shifted coordinates. */
    private static CoordinateSequence relative(double[] x, double[] y, int from, int to) {
        double[] xy = new double[2 * (to - from)];
        for (int i = from; i < to; i++) {
            xy[2 * (i - from)] = x[i];
            xy[2 * (i - from) + 1] = y[i];
        }
        return new org.locationtech.jts.geom.impl.PackedCoordinateSequence.Double(xy, 2, 0);
    }

    /** −1, 0 or 1 as c lies right of, on or left of a→b; exact where the double result could be wrong. */
    private static int orientation(double[] x, double[] y, int a, int b, int c) {
        double detLeft = (x[a] - x[c]) * (y[b] - y[c]);
        double detRight = (y[a] - y[c]) * (x[b] - x[c]);
        double det = detLeft - detRight;
        double bound = (Math.abs(detLeft) + Math.abs(detRight)) * 1e-15;
        if (det > bound) {
            return 1;
        }
        if (-det > bound) {
            return -1;
        }
        return Orientation.index(c(x, y, a), c(x, y, b), c(x, y, c));
    }

    private static Coordinate c(double[] x, double[] y, int i) {
        return new Coordinate(x[i], y[i]);
    }

    /** Whether the turn at {@code v} goes straight back (the next edge runs over the previous one). */
    private static boolean backwards(double[] x, double[] y, int a, int v, int b) {
        double ux = x[a] - x[v];
        double uy = y[a] - y[v];
        double wx = x[b] - x[v];
        double wy = y[b] - y[v];
        return ux * wx + uy * wy > 0;
    }

    /** Whether edge i (i → i+1) and edge j (j → j+1) share any point, endpoints included. */
    private static boolean meet(double[] x, double[] y, int i, int j) {
        if (Math.max(y[j], y[j + 1]) < Math.min(y[i], y[i + 1]) || Math.min(y[j], y[j + 1]) > Math.max(y[i], y[i + 1])) {
            return false;
        }
        int o1 = orientation(x, y, i, i + 1, j);
        int o2 = orientation(x, y, i, i + 1, j + 1);
        int o3 = orientation(x, y, j, j + 1, i);
        int o4 = orientation(x, y, j, j + 1, i + 1);
        if (o1 != o2 && o3 != o4) {
            return true; // a crossing, or one edge's end on the other
        }
        // collinear: meeting when an end of one lies within the other
        return o1 == 0 && onSegment(x, y, i, j) || o2 == 0 && onSegment(x, y, i, j + 1)
            || o3 == 0 && onSegment(x, y, j, i) || o4 == 0 && onSegment(x, y, j, i + 1);
    }

    /** Whether vertex p, collinear with edge e, lies within e's box (and so on e). */
    private static boolean onSegment(double[] x, double[] y, int e, int p) {
        return x[p] >= Math.min(x[e], x[e + 1]) && x[p] <= Math.max(x[e], x[e + 1])
            && y[p] >= Math.min(y[e], y[e + 1]) && y[p] <= Math.max(y[e], y[e + 1]);
    }
}
