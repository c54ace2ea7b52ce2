package cn.basinguard.core.gpkg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import org.locationtech.jts.geom.Envelope;

/** Reads the table of contents of a GeoPackage into {@link LayerInfo}s. */
final class LayerCatalog {
    private final Connection c;
    private final IntFunction<SrsInfo> srs;

    LayerCatalog(Connection c, IntFunction<SrsInfo> srs) {
        this.c = c;
        this.srs = srs;
    }

    List<LayerInfo> read() throws SQLException {
        Set<String> objects = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table','view')")) {
            while (rs.next()) {
                objects.add(rs.getString(1));
            }
        }
        boolean hasGeometryColumns = objects.contains("gpkg_geometry_columns");
        List<LayerInfo> out = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents ORDER BY rowid")) {
            while (rs.next()) {
                Envelope e = null;
                if (rs.getObject(5) != null && rs.getObject(6) != null && rs.getObject(7) != null && rs.getObject(8) != null) {
                    e = new Envelope(rs.getDouble(5), rs.getDouble(7), rs.getDouble(6), rs.getDouble(8));
                }
                rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), e, rs.getObject(9)});
            }
        }
        for (Object[] r : rows) {
            out.add(layer((String) r[0], (String) r[1], (String) r[2], (String) r[3], (Envelope) r[4],
                    r[5] == null ? null : ((Number) r[5]).intValue(), objects, hasGeometryColumns));
        }
        return out;
    }

    private LayerInfo layer(String name, String dataType, String identifier, String description, Envelope extent, Integer contentsSrs,
                            Set<String> objects, boolean hasGeometryColumns) throws SQLException {
        String type = dataType == null ? "" : dataType.toLowerCase(Locale.ROOT);
        LayerInfo.Kind kind = switch (type) {
            case "features" -> LayerInfo.Kind.FEATURES;
            case "attributes" -> LayerInfo.Kind.ATTRIBUTES;
            case "tiles", "2d-gridded-coverage" -> LayerInfo.Kind.TILES;
            default -> LayerInfo.Kind.OTHER;
        };
        if (!objects.contains(name)) {
            return new LayerInfo(name, LayerInfo.Kind.OTHER, dataType, identifier, description, null, null, 0, 0, -1, extent,
                    null, false, null, List.of(), "table listed in gpkg_contents does not exist");
        }
        if (kind == LayerInfo.Kind.TILES || kind == LayerInfo.Kind.OTHER) {
            return new LayerInfo(name, kind, dataType, identifier, description, null, null, 0, 0, count(name), extent,
                    contentsSrs == null ? null : srs.apply(contentsSrs), false, null, List.of(),
                    kind == LayerInfo.Kind.TILES ? "raster tiles/coverage: not supported" : "data type '" + dataType + "' not supported");
        }
        String geomColumn = null;
        String geomType = null;
        int z = 0;
        int m = 0;
        Integer srsId = contentsSrs;
        if (kind == LayerInfo.Kind.FEATURES && hasGeometryColumns) {
            try (var ps = c.prepareStatement("SELECT column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns WHERE table_name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        geomColumn = rs.getString(1);
                        geomType = rs.getString(2) == null ? null : rs.getString(2).toUpperCase(Locale.ROOT);
                        srsId = rs.getInt(3);
                        z = rs.getInt(4);
                        m = rs.getInt(5);
                    }
                }
            }
        }
        if (kind == LayerInfo.Kind.FEATURES && geomColumn == null) {
            return new LayerInfo(name, LayerInfo.Kind.OTHER, dataType, identifier, description, null, null, 0, 0, count(name), extent,
                    null, false, null, List.of(), "feature table without a row in gpkg_geometry_columns");
        }
        String pk = null;
        String firstInteger = null;
        List<LayerInfo.FieldInfo> fields = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + Sql.id(name) + ")")) {
            while (rs.next()) {
                String col = rs.getString("name");
                String colType = rs.getString("type");
                boolean isPk = rs.getInt("pk") == 1;
                if (isPk && colType != null && colType.equalsIgnoreCase("INTEGER")) {
                    pk = col;
                } else if (!col.equalsIgnoreCase(geomColumn == null ? "" : geomColumn)) {
                    fields.add(new LayerInfo.FieldInfo(col, colType));
                }
                if (firstInteger == null && colType != null && colType.equalsIgnoreCase("INTEGER")) {
                    firstInteger = col;
                }
            }
        }
        if (pk == null && firstInteger != null) {
            // views carry no primary key; GDAL takes the first integer column, and so do we
            pk = firstInteger;
            final String key = pk;
            fields.removeIf(f -> f.name().equals(key));
        }
        boolean rtree = geomColumn != null && objects.contains("rtree_" + name + "_" + geomColumn);
        if (extent == null && rtree) {
            extent = rtreeExtent(name, geomColumn);
        }
        return new LayerInfo(name, kind, dataType, identifier, description, geomColumn, geomType, z, m, count(name), extent,
                srsId == null ? null : srs.apply(srsId), rtree, pk, fields, null);
    }

    private long count(String table) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + Sql.id(table))) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    private Envelope rtreeExtent(String table, String column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(minx), MAX(maxx), MIN(miny), MAX(maxy) FROM "
                + Sql.id("rtree_" + table + "_" + column))) {
            if (rs.next() && rs.getObject(1) != null) {
                return new Envelope(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
            }
        }
        return null;
    }
}
