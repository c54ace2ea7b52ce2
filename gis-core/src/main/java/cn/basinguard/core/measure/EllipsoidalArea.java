package cn.basinguard.core.measure;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GaussKruger;
import java.math.BigDecimal;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;

/**
 * 图斑椭球面积 by 国土调查办发〔2008〕32号 as the third land survey applies it (cn-standards §1.2–1.4): Gauss inverse by
 * the K0..K4 series, trapezoids per edge from the central meridian, X/Y rounded to 4 decimals, B/L to 6 decimals of
 * arc-seconds, edges over 70 m densified, each ring taken absolutely and holes subtracted. Only the final TBMJ is
 * rounded (half-up, 2 decimals). Where the input is not on a CGCS2000 or Xi'an 1980 grid see {@link GkFrame}.
 * Polygonal parts of a geometry count; points and lines have no area (0). Thread-safe.
 */
public final class EllipsoidalArea {
    /** The meridian arc from the equator to a pole is 10,001,966 m on CGCS2000; no northing can be larger. */
    private static final double MAX_NORTHING_M = 10_002_000;

    private static final EllipsoidalArea STANDARD = new EllipsoidalArea(true);
    private static final EllipsoidalArea UNDENSIFIED = new EllipsoidalArea(false);

    private final boolean densify;

    private EllipsoidalArea(boolean densify) {
        this.densify = densify;
    }

    /** The 三调 procedure, with 70 m densification. */
    public static EllipsoidalArea standard() {
        return STANDARD;
    }

    /** The bare 32号 formulas without densification, as the 二调 tools did; for comparison only. */
    public static EllipsoidalArea withoutDensification() {
        return UNDENSIFIED;
    }

    /** The unrounded ellipsoidal area in m². */
    public double area(Geometry g, Crs crs) {
        if (!hasPolygons(g)) {
            return 0;
        }
        GkFrame frame = GkFrame.of(g, crs);
        return areaInGrid(frame.geometry(), frame.zone(), frame.constants());
    }

    /** The area as a TBMJ field holds it: m², 2 decimals, half-up, rounded once at the end. */
    public BigDecimal tbmj(Geometry g, Crs crs) {
        return AreaUnits.squareMetres(area(g, crs));
    }

    /**
     * The area of a geometry already in Gauss–Krüger coordinates (x easting including any zone prefix, y northing).
     * The hot path of the check engine: no transformation, no allocation per vertex.
     */
    public double areaInGrid(Geometry g, GaussKruger zone, EllipsoidConstants constants) {
        checkInsideZone(g.getEnvelopeInternal(), zone);
        TrapezoidRingSum rings = new TrapezoidRingSum(constants, zone.falseEasting(), zone.centralMeridian(), densify);
        return sum(g, rings);
    }

    private static double sum(Geometry g, TrapezoidRingSum rings) {
        if (g instanceof Polygon p) {
            if (p.isEmpty()) {
                return 0;
            }
            double a = rings.area(p.getExteriorRing().getCoordinateSequence());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                a -= rings.area(p.getInteriorRingN(i).getCoordinateSequence());
            }
            return a;
        }
        if (g instanceof GeometryCollection c) {
            double a = 0;
            for (int i = 0; i < c.getNumGeometries(); i++) {
                a += sum(c.getGeometryN(i), rings);
            }
            return a;
        }
        return 0;
    }

    static boolean hasPolygons(Geometry g) {
        if (g == null || g.isEmpty()) {
            return false;
        }
        if (g instanceof Polygon) {
            return true;
        }
        if (g instanceof GeometryCollection c) {
            for (int i = 0; i < c.getNumGeometries(); i++) {
                if (hasPolygons(c.getGeometryN(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Refuses what the 32号 series cannot measure: eastings far from the central meridian and northings beyond the
     * poles. Together the two bounds cap every edge at about 20,000 km, so the 70 m densification adds at most some
     * 300,000 points per edge; a far-off coordinate can no longer make it loop 2³¹ times.
     */
    private static void checkInsideZone(Envelope e, GaussKruger zone) {
        double offset = Math.max(Math.abs(e.getMinX() - zone.falseEasting()), Math.abs(e.getMaxX() - zone.falseEasting()));
        if (!(offset <= ZoneReach.MAX_OFFSET_M)) {
            throw ZoneReach.beyond(e, zone);
        }
        double northing = Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY()));
        if (!(northing <= MAX_NORTHING_M)) {
            throw new GisException("area.northingOutsideEarth", Double.isFinite(northing) ? Math.round(northing / 1000) : "∞");
        }
    }
}
