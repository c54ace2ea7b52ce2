package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GaussKruger;
import cn.basinguard.core.measure.EllipsoidConstants;
import cn.basinguard.core.measure.EllipsoidalArea;
import org.locationtech.jts.geom.Geometry;

/**
 * Measures geometries that are already in the checks' working grid (a CGCS2000 Gauss–Krüger zone): the 32号
 * ellipsoidal area and the planar area of that grid. Every figure of a check comes through here.
 */
public final class AreaMeter {
    private final Crs grid;
    private final GaussKruger zone;

    public AreaMeter(Crs grid) {
        this.grid = grid;
        this.zone = grid.gaussKruger().orElseThrow(() -> new IllegalArgumentException("not a Gauss-Kruger grid: " + grid));
    }

    public Crs grid() {
        return grid;
    }

    public MeasuredArea measure(Geometry g) {
        if (g == null || g.isEmpty() || g.getDimension() < 2) {
            return MeasuredArea.ZERO;
        }
        double ellipsoidal = EllipsoidalArea.standard().areaInGrid(g, zone, EllipsoidConstants.CGCS2000);
        return new MeasuredArea(ellipsoidal, g.getArea());
    }
}
