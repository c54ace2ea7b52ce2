package cn.basinguard.core.measure;

import org.locationtech.jts.geom.CoordinateSequence;

/**
 * The 32号 area of one ring given in Gauss–Krüger coordinates: round X/Y to 4 decimals, densify edges over 70 m,
 * invert each point to B/L (rounded to 6 decimals of arc-seconds) and sum the trapezoids each edge sweeps to the
 * central meridian. Works straight off the coordinate sequence with no per-vertex allocation, since the check
 * engine calls it for every parcel of every layer.
 */
final class TrapezoidRingSum {
    static final double DENSIFY_STEP = 70.0;
    private static final double XY_SCALE = 1e4;
    private static final double DENSE_SCALE = 1e6;
    private static final double SECONDS_SCALE = 1e6;

    private final EllipsoidConstants k;
    private final double falseEasting;
    private final double cmSeconds;
    private final boolean densify;

    // the previous point of the running edge, and the inverse's output
    private double prevB;
    private double prevL;
    private double outB;
    private double outL;
    private double sum;

    TrapezoidRingSum(EllipsoidConstants k, double falseEasting, int centralMeridian, boolean densify) {
        this.k = k;
        this.falseEasting = falseEasting;
        this.cmSeconds = centralMeridian * 3600.0;
        this.densify = densify;
    }

    /** The unsigned area of the ring; JTS x is the easting (survey Y), JTS y the northing (survey X). */
    double area(CoordinateSequence ring) {
        int n = ring.size();
        if (n < 4) {
            return 0;
        }
        sum = 0;
        double[] xy = PackedXY.of(ring);
        double x0 = Rounding.halfUp(xy[1], XY_SCALE);
        double y0 = Rounding.halfUp(xy[0], XY_SCALE);
        inverse(x0, y0 - falseEasting);
        prevB = outB;
        prevL = outL;
        double px = x0;
        double py = y0;
        for (int i = 1; i < n; i++) {
            double x = Rounding.halfUp(xy[2 * i + 1], XY_SCALE);
            double y = Rounding.halfUp(xy[2 * i], XY_SCALE);
            if (densify) {
                double dx = x - px;
                double dy = y - py;
                double len = Math.sqrt(dx * dx + dy * dy);
                if (len > DENSIFY_STEP) {
                    int extra = (int) (len / DENSIFY_STEP); // positive: truncation is floor (Math.floor is a call in C1 code)
                    double parts = extra + 1;
                    for (int j = 1; j <= extra; j++) {
                        double f = j / parts;
                        step(Rounding.halfUp(px + dx * f, DENSE_SCALE), Rounding.halfUp(py + dy * f, DENSE_SCALE));
                    }
                }
            }
            step(x, y);
            px = x;
            py = y;
        }
        return Math.abs(sum);
    }

    private void step(double x, double y) {
        inverse(x, y - falseEasting);
        // the mean longitude of the edge, measured from the central meridian (cn-standards §1.2)
        sum += k.trapezoid(prevB, outB, 0.5 * (prevL + outL));
        prevB = outB;
        prevL = outL;
    }

    /**
     * 32号 part 3: northing x and easting y (false easting and zone removed) to B and L − L0 in radians, both
     * rounded to 6 decimals of arc-seconds as the 三调 evaluation requires (L on its absolute value).
     */
    private void inverse(double x, double y) {
        double e = k.k0 * x;
        double sinE = Math.sin(e);
        double cosE = Math.cos(e);
        double sin2 = sinE * sinE;
        double d = cosE * sinE * (k.k1 - sin2 * (k.k2 - sin2 * (k.k3 - sin2 * k.k4)));
        double bf = e + d;
        // cos and tan of the footpoint latitude from e's sine and cosine: d = bf − e is below 0.0034 rad, so its sine and
        // cosine by their series are exact to the last bit (next terms below 1e-22), and two of the four trigonometric
        // calls a vertex cost are saved
        double d2 = d * d;
        double sinD = d * (1 - d2 / 6 * (1 - d2 / 20));
        double cosD = 1 - d2 / 2 * (1 - d2 / 12 * (1 - d2 / 30));
        double cosBf = cosE * cosD - sinE * sinD;
        double t = (sinE * cosD + cosE * sinD) / cosBf;
        double t2 = t * t;
        double eta2 = k.ep2 * cosBf * cosBf;
        double v2 = 1 + eta2;
        double n = k.c / Math.sqrt(v2);
        double q = y / n;
        double q2 = q * q;
        double b = bf - 0.5 * v2 * t * q2
            * (1 - q2 / 12 * (5 + 3 * t2 + eta2 - 9 * eta2 * t2) + q2 * q2 / 360 * (61 + 90 * t2 + 45 * t2 * t2));
        double l = q / cosBf
            * (1 - q2 / 6 * (1 + 2 * t2 + eta2) + q2 * q2 / 120 * (5 + 28 * t2 + 24 * t2 * t2 + 6 * eta2 + 8 * eta2 * t2));
        outB = Rounding.halfUp(b * EllipsoidConstants.RHO_SECONDS, SECONDS_SCALE) / EllipsoidConstants.RHO_SECONDS;
        double lSeconds = Rounding.halfUp(cmSeconds + l * EllipsoidConstants.RHO_SECONDS, SECONDS_SCALE);
        outL = (lSeconds - cmSeconds) / EllipsoidConstants.RHO_SECONDS;
    }
}
