package cn.basinguard.core.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One project site as read from a file.
 *
 * @param name the site's name as the file gives it (地块名称, a name attribute or placemark name); never null
 * @param id the file's own identifier (地块编号 or record number); never null
 * @param attributes the remaining fields in file order
 * @param geometry a Polygon or MultiPolygon in the file's CRS, x = easting/longitude
 * @param declaredAreaM2 the area the file declares for the site, m²; null when it declares none
 */
public record ImportedSite(String name, String id, Map<String, Object> attributes, Geometry geometry,
                           Double declaredAreaM2) {
    public ImportedSite {
        Objects.requireNonNull(name);
        Objects.requireNonNull(id);
        Objects.requireNonNull(geometry);
        // LinkedHashMap keeps the file's field order, which the user recognises; values may be null
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
