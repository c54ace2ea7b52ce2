package cn.basinguard.app.ui;

import cn.basinguard.core.gpkg.Feature;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A row of an attribute table. Equal only to itself: table cells compare their old and new item on every scroll, and
 * a Feature's value equality would compare whole geometries vertex by vertex on the JavaFX thread.
 */
final class AttributeRow {
    private final Feature feature;

    AttributeRow(Feature feature) {
        this.feature = feature;
    }

    long fid() {
        return feature.fid();
    }

    Geometry geometry() {
        return feature.geometry();
    }

    Map<String, Object> attributes() {
        return feature.attributes();
    }
}
