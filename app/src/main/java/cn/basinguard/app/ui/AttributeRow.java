package cn.basinguard.app.ui;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A row of an attribute table: a feature's key and attributes, and its geometry only for layers the window holds
 * nowhere else (imported or drawn sites). A layer read from its file keeps no geometry here: the map holds every
 * feature already, and a second copy of a county's 400,000 patches cost the window ~0.5 GB; a selected row's geometry
 * is taken from the map by its key. Equal only to itself: table cells compare their old and new item on every scroll.
 *
 * @param geometry the feature's geometry, or null when the map holds it
 */
record AttributeRow(long fid, Map<String, Object> attributes, Geometry geometry) {
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
