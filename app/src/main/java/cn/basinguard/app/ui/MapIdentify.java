package cn.basinguard.app.ui;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.map.Viewport;
import cn.basinguard.core.measure.EllipsoidalArea;
import cn.basinguard.core.report.Figures;
import cn.basinguard.core.source.DataSource;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** Finds the feature under a click (topmost visible layer first) and describes it: its attributes and its area. */
final class MapIdentify {
    record Hit(MapLayer layer, MapFeature feature) {
    }

    private MapIdentify() {
    }

    static Hit at(MapContent c, Viewport vp, double x, double y) {
        double tol = 4 * vp.unitsPerPixel();
        Point p = new GeometryFactory().createPoint(new Coordinate(x, y));
        List<MapLayer> layers = c.visibleLayers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            MapLayer l = layers.get(i);
            for (MapFeature f : l.query(new Envelope(x - tol, x + tol, y - tol, y + tol))) {
                boolean areal = f.geometry().getDimension() == 2;
                if (areal ? f.geometry().covers(p) : f.geometry().isWithinDistance(p, tol)) {
                    return new Hit(l, f);
                }
            }
        }
        return null;
    }

    /** The value of an imagery pixel under a click. */
    record Pixel(MapLayer layer, int argb) {
    }

    /** The pixel of the topmost visible imagery layer that has image under (x, y), or null; reads the image (not on the FX thread). */
    static Pixel pixelAt(MapContent c, Viewport vp, double x, double y) {
        List<MapLayer> layers = c.visibleLayers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            MapLayer l = layers.get(i);
            if (l.isImagery() && l.extent().contains(x, y)) {
                int argb = cn.basinguard.core.raster.RasterWarp.valueAt(l.raster(), c.crs(), x, y, vp.unitsPerPixel());
                if (argb >>> 24 != 0) {
                    return new Pixel(l, argb);
                }
            }
        }
        return null;
    }

    static String describe(Pixel p) {
        int v = p.argb();
        return UiText.get("identify.pixel", (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, v >>> 24);
    }

    /** @param src the source the hit layer is read from (the caller closes it) */
    static String describe(DataSource src, Crs mapCrs, Hit hit) {
        Feature f = src.feature(hit.layer().table(), hit.feature().id());
        var layer = src.layer(hit.layer().table());
        return describe(f, layer == null || layer.srs() == null ? null : layer.srs().crs(), mapCrs, hit);
    }

    /**
     * @param f the feature as its layer holds it (a file's, or an imported site kept by the window), or null when it is
     *          gone
     * @param crs the CRS of {@code f}'s geometry, or null when unknown
     */
    static String describe(Feature f, Crs crs, Crs mapCrs, Hit hit) {
        StringBuilder sb = new StringBuilder();
        sb.append("FID: ").append(hit.feature().id()).append('\n');
        if (f != null) {
            for (Map.Entry<String, Object> e : f.attributes().entrySet()) {
                sb.append(e.getKey()).append(": ").append(e.getValue() == null ? "" : e.getValue()).append('\n');
            }
        }
        if (hit.feature().geometry().getDimension() == 2) {
            // the area of the feature as its layer holds it, in its own CRS (the map keeps coordinates for drawing only)
            double m2 = f != null && f.geometry() != null && crs != null ? EllipsoidalArea.standard().area(f.geometry(), crs)
                    : EllipsoidalArea.standard().area(hit.feature().geometry(), mapCrs);
            sb.append(UiText.get("identify.area", Figures.m2Text(m2), Figures.muText(m2)));
        }
        return sb.toString();
    }
}
