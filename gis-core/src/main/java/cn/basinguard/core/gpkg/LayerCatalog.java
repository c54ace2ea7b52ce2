package cn.basinguard.core.gpkg;

import cn.basinguard.core.i18n.Messages;
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
    private final boolean exactCounts;

    /**
     * @param exactCounts whether a feature table with a spatial index is counted row by row ({@code COUNT(*)} visits
     *                    every row: 0.3 s for a county's 900,000 patches, paid by every check before its first tile) or
     *                    estimated by the index's own row table (milliseconds; it leaves out rows without geometry)
     */
    LayerCatalog(Connection c, IntFunction<SrsInfo> srs, boolean exactCounts) {
        this.c = c;
        this.srs = srs;
        this.exactCounts = exactCounts;
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
                Envelope e = extent(rs.getObject(5), rs.getObject(6), rs.getObject(7), rs.getObject(8));
                rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), e, rs.getObject(9)});
            }
        }
        for (Object[] r : rows) {
            String name = (String) r[0];
            if (name == null) {
                continue; // a row without a table name names nothing to read
            }
            LayerInfo l = layer(name, (String) r[1], (String) r[2], (String) r[3], (Envelope) r[4], r[5], objects, hasGeometryColumns);
            if (!isGdalPlaceholder(l)) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * GDAL writes an empty feature table "ogr_empty_table" into raster-only GeoPackages (the standard once wanted a
     * feature table) and hides it; it is no layer of the user's, and its undefined CRS is no problem of theirs.
     */
    private static boolean isGdalPlaceholder(LayerInfo l) {
        return l.name().equals("ogr_empty_table") && l.kind() == LayerInfo.Kind.FEATURES && l.featureCount() == 0;
    }

    /** The extent gpkg_contents gives, when it gives four finite numbers; null when it gives none or nonsense. */
    static Envelope extent(Object minX, Object minY, Object maxX, Object maxY) {
        if (!(minX instanceof Number a && minY instanceof Number b && maxX instanceof Number c && maxY instanceof Number d)) {
            return null;
        }
        double[] v = {a.doubleValue(), b.doubleValue(), c.doubleValue(), d.doubleValue()};
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return null;
            }
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    /**
     * An srs_id column's value as an integer. Files written by hand or by other tools may hold text or a real there;
     * SQLite keeps whatever was written. Null when it is no integer.
     */
    static Integer srsId(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l) {
            return l == l.intValue() ? Integer.valueOf(l.intValue()) : null;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE ? Integer.valueOf((int) d) : null;
        }
        if (value instanceof String s && s.strip().matches("[-+]?\\d{1,9}")) {
            return Integer.valueOf(s.strip());
        }
        return null;
    }

    private LayerInfo layer(String name, String dataType, String identifier, String description, Envelope extent, Object contentsSrsValue,
                            Set<String> objects, boolean hasGeometryColumns) throws SQLException {
        Integer contentsSrs = srsId(contentsSrsValue);
        String type = dataType == null ? "" : dataType.toLowerCase(Locale.ROOT);
        LayerInfo.Kind kind = switch (type) {
            case "features" -> LayerInfo.Kind.FEATURES;
            case "attributes" -> LayerInfo.Kind.ATTRIBUTES;
            case "tiles", "2d-gridded-coverage" -> LayerInfo.Kind.TILES;
            default -> LayerInfo.Kind.OTHER;
        };
        if (!objects.contains(name)) {
            return new LayerInfo(name, LayerInfo.Kind.OTHER, dataType, identifier, description, null, null, 0, 0, -1, extent,
                    null, false, null, List.of(), Messages.get("gpkg.note.missingTable"));
        }
        if (kind == LayerInfo.Kind.TILES || kind == LayerInfo.Kind.OTHER) {
            return new LayerInfo(name, kind, dataType, identifier, description, null, null, 0, 0, count(name), extent,
                    contentsSrs == null ? null : srs.apply(contentsSrs), false, null, List.of(),
                    kind == LayerInfo.Kind.TILES ? Messages.get(type.equals("tiles") ? "gpkg.note.imagery" : "gpkg.note.tiles") : Messages.get("gpkg.note.dataType", String.valueOf(dataType)));
        }
        String geomColumn = null;
        String geomType = null;
        int z = 0;
        int m = 0;
        Integer srsId = contentsSrs;
        String srsNote = contentsSrsValue != null && contentsSrs == null ? Messages.get("gpkg.note.badSrsId", contentsSrsValue) : null;
        if (kind == LayerInfo.Kind.FEATURES && hasGeometryColumns) {
            try (var ps = c.prepareStatement("SELECT column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns WHERE table_name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        geomColumn = rs.getString(1);
                        geomType = rs.getString(2) == null ? null : rs.getString(2).toUpperCase(Locale.ROOT);
                        Object declared = rs.getObject(3);
                        srsId = srsId(declared);
                        srsNote = declared != null && srsId == null ? Messages.get("gpkg.note.badSrsId", declared) : null;
                        z = flag(rs.getObject(4));
                        m = flag(rs.getObject(5));
                    }
                }
            }
        }
        if (kind == LayerInfo.Kind.FEATURES && geomColumn == null) {
            return new LayerInfo(name, LayerInfo.Kind.OTHER, dataType, identifier, description, null, null, 0, 0, count(name), extent,
                    null, false, null, List.of(), Messages.get("gpkg.note.noGeometryColumn"));
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
        long count = !exactCounts && rtree && objects.contains("rtree_" + name + "_" + geomColumn + "_rowid")
                ? count("rtree_" + name + "_" + geomColumn + "_rowid") : -1;
        return new LayerInfo(name, kind, dataType, identifier, description, geomColumn, geomType, z, m, count >= 0 ? count : count(name), extent,
                srsId == null ? null : srs.apply(srsId), rtree, pk, fields, kind == LayerInfo.Kind.FEATURES ? srsNote : null);
    }

    /** gpkg_geometry_columns.z/m: 0, 1 or 2; anything else (text, out of range) counts as 2, "may have". */
    private static int flag(Object value) {
        return value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 2 && n.doubleValue() == n.intValue() ? n.intValue()
                : value == null ? 0 : 2;
    }

    private long count(String table) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + Sql.id(table))) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The extent of the spatial index; null when the index cannot tell (a damaged index is no reason to refuse the file). */
    private Envelope rtreeExtent(String table, String column) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(minx), MAX(maxx), MIN(miny), MAX(maxy) FROM "
                + Sql.id("rtree_" + table + "_" + column))) {
            if (rs.next()) {
                return extent(rs.getObject(1), rs.getObject(3), rs.getObject(2), rs.getObject(4));
            }
        } catch (SQLException e) {
            return null;
        }
        return null;
    }
}
