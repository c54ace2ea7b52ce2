package cn.basinguard.core.check;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A quick proof that a small one-ring polygon is valid, before JTS's full validator: a 三调 patch is a ring of a few
 * dozen vertices and almost always valid, and comparing each pair of its edges costs far less than building the
 * validator's topology graph. The test only ever answers "certainly valid" — a closed ring of at least three distinct
 * points whose edges meet only where consecutive edges share their vertex (robust orientation tests, so collinear
 * overlaps, spikes and touching vertices all count as meeting) — or "ask the validator"; anything else (holes, several
 * parts, more vertices than {@link #MAX_VERTICES}) goes to the validator too, which also says what is wrong.
 */
final class SimpleRing {
    /** Pairwise tests grow with the square of the vertices: beyond this the validator's index is faster. */
    static final int MAX_VERTICES = 64;

    private SimpleRing() {
    }

    /** True only when {@code g} is certainly a valid polygon; false means "not shown here", not "invalid". */
    static boolean certainlyValid(Geometry g) {
        if (g instanceof MultiPolygon mp && mp.getNumGeometries() == 1) {
            g = mp.getGeometryN(0);
        }
        if (!(g instanceof Polygon p) || p.isEmpty() || p.getNumInteriorRing() > 0) {
            return false;
        }
        CoordinateSequence s = p.getExteriorRing().getCoordinateSequence();
        int n = s.size();
        if (n < 4 || n > MAX_VERTICES + 1) {
            return false;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.getX(i);
            y[i] = s.getY(i);
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                return false;
            }
            if (i > 0 && x[i] == x[i - 1] && y[i] == y[i - 1]) {
                return false; // repeated vertices: let the validator judge what is left
            }
        }
        if (x[0] != x[n - 1] || y[0] != y[n - 1] || n < 4) {
            return false;
        }
        int edges = n - 1;
        if (edges < 3) {
            return false;
        }
        // relative to the first vertex: Gauss-Krüger coordinates of 10^7 m leave few bits for the orientation tests
        double x0 = x[0];
        double y0 = y[0];
        for (int i = 0; i < n; i++) {
            x[i] -= x0;
            y[i] -= y0;
        }
        // consecutive edges share one vertex; they must not fold back over each other (a spike)
        for (int i = 0; i < edges; i++) {
            int prev = i == 0 ? edges - 1 : i - 1;
            if (orientation(x, y, prev, i, i + 1) == 0 && backwards(x, y, prev, i, i + 1)) {
                return false;
            }
        }
        // every other pair of edges must not meet at all: a sweep over x finds the pairs whose boxes overlap
        int[] order = new int[edges];
        double[] minX = new double[edges];
        for (int i = 0; i < edges; i++) {
            // insertion sort by each edge's smallest x: a few dozen edges
            double m = Math.min(x[i], x[i + 1]);
            int k = i;
            while (k > 0 && minX[k - 1] > m) {
                minX[k] = minX[k - 1];
                order[k] = order[k - 1];
                k--;
            }
            minX[k] = m;
            order[k] = i;
        }
        for (int a = 0; a < edges; a++) {
            int i = order[a];
            double maxXi = Math.max(x[i], x[i + 1]);
            for (int b = a + 1; b < edges; b++) {
                if (minX[b] > maxXi) {
                    break;
                }
                int j = order[b];
                int d = Math.abs(i - j);
                if (d == 1 || d == edges - 1) {
                    continue; // consecutive: checked above
                }
                if (meet(x, y, Math.min(i, j), Math.max(i, j))) {
                    return false;
                }
            }
        }
        return true;
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

    private static org.locationtech.jts.geom.Coordinate c(double[] x, double[] y, int i) {
        return new org.locationtech.jts.geom.Coordinate(x[i], y[i]);
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
