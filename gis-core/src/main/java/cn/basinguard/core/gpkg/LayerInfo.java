package cn.basinguard.core.gpkg;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * What gpkg_contents and gpkg_geometry_columns say of one table, completed from the table itself.
 *
 * @param name the table name
 * @param kind features, attributes, tiles or another (unsupported) kind
 * @param dataType the gpkg_contents data_type as written ("features", "2d-gridded-coverage" …)
 * @param geometryColumn null for attribute tables
 * @param geometryType the declared geometry type name (POINT, MULTIPOLYGON, GEOMETRY, CURVEPOLYGON …)
 * @param z 0 = no Z, 1 = Z everywhere, 2 = Z optional (gpkg_geometry_columns.z)
 * @param m likewise for M
 * @param featureCount rows in the table, −1 when the table cannot be counted; a database's is its planner's estimate and
 *                     a GeoPackage's with a spatial index the index's row count until
 *                     {@link cn.basinguard.core.source.DataSource#countRows()} counts them
 * @param extent from gpkg_contents, else from the spatial index; null when unknown
 * @param srs null for attribute tables
 * @param hasSpatialIndex whether rtree_&lt;table&gt;_&lt;column&gt; exists
 * @param primaryKey the integer key column, or null when the table has none (a view)
 * @param fields the attribute columns (not the key, not the geometry)
 * @param note why a layer is listed but not supported, or null
 */
public record LayerInfo(String name, Kind kind, String dataType, String identifier, String description,
                        String geometryColumn, String geometryType, int z, int m, long featureCount, Envelope extent,
                        SrsInfo srs, boolean hasSpatialIndex, String primaryKey, List<FieldInfo> fields, String note) {
    public enum Kind { FEATURES, ATTRIBUTES, TILES, OTHER }

    public LayerInfo {
        fields = List.copyOf(fields);
    }

    public boolean isSupported() {
        return kind == Kind.FEATURES || kind == Kind.ATTRIBUTES;
    }

    /** Whether this is an image (a tile pyramid, a GeoTIFF) that a map draws as a picture: no features, pixels. */
    public boolean isRaster() {
        return kind == Kind.TILES && "tiles".equalsIgnoreCase(dataType);
    }

    /** The geometry type as ogrinfo would say it: "3D Measured Multi Polygon" style, in WKT words. */
    public String geometryTypeWithDimensions() {
        if (geometryType == null) {
            return null;
        }
        return geometryType + (z > 0 ? (m > 0 ? " ZM" : " Z") : m > 0 ? " M" : "");
    }

    /** A column: its name and declared SQL type. */
    public record FieldInfo(String name, String type) {
    }
}
