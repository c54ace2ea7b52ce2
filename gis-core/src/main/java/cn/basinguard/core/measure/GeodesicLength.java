package cn.basinguard.core.measure;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;

/**
 * Distances on the CGCS2000 ellipsoid (GeographicLib inverse geodesic problem), for the map's measuring tool:
 * a planner's "how far" is the distance on the ground, not in the map's projection.
 */
public final class GeodesicLength {
    private static final Geodesic CGCS2000 = new Geodesic(6378137, 1 / 298.257222101);

    private GeodesicLength() {
    }

    /** The length of the path through {@code points} (given in {@code crs}), metres. */
    public static double of(Coordinate[] points, Crs crs) {
        Crs lonLat = CrsRegistry.fromEpsg(4490);
        double total = 0;
        double[] prev = null;
        for (Coordinate c : points) {
            double[] p = GeometryTransformer.shared().transform(c.x, c.y, crs, lonLat);
            if (prev != null) {
                total += CGCS2000.Inverse(prev[1], prev[0], p[1], p[0], GeodesicMask.DISTANCE).s12;
            }
            prev = p;
        }
        return total;
    }
}
