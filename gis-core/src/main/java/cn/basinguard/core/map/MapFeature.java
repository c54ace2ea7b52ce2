package cn.basinguard.core.map;

import org.locationtech.jts.geom.Geometry;

/** One feature as the map draws it: in the map CRS, with its key in its layer and the text of its label (or null). */
public record MapFeature(long id, Geometry geometry, String label) {
}
