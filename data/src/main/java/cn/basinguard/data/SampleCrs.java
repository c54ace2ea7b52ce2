package cn.basinguard.data;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;

/**
 * The three CRSs the sample is delivered in, taken from the shared registry so that the generator and the checks
 * agree on every definition. The layout is designed in {@link #GK_CM114} metres.
 */
final class SampleCrs {
    /** CGCS2000 geographic, x = longitude: monitoring sections. */
    static final Crs LON_LAT = CrsRegistry.fromEpsg(4490);
    /** CGCS2000 3° Gauss–Krüger CM 114°E without the zone prefix: the design grid and the project sites. */
    static final Crs GK_CM114 = CrsRegistry.fromEpsg(4547);
    /** The same zone with the prefix (eastings 38 xxx xxx m): the red-line-type layers. */
    static final Crs GK_ZONE38 = CrsRegistry.fromEpsg(4526);
    /**
     * Added to x to turn {@link #GK_CM114} into {@link #GK_ZONE38} (38 000 000 m). The two grids differ only in this
     * false-easting term, so a translation is exact where a round trip through proj4j would add rounding noise.
     */
    static final double ZONE38_PREFIX = falseEasting(GK_ZONE38) - falseEasting(GK_CM114);

    private SampleCrs() {
    }

    private static double falseEasting(Crs crs) {
        return crs.gaussKruger().orElseThrow(() -> new IllegalStateException(crs + " is not a Gauss–Krüger grid"))
                .falseEasting();
    }
}
