package cn.basinguard.core.check;

import cn.basinguard.core.gpkg.AttributeRow;
import java.util.Collections;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as a data source hands it to the checks: its feature id in the source, its geometry in the
 * source's CRS (null for a NULL geometry) and its attributes in column order. The attribute map is taken over,
 * not copied (a county layer has hundreds of thousands of them): the caller must not change it afterwards.
 */
public record SourceFeature(long fid, Geometry geometry, Map<String, Object> attributes) {
    public SourceFeature {
        // a read's row is read-only already, and its key set, shared by the read's rows, tells the columns of the read
        // at once (FieldPurpose): a wrapper would hide both, at one more object a feature
        attributes = attributes instanceof AttributeRow ? attributes : Collections.unmodifiableMap(attributes);
    }

    /** The attribute value as text, or null; the name is matched case-insensitively. */
    public String text(String field) {
        if (field == null) {
            return null;
        }
        Object v = attributes.get(field);
        if (v == null) {
            for (Map.Entry<String, Object> e : attributes.entrySet()) {
                if (e.getKey().equalsIgnoreCase(field)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        return v == null ? null : v.toString();
    }
}
