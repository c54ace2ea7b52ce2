package cn.basinguard.core.importer;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GaussKruger;
import java.util.Optional;

/**
 * The coordinates a site file may hold: finite numbers, of a size some CRS can have, and inside the CRS the file is
 * in when it tells one (degrees within ±180/±90, Gauss–Krüger northings short of the poles; eastings far from the
 * zone are left to the site guard, which says where the site is). A coordinate outside would give a wrong place or an area computation that runs for
 * minutes; it is refused with a message instead.
 */
final class CoordinateLimits {
    /** No CRS has coordinates this large: the biggest are zone-prefixed Gauss–Krüger eastings (6·10⁷ m). */
    static final double MAX_ABS = 1e9;
    /** The meridian arc from the equator to a pole (10,001,966 m), rounded up. */
    static final double MAX_NORTHING = 10_002_000;
    private static final double DEGREE_SLACK = 1e-6;

    private CoordinateLimits() {
    }

    /** Throws the reason when (x, y) cannot lie in {@code crs} (null: in some CRS, not yet known). */
    static void check(double x, double y, Crs crs) throws SiteProblem {
        Optional<String> key = problem(x, y, crs);
        if (key.isPresent()) {
            throw new SiteProblem(key.get(), text(x), text(y), crs == null ? "" : crs.nameZh());
        }
    }

    /** The message key of what is wrong with (x, y) in {@code crs}; empty when nothing is. */
    static Optional<String> problem(double x, double y, Crs crs) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Optional.of("import.coord.nonFinite");
        }
        if (Math.abs(x) > MAX_ABS || Math.abs(y) > MAX_ABS) {
            return Optional.of("import.coord.absurd");
        }
        if (crs == null) {
            return Optional.empty();
        }
        // data cut at the antimeridian often says 180.00000000000006: rounding, not a wrong CRS
        if (crs.isGeographic() && (Math.abs(x) > 180 + DEGREE_SLACK || Math.abs(y) > 90 + DEGREE_SLACK)) {
            return Optional.of("import.coord.outsideDegrees");
        }
        GaussKruger gk = crs.gaussKruger().orElse(null);
        // an easting far from the zone is a site in the wrong place or a missing zone prefix, not an unreadable
        // coordinate: the site guard says which (未核查, with the distance and a hint) and it is never measured
        if (gk != null && Math.abs(y) > MAX_NORTHING) {
            return Optional.of("import.coord.outsideGrid");
        }
        return Optional.empty();
    }

    /** A number as the user typed it: plain up to 15 digits, else in scientific notation. */
    static String text(double v) {
        if (Double.isFinite(v) && Math.abs(v) < 1e15) {
            return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v);
    }
}
