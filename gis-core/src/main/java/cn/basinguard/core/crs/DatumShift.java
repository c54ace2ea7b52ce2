package cn.basinguard.core.crs;

/**
 * How good the datum part of a coordinate transformation is. Reports must show anything worse than
 * {@link #IDENTITY_SUB_METRE} next to areas and overlaps computed across datums.
 */
public enum DatumShift {
    /** Same datum: only projection maths, exact to well under a millimetre. */
    NONE,
    /** CGCS2000 and WGS84 (any realisation) are taken as equal; they differ by decimetres, never metres. */
    IDENTITY_SUB_METRE,
    /**
     * Xi'an 1980 or Beijing 1954 moved with the seven parameters the user gave, as the province publishes them: as
     * good as those parameters (centimetres for official sets), so figures are not marked approximate.
     */
    PUBLISHED,
    /**
     * Xi'an 1980, Beijing 1954 or an unknown datum is involved. proj4j only knows an approximate 3-parameter shift for
     * Beijing 1954 (EPSG's +towgs84=15.8,-154.4,-82.3) and none for Xi'an 1980, which it then treats as lying on WGS84
     * and only swaps the ellipsoid. Positions can be off by tens of metres; use the province's official 7-parameter
     * conversion before relying on overlaps. Areas change too, by about 2e-5 relative (Beijing 1954 near Suizhou:
     * +19 m² on a 1 km² parcel), because the shift changes the ellipsoidal height of the surface the area lies on.
     */
    APPROXIMATE;

    public DatumShift worse(DatumShift other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
