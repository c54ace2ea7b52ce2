package cn.basinguard.core.source.pg;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.SrsInfo;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.source.SourceOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads what a schema holds: its geometry tables and views from PostGIS's {@code geometry_columns} (SRID, type,
 * dimensions), its plain tables (a targets table is one), each with its columns (information_schema), its integer
 * primary key (pg_index), whether its geometry column has a spatial index, its row count (the planner's estimate) and
 * extent (from the server's statistics where it has them), and the
 * comment on it ({@code COMMENT ON TABLE}), which names the layer for role recognition as a GeoPackage's identifier
 * does. What stands in the way of reading a layer well — no spatial index, SRID 0, no key — is said, layer by layer.
 */
final class PgCatalog {
    private final Connection c;
    private final PgAddress address;
    private final SourceOptions options;
    private final List<String> warnings = new ArrayList<>();
    private final Map<Integer, SrsInfo> srs = new HashMap<>();
    private String postgisSchema;
    private Map<String, List<String[]>> columns;

    PgCatalog(Connection c, PgAddress address, SourceOptions options) {
        this.c = c;
        this.address = address;
        this.options = options;
    }

    List<String> warnings() {
        return warnings;
    }

    /** The schema named in the address exists, may be read, and the database has PostGIS; else a message saying so. */
    long schemaOid() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new GisException("pg.noPostgis", address.database(), address.host());
            }
            postgisSchema = rs.getString(1);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT oid, has_schema_privilege(oid, 'USAGE') FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, address.schema());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (!rs.getBoolean(2)) {
                        throw new GisException("pg.schemaDenied", address.schema(), address.user());
                    }
                    return rs.getLong(1);
                }
            }
        }
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT f_table_schema FROM " + id(postgisSchema)
                + ".geometry_columns ORDER BY 1"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        throw new GisException("pg.noSchema", address.schema(), address.database(),
                schemas.isEmpty() ? Messages.get("pg.noSchemas") : String.join("、", schemas));
    }

    /** The comment on the schema, or null. */
    String schemaComment(long schemaOid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT obj_description(?::oid, 'pg_namespace')")) {
            ps.setLong(1, schemaOid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The geometry layers (in creation order), then the plain tables. */
    List<PgLayer> read(long schemaOid) throws SQLException {
        record Geo(long oid, String table, String relkind, String column, String type, int srid, int dims, String comment) {
        }
        List<Geo> geos = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cl.oid, cl.relname, cl.relkind, g.f_geometry_column, g.type, g.srid,"
                + " g.coord_dimension, obj_description(cl.oid, 'pg_class') FROM " + id(postgisSchema) + ".geometry_columns g"
                + " JOIN pg_class cl ON cl.relname = g.f_table_name AND cl.relnamespace = ?::oid"
                // a partition's rows are its partitioned table's: listed too, they came twice (drawn, counted, checked)
                + " WHERE g.f_table_schema = ? AND NOT cl.relispartition ORDER BY cl.oid, g.f_geometry_column")) {
            ps.setLong(1, schemaOid);
            ps.setString(2, address.schema());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    geos.add(new Geo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                            rs.getInt(7), rs.getString(8)));
                }
            }
        }
        // geography columns are not read (their arithmetic is another's): said, with the view that makes one readable
        try (PreparedStatement ps = c.prepareStatement("SELECT f_table_name, f_geography_column FROM " + id(postgisSchema)
                + ".geography_columns WHERE f_table_schema = ? ORDER BY 1, 2")) {
            ps.setString(1, address.schema());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    warnings.add(Messages.get("pg.geography", address.schema() + "." + rs.getString(1), rs.getString(2),
                            id(address.schema()) + "." + id(rs.getString(1)), id(rs.getString(2))));
                }
            }
        }
        Map<Long, Integer> columnsPerTable = new HashMap<>();
        geos.forEach(g -> columnsPerTable.merge(g.oid(), 1, Integer::sum));
        List<PgLayer> out = new ArrayList<>();
        for (Geo g : geos) {
            // a table with two geometry columns gives two layers, named as GDAL names them
            String name = columnsPerTable.get(g.oid()) > 1 ? g.table() + "(" + g.column() + ")" : g.table();
            out.addAll(geometryLayers(name, g.oid(), g.table(), g.relkind(), g.column(), g.type(), g.srid(), g.dims(), g.comment()));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT cl.oid, cl.relname, cl.relkind, obj_description(cl.oid, 'pg_class')"
                + " FROM pg_class cl WHERE cl.relnamespace = ?::oid AND cl.relkind IN ('r', 'v', 'm', 'p', 'f') AND NOT cl.relispartition"
                + " AND has_table_privilege(cl.oid, 'SELECT')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = cl.oid AND d.deptype = 'e')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = cl.oid"
                + "   AND a.attnum > 0 AND NOT a.attisdropped AND t.typname IN ('geometry', 'geography', 'raster'))"
                + " AND cl.relname <> 'layer_styles' ORDER BY cl.oid")) {
            ps.setLong(1, schemaOid);
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
                for (Object[] r : rows) {
                    out.add(attributeLayer((Long) r[0], (String) r[1], (String) r[2], (String) r[3]));
                }
            }
        }
        return out;
    }

    /**
     * The layers of one geometry column: one, unless the column declares no SRID and its rows carry several — then one
     * per SRID ({@code name[SRID=4490]}, the most common first, with the rows without a geometry), each read in its own
     * coordinate system, as QGIS lists such a column. Read as one layer, the rows of the other SRIDs were taken in the
     * first row's coordinate system: a CGCS2000 longitude of 114° as an easting of 114 m, drawn and checked in the wrong
     * place, and an outline test against them an error of the server's.
     */
    private List<PgLayer> geometryLayers(String name, long oid, String table, String relkind, String column, String type, int srid,
                                         int dims, String comment) throws SQLException {
        if (srid != 0) {
            return List.of(geometryLayer(name, oid, table, relkind, column, type, srid, dims, comment, null, -1));
        }
        // a view (or an unconstrained column) may declare none while its rows carry one, or several
        Map<Integer, Long> srids = rowSrids(table, column, relkind.equals("v"));
        if (srids.size() <= 1) {
            int rowsSrid = srids.isEmpty() ? 0 : srids.keySet().iterator().next();
            return List.of(geometryLayer(name, oid, table, relkind, column, type, rowsSrid, dims, comment, null, -1));
        }
        List<String> each = new ArrayList<>();
        srids.forEach((s, n) -> each.add(Messages.get("pg.sridRows", Integer.toString(s), n)));
        warnings.add(Messages.get("pg.mixedSrid", address.schema() + "." + table, column, srids.size(), String.join("、", each)));
        List<PgLayer> out = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<Integer, Long> e : srids.entrySet()) {
            String bySrid = "ST_SRID(" + id(column) + ") = " + e.getKey();
            String rows = first ? "(" + id(column) + " IS NULL OR " + bySrid + ")" : "(" + bySrid + ")";
            // a view's counts are of its sample: its rows are estimated, as any view's
            out.add(geometryLayer(name + "[SRID=" + e.getKey() + "]", oid, table, relkind, column, type, e.getKey(), dims, comment, rows,
                    relkind.equals("v") ? -1 : e.getValue()));
            first = false;
        }
        return out;
    }

    /** Rows of a view whose SRIDs are looked at: each of its rows may be computed (a county's ST_Transform took 2.8 s). */
    private static final int VIEW_SAMPLE = 10_000;

    /**
     * The SRIDs the column's rows carry, the most common first, with their row counts: a scan of a table's column; of a
     * view, its first {@link #VIEW_SAMPLE} rows (the counts are then of those, and a view whose other SRIDs lie beyond
     * them is read in the first one's, as before).
     */
    private Map<Integer, Long> rowSrids(String table, String column, boolean view) throws SQLException {
        Map<Integer, Long> out = new java.util.LinkedHashMap<>();
        String rows = "SELECT " + id(column) + " AS g FROM " + id(address.schema()) + "." + id(table) + " WHERE " + id(column) + " IS NOT NULL"
                + (view ? " LIMIT " + VIEW_SAMPLE : "");
        try (PreparedStatement ps = c.prepareStatement("SELECT ST_SRID(g), count(*) FROM (" + rows + ") s GROUP BY 1 ORDER BY 2 DESC, 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return out;
    }

    /**
     * @param rows the condition on the table's rows making this layer, null for all
     * @param rowCount the rows of the layer when known (counted with its SRIDs), else −1: estimated
     */
    private PgLayer geometryLayer(String name, long oid, String table, String relkind, String column, String type, int srid, int dims,
                                  String comment, String rows, long rowCount) throws SQLException {
        boolean view = relkind.equals("v");
        // PostGIS names an M-only type with a trailing M (POINTM) and gives the dimension count; Z shows only in the count
        String t = type == null ? "GEOMETRY" : type.toUpperCase(Locale.ROOT);
        boolean mOnly = dims == 3 && t.endsWith("M");
        if (mOnly) {
            t = t.substring(0, t.length() - 1);
        }
        int z = dims == 4 || dims == 3 && !mOnly ? 1 : 0;
        int m = dims == 4 || mOnly ? 1 : 0;
        List<String> notes = new ArrayList<>();
        int rowsSrid = srid;
        if (rows != null) {
            notes.add(Messages.get("pg.oneSrid", address.schema() + "." + table, column, Integer.toString(srid)));
        }
        SrsInfo s = srs(rowsSrid);
        if (rowsSrid == 0) {
            warn(notes, "pg.srid0", address.schema() + "." + table, column, address.schema(), table);
        } else if (s.crs() == null) {
            warn(notes, "pg.unknownSrid", address.schema() + "." + table, rowsSrid);
        }
        Key key = primaryKey(oid);
        if (key.column() == null) {
            key = uniqueIdColumn(table);
            if (key.column() != null) {
                notes.add(Messages.get("pg.keyFound", address.schema() + "." + table, key.column()));
            }
        }
        List<LayerInfo.FieldInfo> fields = fields(table, key.column(), true);
        if (key.column() == null) {
            warn(notes, view ? "pg.viewNoKey" : "pg.tableNoKey", address.schema() + "." + table);
        }
        boolean indexed = !view && spatialIndex(oid, column);
        if (!view && !indexed) {
            warn(notes, "pg.noSpatialIndex", address.schema() + "." + table, column, address.schema(), table);
        }
        long count = rowCount >= 0 ? rowCount : estimate(oid, table);
        Envelope extent = extent(table, column, view, rows);
        String identifier = firstLine(comment);
        LayerInfo info = new LayerInfo(name, LayerInfo.Kind.FEATURES, "features", identifier, comment, column, t, z, m, count,
                extent, s, indexed || view, key.column(), fields, notes.isEmpty() ? null : String.join(" ", notes));
        return new PgLayer(info, table, rowsSrid, view, rows);
    }

    private PgLayer attributeLayer(long oid, String table, String relkind, String comment) throws SQLException {
        Key key = primaryKey(oid);
        List<LayerInfo.FieldInfo> fields = fields(table, key.column(), false);
        List<String> notes = new ArrayList<>();
        // an ArcGIS geodatabase in PostgreSQL keeps its shapes in Esri's own type, which only ArcGIS reads: without a
        // word, its feature classes looked like tables without geometry
        for (String[] col : columns().getOrDefault(table, List.of())) {
            if (col[2].equalsIgnoreCase("st_geometry")) {
                warn(notes, "pg.stGeometry", address.schema() + "." + table, col[0]);
            }
        }
        LayerInfo info = new LayerInfo(table, LayerInfo.Kind.ATTRIBUTES, "attributes", firstLine(comment), comment, null, null, 0, 0,
                estimate(oid, table), null, null, false, key.column(), fields, notes.isEmpty() ? null : String.join(" ", notes));
        return new PgLayer(info, table, 0, relkind.equals("v"));
    }

    private void warn(List<String> notes, String key, Object... args) {
        String text = Messages.get(key, args);
        notes.add(text);
        if (!warnings.contains(text)) {
            warnings.add(text); // once, though the layers of one column's SRIDs each say it
        }
    }

    /**
     * The layer's extent for zooming to it: from the server's statistics when it has them (ST_EstimatedExtent: no
     * scan, a box rounded outwards to single precision), else from every row (ST_Extent, which reads each geometry:
     * half a second for 200,000 patches).
     */
    private Envelope extent(String table, String column, boolean view, String rows) throws SQLException {
        String sql = "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(" + id(column) + ") AS e FROM "
                + id(address.schema()) + "." + id(table) + (rows == null ? "" : " WHERE " + rows) + ") s";
        if (!view && rows == null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_stats WHERE schemaname = ? AND tablename = ? AND attname = ?")) {
                ps.setString(1, address.schema());
                ps.setString(2, table);
                ps.setString(3, column);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        sql = "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT " + id(postgisSchema)
                                + ".ST_EstimatedExtent(?, ?, ?) AS e) s";
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                ps.setString(1, address.schema());
                ps.setString(2, table);
                ps.setString(3, column);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    return new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
                }
            }
        }
        return null;
    }

    /**
     * The planner's estimate of the rows, which is all a check needs (to choose its tiles) and costs no scan: the
     * table's {@code pg_class.reltuples} (kept by ANALYZE, VACUUM and CREATE INDEX), else — a table never analyzed, a
     * view — the rows EXPLAIN expects. Exact counts, for what shows them, are {@link #count}'s (a scan of the table:
     * seconds for a county's patches).
     */
    private long estimate(long oid, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = ?::oid AND relkind IN ('r', 'p', 'm')")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getDouble(1) >= 0) {
                    return Math.round(rs.getDouble(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + id(address.schema()) + "." + id(table));
             ResultSet rs = ps.executeQuery()) {
            java.util.regex.Matcher m = rs.next() ? PLAN_ROWS.matcher(rs.getString(1)) : null;
            return m != null && m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    private static final java.util.regex.Pattern PLAN_ROWS = java.util.regex.Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    /** The exact number of rows of a table or view of the schema: a scan of it. */
    static long count(Connection c, PgAddress address, PgLayer layer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + layer.from(address));
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** The table's primary key when it is one integer column (what a feature key must be), and its type. */
    private record Key(String column) {
    }

    private Key primaryKey(long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, t.typname FROM pg_index i"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                + " JOIN pg_type t ON t.oid = a.atttypid WHERE i.indrelid = ?::oid AND i.indisprimary")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                List<String[]> cols = new ArrayList<>();
                while (rs.next()) {
                    cols.add(new String[] {rs.getString(1), rs.getString(2)});
                }
                if (cols.size() == 1 && List.of("int2", "int4", "int8").contains(cols.get(0)[1])) {
                    return new Key(cols.get(0)[0]);
                }
                return new Key(null);
            }
        }
    }

    /** Names an id column goes by, in the order one is taken: GDAL's, PostGIS loaders', ArcGIS's. */
    private static final List<String> ID_NAMES = List.of("fid", "ogc_fid", "gid", "objectid", "id");

    /**
     * For a view or a table without an integer primary key: an integer column named as ids are whose values are all
     * there and all different (counted by the server: a scan), to number the features by, as QGIS asks of a view; else
     * none. Numbered as read, a read by area gave the same feature another number than the read before: a check that
     * reads by tiles took one red line's prepared polygon for another's, and found no 三调 columns for the patches a
     * site occupies.
     */
    private Key uniqueIdColumn(String table) throws SQLException {
        List<String[]> cols = columns().getOrDefault(table, List.of());
        for (String name : ID_NAMES) {
            for (String[] col : cols) {
                if (col[0].equalsIgnoreCase(name) && List.of("int2", "int4", "int8").contains(col[2]) && unique(table, col[0])) {
                    return new Key(col[0]);
                }
            }
        }
        return new Key(null);
    }

    private boolean unique(String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) = count(DISTINCT " + id(column) + ") AND count(*) = count(" + id(column)
                + ") FROM " + id(address.schema()) + "." + id(table)); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private boolean spatialIndex(long oid, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_am am ON am.oid = ic.relam JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
                + " WHERE i.indrelid = ?::oid AND a.attname = ? AND am.amname IN ('gist', 'spgist', 'brin') AND i.indisvalid")) {
            ps.setLong(1, oid);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The columns other than the key and the geometry, in table order, typed as the database declares them. */
    private List<LayerInfo.FieldInfo> fields(String table, String key, boolean spatial) throws SQLException {
        List<LayerInfo.FieldInfo> out = new ArrayList<>();
        for (String[] col : columns().getOrDefault(table, List.of())) {
            if (col[0].equals(key) || List.of("geometry", "geography", "raster").contains(col[2])) {
                continue;
            }
            out.add(new LayerInfo.FieldInfo(col[0], col[1]));
        }
        return out;
    }

    /** Every column of the schema's tables (name, declared type, type name), read in one query for all layers. */
    private Map<String, List<String[]>> columns() throws SQLException {
        if (columns == null) {
            columns = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name, data_type, character_maximum_length, udt_name"
                    + " FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position")) {
                ps.setString(1, address.schema());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(3);
                        String udt = rs.getString(5);
                        if (rs.getObject(4) != null) {
                            type += "(" + rs.getInt(4) + ")";
                        } else if (type.equals("USER-DEFINED")) {
                            type = udt;
                        }
                        columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2), type, udt});
                    }
                }
            }
        }
        return columns;
    }

    /** The CRS of an SRID, by the EPSG code spatial_ref_sys gives it, else by its WKT; the datum shift applied as set. */
    SrsInfo srs(int srid) throws SQLException {
        SrsInfo known = srs.get(srid);
        if (known != null) {
            return known;
        }
        SrsInfo s;
        if (srid == 0) {
            s = new SrsInfo(0, null, null, 0, null, null, true, null);
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT auth_name, auth_srid, srtext FROM " + id(postgisSchema)
                    + ".spatial_ref_sys WHERE srid = ?")) {
                ps.setInt(1, srid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        s = new SrsInfo(srid, null, null, 0, null, null, false, null);
                    } else {
                        String org = rs.getString(1);
                        int orgId = rs.getInt(2);
                        String wkt = rs.getString(3);
                        s = new SrsInfo(srid, wktName(wkt), org, orgId, wkt, null, false, options.withShift(resolve(org, orgId, wkt)));
                    }
                }
            }
        }
        srs.put(srid, s);
        return s;
    }

    private static Crs resolve(String org, int orgId, String wkt) {
        if (org != null && org.equalsIgnoreCase("EPSG") && CrsRegistry.isKnown(orgId)) {
            return CrsRegistry.fromEpsg(orgId);
        }
        Optional<Crs> byWkt = wkt == null || wkt.isBlank() ? Optional.empty() : CrsRegistry.fromWkt(wkt);
        return byWkt.orElse(null);
    }

    private static String wktName(String wkt) {
        if (wkt == null) {
            return null;
        }
        int q = wkt.indexOf('"');
        int end = q < 0 ? -1 : wkt.indexOf('"', q + 1);
        return end < 0 ? null : wkt.substring(q + 1, end);
    }

    private static String firstLine(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        return comment.strip().lines().findFirst().orElse(null);
    }

    /** A quoted identifier: names from the database go into SQL only this way. */
    static String id(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
