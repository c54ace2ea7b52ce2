package cn.basinguard.core.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.DoubleFunction;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;

/**
 * Distances on the ground, on the CGCS2000 ellipsoid (GeographicLib's inverse geodesic problem), between points given
 * as longitude/latitude. Used wherever the program says how far something lies ("200 km from the units"): such a
 * figure must be the distance a planner could measure, never a difference of projected coordinates, which a
 * Gauss–Krüger grid makes meaningless (or wraps round) far from its central meridian.
 */
public final class GroundDistance {
    private static final Geodesic CGCS2000 = new Geodesic(6378137, 1 / 298.257222101);
    /** The mean radius of the CGCS2000 ellipsoid, (2a + b) / 3. */
    private static final double MEAN_RADIUS = 6_371_008.77;
    /** Golden-section steps along a meridian: the interval shrinks by 0.618 each, so 60 take 180° below 1e-10°. */
    private static final int MERIDIAN_STEPS = 60;
    /** Golden-section steps along a path between two samples: 40 take even 100 km below a millimetre. */
    private static final int PATH_STEPS = 40;
    private static final double GOLD = (Math.sqrt(5) - 1) / 2;

    private GroundDistance() {
    }

    /** The geodesic distance between two points, metres. */
    public static double between(double lon1, double lat1, double lon2, double lat2) {
        return CGCS2000.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12;
    }

    /**
     * The distance from a point to the meridian {@code meridian} (the half great ellipse from pole to pole), metres:
     * the distance to its nearest point, which is a pole when the point lies more than 90° of longitude away.
     */
    public static double toMeridian(double lon, double lat, double meridian) {
        return minimumAlong(t -> between(lon, lat, meridian, -90 + 180 * t), MERIDIAN_STEPS);
    }

    /**
     * The distance from a point to a path given by {@code along} (parameter 0 to 1 → {lon, lat}), metres: the path is
     * sampled {@code samples} times, then the best sample's neighbourhood is searched to the nearest point. Exact for
     * paths on which the distance has one minimum between neighbouring samples (edges of an extent, a few samples each).
     */
    public static double toPath(double lon, double lat, DoubleFunction<double[]> along, int samples) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= samples; i++) {
            double[] p = along.apply((double) i / samples);
            double d = between(lon, lat, p[0], p[1]);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        double from = Math.max(0, best - 1) / (double) samples;
        double to = Math.min(samples, best + 1) / (double) samples;
        double refined = minimumAlong(t -> {
            double[] p = along.apply(from + (to - from) * t);
            return between(lon, lat, p[0], p[1]);
        }, PATH_STEPS);
        return Math.min(bestD, refined);
    }

    /**
     * The great-circle distance on a sphere of the Earth's mean radius, metres: within half a percent of the ground
     * distance, and a hundred times quicker — for choosing which of many points is nearest, never for a figure.
     */
    public static double approximately(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** {@link #toMeridian} on the sphere of the Earth's mean radius: within half a percent, for quick comparisons. */
    public static double approximatelyToMeridian(double lon, double lat, double meridian) {
        double dl = Math.toRadians(Math.abs(((lon - meridian) % 360 + 540) % 360 - 180));
        double phi = Math.toRadians(Math.abs(lat));
        // beyond a quarter turn the nearest point of the meridian is the pole of the point's hemisphere
        return dl >= Math.PI / 2 ? MEAN_RADIUS * (Math.PI / 2 - phi) : MEAN_RADIUS * Math.asin(Math.sin(dl) * Math.cos(phi));
    }

    /** Kilometres as shown: half-up, one decimal below 10 km (a site next to the data), whole kilometres above. */
    public static BigDecimal kilometres(double metres) {
        if (!Double.isFinite(metres) || metres < 0) {
            throw new IllegalArgumentException("not a distance: " + metres);
        }
        double km = metres / 1000;
        return BigDecimal.valueOf(km).setScale(km < 9.95 ? 1 : 0, RoundingMode.HALF_UP);
    }

    /** {@link #kilometres} as text: digits grouped (10,855), the decimal kept (2.0). */
    public static String kilometresText(double metres) {
        BigDecimal km = kilometres(metres);
        DecimalFormat f = new DecimalFormat(km.scale() > 0 ? "#,##0.0" : "#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(km);
    }

    /** The smallest value of a function on [0, 1] with one minimum there (golden-section search; ends included). */
    private static double minimumAlong(DoubleFunction<Double> f, int steps) {
        double a = 0;
        double b = 1;
        double c = b - GOLD * (b - a);
        double d = a + GOLD * (b - a);
        double fc = f.apply(c);
        double fd = f.apply(d);
        for (int i = 0; i < steps; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLD * (b - a);
                fc = f.apply(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLD * (b - a);
                fd = f.apply(d);
            }
        }
        return Math.min(Math.min(fc, fd), Math.min(f.apply(0.0), f.apply(1.0)));
    }
}
