package cn.basinguard.core.measure;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.DatumFamily;
import cn.basinguard.core.crs.GaussKruger;
import cn.basinguard.core.crs.LonLat;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * How far a Gauss–Krüger zone reaches, and what to say when a geometry lies beyond it. The distance said is the
 * ground distance from the farthest point to the zone's central meridian (geodesic, from longitude/latitude computed
 * in the geometry's own CRS), never the easting difference: moved into a zone from far away, eastings wrap round and
 * once claimed 215,884 km; an easting given with one zone prefix too many or too few is no position at all.
 */
public final class ZoneReach {
    /** Beyond this distance from the central meridian the 32号 series no longer holds to millimetres. */
    public static final double MAX_OFFSET_M = 800_000;

    private ZoneReach() {
    }

    /**
     * Refuses an envelope given in {@code crs} (checked at its corners and edge midpoints) that reaches farther than
     * {@link #MAX_OFFSET_M} on the ground from the central meridian of {@code zone}, or is no position in {@code crs}.
     * Call it before moving data into the zone: after the move the coordinates can no longer tell.
     *
     * @throws GisException {@code area.outsideZone} with the true distance, or {@code area.noPosition}
     */
    public static void requireWithin(Envelope e, Crs crs, GaussKruger zone) {
        double farthest = 0;
        double[][] points = {
            {e.getMinX(), e.getMinY()}, {e.getMaxX(), e.getMinY()}, {e.getMinX(), e.getMaxY()}, {e.getMaxX(), e.getMaxY()},
            {e.centre().x, e.getMinY()}, {e.centre().x, e.getMaxY()}, {e.getMinX(), e.centre().y}, {e.getMaxX(), e.centre().y}};
        for (double[] p : points) {
            double[] ll = LonLat.of(p[0], p[1], crs);
            if (ll == null) {
                throw new GisException("area.noPosition", coordinates(p[0], p[1]), crs.nameZh());
            }
            // on the sphere first: the ellipsoid differs by under half a percent, so only points near the limit need it
            double quick = GroundDistance.approximatelyToMeridian(ll[0], ll[1], zone.centralMeridian());
            farthest = Math.max(farthest, quick < 0.98 * MAX_OFFSET_M ? quick : GroundDistance.toMeridian(ll[0], ll[1], zone.centralMeridian()));
        }
        if (farthest > MAX_OFFSET_M) {
            throw outside(zone, farthest);
        }
    }

    /**
     * Whether an envelope given in {@code crs} can be moved into {@code grid} and mean what it says there: always
     * unless {@code grid} is a Gauss–Krüger zone it reaches beyond (or {@code crs} gives no position).
     */
    public static boolean reaches(Envelope e, Crs crs, Crs grid) {
        if (crs.equals(grid) || grid.gaussKruger().isEmpty()) {
            return true;
        }
        try {
            requireWithin(e, crs, grid.gaussKruger().get());
            return true;
        } catch (GisException beyond) {
            return false;
        }
    }

    /**
     * The refusal for an envelope already in the zone's own coordinates that reaches beyond it: with the ground
     * distance of its farthest corner when that corner is a position of the zone, else saying the eastings are not
     * the zone's (a zone prefix too many or missing, or data moved in from far away).
     */
    static GisException beyond(Envelope e, GaussKruger zone) {
        double x = Math.abs(e.getMinX() - zone.falseEasting()) > Math.abs(e.getMaxX() - zone.falseEasting()) ? e.getMinX() : e.getMaxX();
        double y = Math.abs(e.getMinY()) > Math.abs(e.getMaxY()) ? e.getMinY() : e.getMaxY();
        Crs grid = CrsRegistry.gkZoneFor(DatumFamily.CGCS2000, zone.centralMeridian(), zone.zoneWidth(), zone.prefixed());
        double[] ll = LonLat.of(x, y, grid);
        if (ll == null) {
            return new GisException("area.notZoneCoordinates", zone.centralMeridian(), coordinates(x, y));
        }
        return outside(zone, GroundDistance.toMeridian(ll[0], ll[1], zone.centralMeridian()));
    }

    private static GisException outside(GaussKruger zone, double metres) {
        return new GisException("area.outsideZone", zone.centralMeridian(), GroundDistance.kilometresText(metres));
    }

    private static String coordinates(double x, double y) {
        return String.format(Locale.ROOT, "%.3f, %.3f", x, y);
    }
}
