package cn.basinguard.core.measure;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.DatumFamily;
import cn.basinguard.core.crs.GeometryTransformer;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;

/**
 * The exact area of the polygon whose edges are geodesics (Karney, GeographicLib), on the CGCS2000 ellipsoid
 * (the IAG-75 ellipsoid for Xi'an 1980 data). Independent of the 32号 method, so it serves as its cross-check:
 * for parcels they agree far below 0.01 %.
 */
public final class GeodesicArea {
    private static final Geodesic CGCS2000 = new Geodesic(6378137, 1 / 298.257222101);
    private static final Geodesic IAG75 = new Geodesic(6378140, 1 / 298.257);

    private GeodesicArea() {
    }

    public static double area(Geometry g, Crs crs) {
        if (!EllipsoidalArea.hasPolygons(g)) {
            return 0;
        }
        boolean xian = crs.datum() == DatumFamily.XIAN1980;
        Crs geographic = CrsRegistry.fromEpsg(xian ? 4610 : 4490);
        Geometry lonLat = GeometryTransformer.shared().transform(g, crs, geographic);
        return sum(lonLat, xian ? IAG75 : CGCS2000);
    }

    private static double sum(Geometry g, Geodesic earth) {
        if (g instanceof Polygon p) {
            if (p.isEmpty()) {
                return 0;
            }
            double a = ring(p.getExteriorRing().getCoordinateSequence(), earth);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                a -= ring(p.getInteriorRingN(i).getCoordinateSequence(), earth);
            }
            return a;
        }
        if (g instanceof GeometryCollection c) {
            double a = 0;
            for (int i = 0; i < c.getNumGeometries(); i++) {
                a += sum(c.getGeometryN(i), earth);
            }
            return a;
        }
        return 0;
    }

    private static double ring(CoordinateSequence seq, Geodesic earth) {
        PolygonArea polygon = new PolygonArea(earth, false);
        // the closing vertex repeats the first; GeographicLib closes the ring itself
        for (int i = 0; i < seq.size() - 1; i++) {
            polygon.AddPoint(seq.getY(i), seq.getX(i));
        }
        return Math.abs(polygon.Compute(false, true).area);
    }
}
