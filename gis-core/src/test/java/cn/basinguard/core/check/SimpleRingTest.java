package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/** The quick validity proof never calls an invalid polygon valid, on many random and hand-made rings. */
class SimpleRingTest {
    private final GeometryFactory gf = new GeometryFactory();

    @Test
    void neverCallsAnInvalidPolygonValid() {
        SplittableRandom rnd = new SplittableRandom(20231129);
        int[] tried = tryAll(60_000, () -> randomRing(rnd));
        assertTrue(tried[0] > 10_000 && tried[1] > 10_000, "both kinds were tried: " + tried[0] + " proved, " + tried[1] + " invalid");
    }

    /** {@code n} polygons from {@code make} (null ones skipped), none called valid that IsValidOp calls invalid: {proved, invalid}. */
    private static int[] tryAll(int n, java.util.function.Supplier<Polygon> make) {
        int proved = 0;
        int invalid = 0;
        for (int k = 0; k < n; k++) {
            Polygon p = make.get();
            if (p == null) {
                continue;
            }
            boolean valid = new IsValidOp(p).isValid();
            invalid += valid ? 0 : 1;
            if (SimpleRing.certainlyValid(p)) {
                proved++;
                assertTrue(valid, () -> "called valid: " + p);
            }
        }
        return new int[] {proved, invalid};
    }

    @Test
    void neverCallsAnInvalidPolygonWithHolesValid() {
        SplittableRandom rnd = new SplittableRandom(20261130);
        int[] tried = tryAll(30_000, () -> {
            Polygon shell = randomRing(rnd);
            if (shell == null) {
                return null;
            }
            int holes = 1 + rnd.nextInt(3);
            org.locationtech.jts.geom.LinearRing[] rings = new org.locationtech.jts.geom.LinearRing[holes];
            for (int h = 0; h < holes; h++) {
                // small stars near the middle: some inside, some crossing the shell, touching or nested in each other
                double cx = 38_430_000 + rnd.nextDouble() * 24 - 12;
                double cy = 3_520_000 + rnd.nextDouble() * 24 - 12;
                int n = 3 + rnd.nextInt(8);
                Coordinate[] cs = new Coordinate[n + 1];
                for (int i = 0; i < n; i++) {
                    double t = 2 * Math.PI * i / n;
                    double r = 1 + rnd.nextDouble() * 5;
                    cs[i] = new Coordinate(cx + r * Math.cos(t), cy + r * Math.sin(t));
                }
                cs[n] = new Coordinate(cs[0]);
                rings[h] = gf.createLinearRing(cs);
            }
            return gf.createPolygon(shell.getExteriorRing(), rings);
        });
        assertTrue(tried[0] > 3_000 && tried[1] > 3_000, "both kinds were tried: " + tried[0] + " proved, " + tried[1] + " invalid");
    }

    @Test
    void handMadeHoles() {
        assertTrue(SimpleRing.certainlyValid(holed(new double[] {0, 0, 10, 0, 10, 10, 0, 10, 0, 0}, new double[] {2, 2, 4, 2, 4, 4, 2, 4, 2, 2})),
                "a field margin around a field");
        assertTrue(SimpleRing.certainlyValid(holed(new double[] {0, 0, 10, 0, 10, 10, 0, 10, 0, 0}, new double[] {2, 2, 4, 2, 4, 4, 2, 4, 2, 2},
                new double[] {6, 6, 8, 6, 8, 8, 6, 8, 6, 6})), "two holes");
        assertFalse(SimpleRing.certainlyValid(holed(new double[] {0, 0, 10, 0, 10, 10, 0, 10, 0, 0}, new double[] {12, 2, 14, 2, 14, 4, 12, 4, 12, 2})),
                "hole outside the shell");
        assertFalse(SimpleRing.certainlyValid(holed(new double[] {0, 0, 10, 0, 10, 10, 0, 10, 0, 0}, new double[] {8, 2, 14, 2, 14, 4, 8, 4, 8, 2})),
                "hole across the shell");
        assertFalse(SimpleRing.certainlyValid(holed(new double[] {0, 0, 10, 0, 10, 10, 0, 10, 0, 0}, new double[] {1, 1, 9, 1, 9, 9, 1, 9, 1, 1},
                new double[] {3, 3, 5, 3, 5, 5, 3, 5, 3, 3})), "hole inside a hole");
        assertFalse(SimpleRing.certainlyValid(holed(new double[] {0, 0, 10, 0, 10, 10, 0, 10, 0, 0}, new double[] {0, 2, 4, 2, 4, 4, 0, 2})),
                "hole touching the shell: left to the validator");
        assertFalse(SimpleRing.certainlyValid(holed(new double[] {0, 0, 10, 0, 10, 10, 0, 10, 0, 0}, new double[] {2, 2, 4, 4, 4, 2, 2, 4, 2, 2})),
                "bow-tie hole");
    }

    private Polygon holed(double[] shell, double[]... holes) {
        org.locationtech.jts.geom.LinearRing[] rings = new org.locationtech.jts.geom.LinearRing[holes.length];
        for (int h = 0; h < holes.length; h++) {
            rings[h] = poly(holes[h]).getExteriorRing();
        }
        return gf.createPolygon(poly(shell).getExteriorRing(), rings);
    }

    @Test
    void handMadeCases() {
        assertTrue(SimpleRing.certainlyValid(poly(0, 0, 10, 0, 10, 10, 0, 10, 0, 0)));
        assertFalse(SimpleRing.certainlyValid(poly(0, 0, 10, 10, 10, 0, 0, 10, 0, 0)), "bow-tie");
        assertFalse(SimpleRing.certainlyValid(poly(0, 0, 10, 0, 10, 10, 10, 20, 10, 10, 0, 10, 0, 0)), "spike");
        assertFalse(SimpleRing.certainlyValid(poly(0, 0, 10, 0, 5, 0, 5, 5, 0, 0)), "edge running back over another");
        assertFalse(SimpleRing.certainlyValid(poly(0, 0, 10, 0, 10, 10, 5, 0, 0, 10, 0, 0)), "vertex touching an edge");
        assertFalse(SimpleRing.certainlyValid(poly(0, 0, 1, 0, 2, 0, 0, 0)), "collapsed");
        assertFalse(SimpleRing.certainlyValid(poly(0, 0, 10, 0, 10, 0, 10, 10, 0, 0)), "repeated vertex: left to the validator");
    }

    private Polygon poly(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return gf.createPolygon(cs);
    }

    /** A ring of 3–30 points: a star (mostly valid), jittered (some crossings), on a coarse grid (touches, spikes). */
    private Polygon randomRing(SplittableRandom rnd) {
        int n = 3 + rnd.nextInt(28);
        int kind = rnd.nextInt(3);
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double r = 10 + rnd.nextDouble() * (kind == 0 ? 5 : 20);
            double x = 38_430_000 + r * Math.cos(t);
            double y = 3_520_000 + r * Math.sin(t);
            if (kind == 1) {
                x += rnd.nextDouble() * 15 - 7.5;
                y += rnd.nextDouble() * 15 - 7.5;
            }
            if (kind == 2) {
                x = 38_430_000 + rnd.nextInt(5);
                y = 3_520_000 + rnd.nextInt(5);
            }
            cs[i] = new Coordinate(x, y);
        }
        cs[n] = new Coordinate(cs[0]);
        try {
            return gf.createPolygon(cs);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
