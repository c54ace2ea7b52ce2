package cn.basinguard.core.crs;

/** Geodetic longitude/latitude (degrees, height 0) and geocentric X, Y, Z (metres) on one ellipsoid. */
record Geocentric(double a, double f) {
    static final Geocentric CGCS2000 = new Geocentric(6378137.0, 1 / 298.257222101);
    static final Geocentric IAG1975 = new Geocentric(6378140.0, 1 / 298.257);
    static final Geocentric KRASSOWSKY = new Geocentric(6378245.0, 1 / 298.3);

    static Geocentric of(DatumFamily datum) {
        return switch (datum) {
            case XIAN1980 -> IAG1975;
            case BEIJING1954 -> KRASSOWSKY;
            default -> CGCS2000;
        };
    }

    /** {lon, lat} in degrees, on the ellipsoid's surface, to {X, Y, Z}. */
    double[] toXyz(double lonDeg, double latDeg) {
        double e2 = f * (2 - f);
        double lon = Math.toRadians(lonDeg);
        double lat = Math.toRadians(latDeg);
        double s = Math.sin(lat);
        double n = a / Math.sqrt(1 - e2 * s * s);
        return new double[] {n * Math.cos(lat) * Math.cos(lon), n * Math.cos(lat) * Math.sin(lon), n * (1 - e2) * s};
    }

    /** {X, Y, Z} to {lon, lat} in degrees; the height above the ellipsoid is dropped. */
    double[] toLonLat(double[] xyz) {
        double e2 = f * (2 - f);
        double x = xyz[0];
        double y = xyz[1];
        double z = xyz[2];
        double p = Math.hypot(x, y);
        double lat = Math.atan2(z, p * (1 - e2));
        // converges to below 1e-15 rad in a few steps for points near the surface
        for (int i = 0; i < 10; i++) {
            double s = Math.sin(lat);
            double n = a / Math.sqrt(1 - e2 * s * s);
            double h = p / Math.cos(lat) - n;
            double next = Math.atan2(z, p * (1 - e2 * n / (n + h)));
            if (Math.abs(next - lat) < 1e-15) {
                lat = next;
                break;
            }
            lat = next;
        }
        return new double[] {Math.toDegrees(Math.atan2(y, x)), Math.toDegrees(lat)};
    }
}
