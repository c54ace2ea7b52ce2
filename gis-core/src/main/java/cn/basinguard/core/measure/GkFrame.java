package cn.basinguard.core.measure;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.DatumFamily;
import cn.basinguard.core.crs.DatumShift;
import cn.basinguard.core.crs.GaussKruger;
import cn.basinguard.core.crs.GeometryTransformer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A geometry placed in the Gauss–Krüger grid its area is measured in. Data already on a CGCS2000 or Xi'an 1980
 * national grid stays as it is (the zone prefix is handled through the false easting). Anything else — geographic
 * coordinates, Web Mercator, Beijing 1954 grids — is first moved to the CGCS2000 3° zone whose central meridian is
 * nearest the geometry's centroid; Xi'an 1980 lon/lat goes to the Xi'an 1980 3° zone so its own 32号 constants apply.
 * The 32号 text has no constants for Krassovsky, so Beijing 1954 data is measured after proj4j's approximate move
 * to CGCS2000 ({@link DatumShift#APPROXIMATE}; about 2e-5 relative in area).
 *
 * @param geometry coordinates in {@code grid}
 * @param grid the Gauss–Krüger CRS used
 * @param constants the 32号 constants of the grid's ellipsoid
 * @param datumShift how good the move to {@code grid} was ({@link DatumShift#NONE} when there was none)
 */
public record GkFrame(Geometry geometry, Crs grid, EllipsoidConstants constants, DatumShift datumShift) {

    public static GkFrame of(Geometry g, Crs crs) {
        if (crs.isGaussKruger() && crs.datum() == DatumFamily.CGCS2000) {
            return new GkFrame(g, crs, EllipsoidConstants.CGCS2000, DatumShift.NONE);
        }
        if (crs.isGaussKruger() && crs.datum() == DatumFamily.XIAN1980) {
            return new GkFrame(g, crs, EllipsoidConstants.XIAN1980, DatumShift.NONE);
        }
        GeometryTransformer t = GeometryTransformer.shared();
        DatumFamily target = crs.datum() == DatumFamily.XIAN1980 ? DatumFamily.XIAN1980 : DatumFamily.CGCS2000;
        Crs geographic = CrsRegistry.fromEpsg(target == DatumFamily.XIAN1980 ? 4610 : 4490);
        double lon = centroidLongitude(g, crs, geographic, t);
        Crs grid = CrsRegistry.gkZoneFor(target, lon, 3, false);
        // checked where the coordinates still tell: once moved, far-off parts of a wide geometry would wrap round
        ZoneReach.requireWithin(g.getEnvelopeInternal(), crs, grid.gaussKruger().orElseThrow());
        EllipsoidConstants k = target == DatumFamily.XIAN1980 ? EllipsoidConstants.XIAN1980 : EllipsoidConstants.CGCS2000;
        return new GkFrame(t.transform(g, crs, grid), grid, k, GeometryTransformer.datumShift(crs, grid));
    }

    public GaussKruger zone() {
        return grid.gaussKruger().orElseThrow();
    }

    private static double centroidLongitude(Geometry g, Crs crs, Crs geographic, GeometryTransformer t) {
        Point c = g.getEnvelope().getCentroid();
        if (crs.isGeographic()) {
            return c.getX();
        }
        return t.transform(c.getX(), c.getY(), crs, geographic)[0];
    }
}
