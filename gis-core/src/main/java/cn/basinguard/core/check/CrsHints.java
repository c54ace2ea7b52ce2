package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.DatumFamily;
import cn.basinguard.core.crs.GaussKruger;
import cn.basinguard.core.crs.LonLat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Finds what is probably wrong with the CRS of a site that lies outside the checks' extent, by reading its centre's
 * coordinates other ways, most specific first, and keeping the first reading that puts it inside: axes swapped; a
 * zone prefix missing, too many or of another zone; the working grid or its prefixed/unprefixed twin; CGCS2000
 * longitude/latitude; Web Mercator — each also with the axes swapped.
 */
final class CrsHints {
    private static final double PREFIX = 1_000_000;

    private CrsHints() {
    }

    /** Coordinates read in {@code crs}, swapped or not; with {@code replacePrefix} the easting's zone prefix is replaced by the crs's own. */
    private record Reading(CrsHint.Kind kind, Crs crs, boolean swapped, Integer prefix, boolean replacePrefix) {
        Reading(CrsHint.Kind kind, Crs crs, boolean swapped, Integer prefix) {
            this(kind, crs, swapped, prefix, false);
        }
    }

    /**
     * @param x the site's centre, first coordinate, in {@code own}
     * @param y second coordinate
     * @param grid the working grid
     * @param inside whether a CGCS2000 longitude/latitude lies inside the extent
     */
    static CrsHint suggest(double x, double y, Crs own, Crs grid, BiPredicate<Double, Double> inside) {
        for (Reading r : readings(x, y, own, grid)) {
            double rx = r.swapped() ? y : x;
            double ry = r.swapped() ? x : y;
            if (r.replacePrefix()) {
                rx = r.crs().gaussKruger().orElseThrow().zone() * PREFIX + rx % PREFIX;
            }
            double[] ll = LonLat.of(rx, ry, r.crs());
            if (ll != null && inside.test(ll[0], ll[1])) {
                return new CrsHint(r.kind(), r.crs(), r.swapped(), r.prefix());
            }
        }
        return CrsHint.checkCrs();
    }

    private static List<Reading> readings(double x, double y, Crs own, Crs grid) {
        List<Reading> out = new ArrayList<>();
        if (own != null) {
            out.add(new Reading(CrsHint.Kind.SWAPPED_AXES, own, true, null));
            GaussKruger zone = own.gaussKruger().orElse(null);
            if (zone != null) {
                for (boolean swapped : new boolean[] {false, true}) {
                    zoneReadings(swapped ? y : x, own, zone, swapped, out);
                }
            }
        }
        GaussKruger g = grid.gaussKruger().orElseThrow();
        Crs twin = gk(grid.datum(), g.centralMeridian(), g.zoneWidth(), !g.prefixed());
        Crs prefixedGrid = g.prefixed() ? grid : twin;
        for (boolean swapped : new boolean[] {false, true}) {
            double easting = swapped ? y : x;
            int prefix = easting >= PREFIX ? (int) Math.floor(easting / PREFIX) : 0;
            if (prefixedGrid != null && prefix > 0 && prefix != g.zone()) {
                // a zone prefix of the wrong zone (typed wrong, or copied from a neighbouring sheet)
                out.add(new Reading(CrsHint.Kind.WRONG_PREFIX, prefixedGrid, swapped, prefix, true));
            }
        }
        for (boolean swapped : new boolean[] {false, true}) {
            for (Crs c : new Crs[] {grid, twin, CrsRegistry.fromEpsg(4490), CrsRegistry.fromEpsg(3857)}) {
                if (c != null && !(c.equals(own) && !swapped)) {
                    out.add(new Reading(own != null && c.equals(own) ? CrsHint.Kind.SWAPPED_AXES : CrsHint.Kind.OTHER_CRS, c, swapped, null));
                }
            }
        }
        return out;
    }

    /** The readings of a Gauss–Krüger easting with its zone prefix taken as it stands. */
    private static void zoneReadings(double easting, Crs own, GaussKruger zone, boolean swapped, List<Reading> out) {
        DatumFamily datum = own.datum();
        int prefix = easting >= PREFIX ? (int) Math.floor(easting / PREFIX) : 0;
        if (!zone.prefixed() && prefix > 0) {
            add(out, CrsHint.Kind.ZONE_PREFIX_EXTRA, zoneOf(datum, prefix), swapped, prefix);
        }
        if (zone.prefixed() && prefix == 0) {
            add(out, CrsHint.Kind.ZONE_PREFIX_MISSING, gk(datum, zone.centralMeridian(), zone.zoneWidth(), false), swapped, null);
        }
        if (zone.prefixed() && prefix > 0 && prefix != zone.zone()) {
            add(out, CrsHint.Kind.OTHER_ZONE, zoneOf(datum, prefix), swapped, prefix);
        }
    }

    private static void add(List<Reading> out, CrsHint.Kind kind, Crs crs, boolean swapped, Integer prefix) {
        if (crs != null) {
            out.add(new Reading(kind, crs, swapped, prefix));
        }
    }

    /** The prefixed grid a zone number names: 13–23 are 6° zones, 25–45 are 3° zones (they never overlap). */
    private static Crs zoneOf(DatumFamily datum, int zone) {
        if (zone >= 13 && zone <= 23) {
            return gk(datum, zone * 6 - 3, 6, true);
        }
        if (zone >= 25 && zone <= 45) {
            return gk(datum, zone * 3, 3, true);
        }
        return null;
    }

    private static Crs gk(DatumFamily datum, int centralMeridian, int width, boolean prefixed) {
        DatumFamily d = datum == DatumFamily.OTHER ? DatumFamily.CGCS2000 : datum;
        try {
            return CrsRegistry.gkZoneFor(d, centralMeridian, width, prefixed);
        } catch (RuntimeException e) {
            // no national grid of that datum and width (a GisException): that reading is not offered
            return null;
        }
    }
}
