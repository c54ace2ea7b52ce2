package cn.basinguard.core.gpkg;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One row of a layer: its key, its geometry (null for a NULL geometry, an empty geometry where the file stores one)
 * and its attributes in column order. The attribute map is owned by the feature and not changed after reading.
 */
public record Feature(long fid, Geometry geometry, Map<String, Object> attributes) {
}
