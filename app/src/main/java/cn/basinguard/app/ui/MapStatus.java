package cn.basinguard.app.ui;

import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.Viewport;
import java.util.Locale;

/** The status-bar text under the cursor: grid coordinates, CGCS2000 longitude/latitude and the map scale. */
final class MapStatus {
    private MapStatus() {
    }

    static String describe(MapContent c, Viewport vp, double x, double y) {
        if (c == null || vp == null) {
            return "";
        }
        double[] ll = c.crs().isGeographic() ? new double[] {x, y}
                : GeometryTransformer.shared().transform(x, y, c.crs(), CrsRegistry.fromEpsg(4490));
        String grid = c.crs().isGeographic() ? "" : String.format(Locale.ROOT, "X %.2f  Y %.2f  ", y, x);
        return UiText.get("map.cursor", grid, String.format(Locale.ROOT, "%.6f°E %.6f°N", ll[0], ll[1]),
                String.format(Locale.ROOT, "%,.0f", vp.scaleDenominator(c.crs(), MapScale.SCREEN_DPI)));
    }
}
