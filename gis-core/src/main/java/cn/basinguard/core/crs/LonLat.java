package cn.basinguard.core.crs;

/**
 * Where a coordinate pair lies on the Earth, as CGCS2000 longitude/latitude, computed from its own CRS — or null
 * when the pair is no position in that CRS. A Gauss–Krüger grid is a valid map only within some degrees of its
 * central meridian: proj4j's series return numbers for any easting, and far out they are nonsense (an easting
 * 3,500 km east of the meridian comes back as a latitude of 4,693,667°, a longitude 124° away goes forward to a
 * point near the meridian). So an answer is kept only when it is finite, on the globe, and goes back to the same
 * coordinates; for a Gauss–Krüger grid the easting must also lie within {@link #MAX_GRID_OFFSET_M} of the meridian.
 */
public final class LonLat {
    /** About 20° of longitude at the latitudes of China: farther out the zone's series no longer hold to metres. */
    public static final double MAX_GRID_OFFSET_M = 2_000_000;

    private LonLat() {
    }

    /** {longitude, latitude} in degrees (CGCS2000), or null when (x, y) is no position in {@code crs}. */
    public static double[] of(double x, double y, Crs crs) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return null;
        }
        if (crs.isGeographic()) {
            if (!onGlobe(x, y)) {
                return null;
            }
            if (crs.datum() == DatumFamily.CGCS2000 || crs.datum() == DatumFamily.OTHER) {
                return new double[] {x, y};
            }
        }
        GaussKruger zone = crs.gaussKruger().orElse(null);
        if (zone != null && Math.abs(x - zone.falseEasting()) > MAX_GRID_OFFSET_M) {
            return null;
        }
        Crs lonLat = CrsRegistry.fromEpsg(4490);
        try {
            double[] p = GeometryTransformer.shared().transform(x, y, crs, lonLat);
            if (!onGlobe(p[0], p[1])) {
                return null;
            }
            double[] back = GeometryTransformer.shared().transform(p[0], p[1], lonLat, crs);
            // a grid's own series go back to within centimetres near the meridian and metres 20° out; nonsense misses by km
            double tolerance = crs.isGeographic() ? 1e-7 : zone != null ? Math.max(1, 1e-5 * Math.abs(x - zone.falseEasting())) : 1;
            return Math.abs(back[0] - x) <= tolerance && Math.abs(back[1] - y) <= tolerance ? p : null;
        } catch (RuntimeException e) {
            // proj4j throws for points outside a projection's domain: that pair is no position
            return null;
        }
    }

    private static boolean onGlobe(double lon, double lat) {
        return Double.isFinite(lon) && Double.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
    }
}
