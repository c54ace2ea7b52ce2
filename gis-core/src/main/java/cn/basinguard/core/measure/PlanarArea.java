package cn.basinguard.core.measure;

import cn.basinguard.core.crs.Crs;
import org.locationtech.jts.geom.Geometry;

/**
 * The plane area reported beside the ellipsoidal one: the area in the data's own projected CRS. Lon/lat data has no
 * plane area of its own, so it is measured in the CGCS2000 3° Gauss–Krüger zone nearest its centroid
 * ({@link GkFrame}), which is what the survey's plane area would be.
 */
public final class PlanarArea {
    private PlanarArea() {
    }

    public static double area(Geometry g, Crs crs) {
        if (!EllipsoidalArea.hasPolygons(g)) {
            return 0;
        }
        return crs.isProjected() ? g.getArea() : GkFrame.of(g, crs).geometry().getArea();
    }
}
