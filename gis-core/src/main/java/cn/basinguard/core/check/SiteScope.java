package cn.basinguard.core.check;

/**
 * Whether a project site lies where the checks have data: inside the extent of the basin units (or, without units,
 * of the red-line layers) in the working grid. Only a site wholly inside can be judged 符合; a site outside is not
 * checked at all (未核查), and the report says how far away it is and what in its CRS is probably wrong.
 *
 * @param status where the site lies
 * @param basis which layers the extent is taken from
 * @param distanceM the ground distance (geodesic, metres) from the site to the extent; null unless the site lies
 *     wholly outside and its coordinates are a position in its own CRS
 * @param lon the longitude of the site's centre (CGCS2000, degrees), computed in the site's own CRS; null when its
 *     coordinates are no position there
 * @param lat its latitude, likewise
 * @param hint what in the site's CRS is probably wrong; null for a site inside
 */
public record SiteScope(Status status, Basis basis, Double distanceM, Double lon, Double lat, CrsHint hint) {
    public enum Status {
        /** wholly inside the extent: checked */
        INSIDE,
        /** partly inside: what lies inside is checked, but the site cannot be judged 符合 */
        PARTLY_OUTSIDE,
        /** wholly outside (or no extent to check against): not checked */
        OUTSIDE
    }

    public enum Basis {
        /** the extent of the basin units */
        UNITS,
        /** the extent of the red-line layers (no units given) */
        RED_LINES,
        /** neither units nor red-line layers: nothing to check a site against */
        NONE
    }

    static SiteScope inside(Basis basis) {
        return new SiteScope(Status.INSIDE, basis, null, null, null, null);
    }
}
