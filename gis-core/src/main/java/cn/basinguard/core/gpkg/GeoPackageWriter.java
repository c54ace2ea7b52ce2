package cn.basinguard.core.gpkg;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes a new GeoPackage 1.3 file: feature tables with an R-tree spatial index, attribute tables and a
 * file-level metadata note. Everything goes into a temporary file beside the target, which replaces the
 * target only on {@link #commit()}, so a crash never leaves a half-written GeoPackage under the real name.
 *
 * <p>The R-tree is filled as features are inserted; its maintenance triggers are created on commit, after the
 * bulk load, because they call ST_* SQL functions that plain SQLite (and so this writer) lacks. Editing the file
 * afterwards therefore needs a GeoPackage-aware SQLite such as GDAL's.
 */
public final class GeoPackageWriter implements AutoCloseable {
    /**
     * GeoPackage DATETIME, always with milliseconds (the form of strftime('%Y-%m-%dT%H:%M:%fZ')): {@code Instant.toString()}
     * leaves them out on a whole second, which GDAL's validate_gpkg.py rejects and GDAL warns about.
     */
    private static final java.time.format.DateTimeFormatter TIMESTAMP =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** {@code at} as a GeoPackage DATETIME. */
    public static String timestamp(java.time.Instant at) {
        return TIMESTAMP.format(at);
    }

    public static final int APPLICATION_ID_GPKG = 0x47504B47;
    public static final int USER_VERSION_1_3 = 10300;
    private static final String METADATA_DEFINITION = "http://www.geopackage.org/spec120/#extension_metadata";
    static final String EXTENSIONS_DDL = "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT,"
            + " column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,"
            + " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))";

    private final Path target;
    private final Path temp;
    private final Connection conn;
    private final String timestamp;
    private final Set<Integer> srsIds = new LinkedHashSet<>();
    private final Map<String, FeatureTableWriter> featureTables = new LinkedHashMap<>();
    private final Map<String, PreparedStatement> attributeTables = new LinkedHashMap<>();
    private final FeatureTableWriter.SpatialIndex spatialIndex;
    private boolean metadataExtension;
    private boolean committed;

    private GeoPackageWriter(Path target, Path temp, Connection conn, String timestamp,
                             FeatureTableWriter.SpatialIndex spatialIndex) {
        this.target = target;
        this.temp = temp;
        this.conn = conn;
        this.timestamp = timestamp;
        this.spatialIndex = spatialIndex;
    }

    /**
     * Starts a GeoPackage that will be moved to {@code target} on commit.
     *
     * @param timestamp ISO-8601 UTC time written to last_change and metadata timestamps
     *                  (callers that need reproducible files pass a fixed value)
     */
    public static GeoPackageWriter create(Path target, String timestamp) throws IOException, SQLException {
        return create(target, timestamp, FeatureTableWriter.SpatialIndex.AS_INSERTED);
    }

    /**
     * As {@link #create(Path, String)}, choosing when the feature tables' R-trees are filled: {@code AT_FINISH} for
     * bulk loads of millions of features written as they are made (each table's index is then filled in one pass on
     * commit). Memory stays bounded either way: rows go to SQLite's page cache, which spills to the file.
     */
    public static GeoPackageWriter create(Path target, String timestamp, FeatureTableWriter.SpatialIndex spatialIndex)
            throws IOException, SQLException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + abs.getFileName() + "-", ".tmp");
        Files.delete(temp); // sqlite must create the file itself
        Connection conn = DriverManager.getConnection("jdbc:sqlite:" + temp);
        GeoPackageWriter w = new GeoPackageWriter(abs, temp, conn, Objects.requireNonNull(timestamp),
                Objects.requireNonNull(spatialIndex));
        try {
            w.createCoreTables();
        } catch (SQLException e) {
            w.close();
            throw e;
        }
        return w;
    }

    private void createCoreTables() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA application_id = " + APPLICATION_ID_GPKG);
            st.execute("PRAGMA user_version = " + USER_VERSION_1_3);
            st.execute("PRAGMA foreign_keys = ON");
            conn.setAutoCommit(false);
            st.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
                    + " definition TEXT NOT NULL, description TEXT)");
            st.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT UNIQUE, description TEXT DEFAULT '',"
                    + " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                    + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
                    + " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
            st.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
                    + " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                    + " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
                    + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                    + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
            st.execute(EXTENSIONS_DDL);
        }
        addSrs(GpkgSrs.UNDEFINED_CARTESIAN);
        addSrs(GpkgSrs.UNDEFINED_GEOGRAPHIC);
        addSrs(GpkgSrs.WGS84);
    }

    /** Registers a CRS; registering the same srs_id twice is a no-op. */
    public void addSrs(GpkgSrs srs) throws SQLException {
        if (!srsIds.add(srs.srsId())) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gpkg_spatial_ref_sys"
                + " (srs_name, srs_id, organization, organization_coordsys_id, definition, description)"
                + " VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, srs.name());
            ps.setInt(2, srs.srsId());
            ps.setString(3, srs.organization());
            ps.setInt(4, srs.organizationCoordsysId());
            ps.setString(5, srs.definition());
            ps.setString(6, srs.description());
            ps.executeUpdate();
        }
    }

    /** One zoom level of a tile pyramid: tiles across and down, tile size in pixels, pixel size in CRS units. */
    public record TileMatrix(int zoom, int matrixWidth, int matrixHeight, int tileWidth, int tileHeight, double pixelX, double pixelY) {
    }

    /**
     * Creates a tile pyramid table (GeoPackage 1.3, 2.2): its contents row (data type {@code tiles}), its tile matrix
     * set over {@code set} in {@code srsId} and one tile matrix per zoom level. The SRS must be registered.
     */
    public void createTileTable(String table, String identifier, String description, int srsId, Envelope set, List<TileMatrix> matrices)
            throws SQLException {
        requireNew(table);
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS gpkg_tile_matrix_set (table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT NULL,"
                    + " min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL,"
                    + " CONSTRAINT fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                    + " CONSTRAINT fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
            st.execute("CREATE TABLE IF NOT EXISTS gpkg_tile_matrix (table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL,"
                    + " matrix_width INTEGER NOT NULL, matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL, tile_height INTEGER NOT NULL,"
                    + " pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL,"
                    + " CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level),"
                    + " CONSTRAINT fk_tmm_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name))");
            st.execute("CREATE TABLE " + q(table) + " (id INTEGER PRIMARY KEY AUTOINCREMENT, zoom_level INTEGER NOT NULL,"
                    + " tile_column INTEGER NOT NULL, tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL,"
                    + " UNIQUE (zoom_level, tile_column, tile_row))");
        }
        insertContents(conn, table, "tiles", identifier, description, srsId, timestamp);
        try (PreparedStatement ps = conn.prepareStatement("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
            ps.setDouble(1, set.getMinX());
            ps.setDouble(2, set.getMinY());
            ps.setDouble(3, set.getMaxX());
            ps.setDouble(4, set.getMaxY());
            ps.setString(5, table);
            ps.executeUpdate();
        }
        execute("INSERT INTO gpkg_tile_matrix_set (table_name, srs_id, min_x, min_y, max_x, max_y) VALUES (?,?,?,?,?,?)", table, srsId,
                set.getMinX(), set.getMinY(), set.getMaxX(), set.getMaxY());
        for (TileMatrix m : matrices) {
            execute("INSERT INTO gpkg_tile_matrix (table_name, zoom_level, matrix_width, matrix_height, tile_width, tile_height,"
                    + " pixel_x_size, pixel_y_size) VALUES (?,?,?,?,?,?,?,?)", table, m.zoom(), m.matrixWidth(), m.matrixHeight(), m.tileWidth(),
                    m.tileHeight(), m.pixelX(), m.pixelY());
        }
    }

    /** Stores one encoded tile (PNG or JPEG) of a table made by {@link #createTileTable}. */
    public void insertTile(String table, int zoom, int column, int row, byte[] data) throws SQLException {
        execute("INSERT INTO " + q(table) + " (zoom_level, tile_column, tile_row, tile_data) VALUES (?,?,?,?)", zoom, column, row, data);
    }

    /**
     * Creates a feature table with an INTEGER PRIMARY KEY "fid", the geometry column and the user columns.
     *
     * @param geometryType GeoPackage geometry type name, e.g. POINT, MULTIPOLYGON, GEOMETRY
     */
    public void createFeatureTable(String table, String identifier, String description, String geomColumn,
                                   String geometryType, int srsId, List<GpkgColumn> columns) throws SQLException {
        requireNew(table);
        if (!srsIds.contains(srsId)) {
            throw new IllegalArgumentException("srs_id " + srsId + " not registered; call addSrs first");
        }
        featureTables.put(table, FeatureTableWriter.create(conn, table, identifier, description, geomColumn,
                geometryType, srsId, columns, timestamp, spatialIndex));
    }

    /** Creates a non-spatial table registered in gpkg_contents with data_type 'attributes'. */
    public void createAttributeTable(String table, String identifier, String description, List<GpkgColumn> columns)
            throws SQLException {
        requireNew(table);
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE " + q(table) + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"
                    + columnDefs(columns) + ")");
        }
        insertContents(conn, table, "attributes", identifier, description, null, timestamp);
        attributeTables.put(table, conn.prepareStatement("INSERT INTO " + q(table) + " ("
                + columnNames(columns).substring(1) + ") VALUES (" + "?,".repeat(columns.size() - 1) + "?)"));
    }

    /** Inserts one feature; values follow the order of the columns given at creation. Returns the fid. */
    public long insertFeature(String table, Geometry geometry, Object... values) throws SQLException {
        FeatureTableWriter t = featureTables.get(table);
        if (t == null) {
            throw new IllegalArgumentException(attributeTables.containsKey(table) ? table + " is an attribute table"
                    : "unknown table " + table);
        }
        return t.insert(geometry, values);
    }

    /**
     * Inserts one feature whose geometry is 2D little-endian ISO WKB, stored as given (see
     * {@link FeatureTableWriter#insertWkb}); {@code envelope} is that of its coordinates. Returns the fid.
     */
    public long insertFeatureWkb(String table, byte[] wkb, Envelope envelope, Object... values) throws SQLException {
        FeatureTableWriter t = featureTables.get(table);
        if (t == null) {
            throw new IllegalArgumentException("unknown feature table " + table);
        }
        return t.insertWkb(wkb, envelope, values);
    }

    /** Inserts one feature under a key of its own (see {@link FeatureTableWriter#insert(long, Geometry, Object...)}). */
    public void insertFeature(String table, long fid, Geometry geometry, Object... values) throws SQLException {
        FeatureTableWriter t = featureTables.get(table);
        if (t == null) {
            throw new IllegalArgumentException("unknown feature table " + table);
        }
        t.insert(fid, geometry, values);
    }

    /**
     * Adds a metadata document about one table (reference_scope 'table'), creating the metadata extension tables on
     * first use.
     */
    public void addTableMetadata(String table, String mdStandardUri, String mimeType, String metadata) throws SQLException {
        long id = insertMetadata(mdStandardUri, mimeType, metadata);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gpkg_metadata_reference"
                + " (reference_scope, table_name, column_name, row_id_value, timestamp, md_file_id, md_parent_id)"
                + " VALUES ('table', ?, NULL, NULL, ?, ?, NULL)")) {
            ps.setString(1, table);
            ps.setString(2, timestamp);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Runs SQL of the caller's own (an extension's tables) in the file's transaction. */
    public void execute(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, 1, values);
            ps.execute();
        }
    }

    /** Inserts one row into an attribute table. Returns the fid. */
    public long insertRow(String table, Object... values) throws SQLException {
        PreparedStatement insert = attributeTables.get(table);
        if (insert == null) {
            throw new IllegalArgumentException(featureTables.containsKey(table) ? table + " is a feature table"
                    : "unknown table " + table);
        }
        bind(insert, 1, values);
        insert.executeUpdate();
        return lastRowId(conn);
    }

    /**
     * Adds a metadata document referenced by the whole GeoPackage (reference_scope 'geopackage'),
     * creating the metadata extension tables on first use.
     */
    public void addFileMetadata(String mdStandardUri, String mimeType, String metadata) throws SQLException {
        long id = insertMetadata(mdStandardUri, mimeType, metadata);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gpkg_metadata_reference"
                + " (reference_scope, table_name, column_name, row_id_value, timestamp, md_file_id, md_parent_id)"
                + " VALUES ('geopackage', NULL, NULL, NULL, ?, ?, NULL)")) {
            ps.setString(1, timestamp);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private long insertMetadata(String mdStandardUri, String mimeType, String metadata) throws SQLException {
        if (!metadataExtension) {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL,"
                        + " md_scope TEXT NOT NULL DEFAULT 'dataset', md_standard_uri TEXT NOT NULL,"
                        + " mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '')");
                st.execute("CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT,"
                        + " column_name TEXT, row_id_value INTEGER,"
                        + " timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                        + " md_file_id INTEGER NOT NULL, md_parent_id INTEGER,"
                        + " CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),"
                        + " CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id))");
            }
            insertExtension(conn, "gpkg_metadata", null, "gpkg_metadata", METADATA_DEFINITION, "read-write");
            insertExtension(conn, "gpkg_metadata_reference", null, "gpkg_metadata", METADATA_DEFINITION, "read-write");
            metadataExtension = true;
        }
        long id;
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gpkg_metadata"
                + " (md_scope, md_standard_uri, mime_type, metadata) VALUES ('dataset',?,?,?)")) {
            ps.setString(1, mdStandardUri);
            ps.setString(2, mimeType);
            ps.setString(3, metadata);
            ps.executeUpdate();
            id = lastRowId(conn);
        }
        return id;
    }

    /** Writes the extents, commits, closes and atomically moves the file into place. */
    public void commit() throws SQLException, IOException {
        for (FeatureTableWriter t : featureTables.values()) {
            t.finish();
        }
        closeStatements();
        conn.commit();
        try (Statement st = conn.createStatement()) {
            conn.setAutoCommit(true);
            st.execute("VACUUM"); // drops the free pages left by the bulk load, so the file is compact
        }
        conn.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Abandons the file unless {@link #commit()} succeeded. */
    @Override
    public void close() throws SQLException, IOException {
        if (committed) {
            return;
        }
        try {
            closeStatements();
            conn.close();
        } finally {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(Path.of(temp + "-journal"));
        }
    }

    private void closeStatements() throws SQLException {
        for (FeatureTableWriter t : featureTables.values()) {
            t.close();
        }
        for (PreparedStatement insert : attributeTables.values()) {
            insert.close();
        }
    }

    static void insertContents(Connection conn, String table, String dataType, String identifier, String description,
                               Integer srsId, String timestamp) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gpkg_contents"
                + " (table_name, data_type, identifier, description, last_change, srs_id) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, table);
            ps.setString(2, dataType);
            ps.setString(3, identifier == null ? table : identifier);
            ps.setString(4, description == null ? "" : description);
            ps.setString(5, timestamp);
            if (srsId == null) {
                ps.setNull(6, java.sql.Types.INTEGER);
            } else {
                ps.setInt(6, srsId);
            }
            ps.executeUpdate();
        }
    }

    static void insertExtension(Connection conn, String table, String column, String name, String definition,
                                String scope) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gpkg_extensions"
                + " (table_name, column_name, extension_name, definition, scope) VALUES (?,?,?,?,?)")) {
            ps.setString(1, table);
            ps.setString(2, column);
            ps.setString(3, name);
            ps.setString(4, definition);
            ps.setString(5, scope);
            ps.executeUpdate();
        }
    }

    static long lastRowId(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement(); var rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void requireNew(String table) {
        if (featureTables.containsKey(table) || attributeTables.containsKey(table) || table.startsWith("gpkg_") || table.startsWith("rtree_")) {
            throw new IllegalArgumentException("table name not allowed or already used: " + table);
        }
    }

    static void bind(PreparedStatement ps, int first, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setNull(first + i, java.sql.Types.NULL);
            } else if (v instanceof Double d) {
                ps.setDouble(first + i, d);
            } else if (v instanceof Number n && !(v instanceof Float)) {
                ps.setLong(first + i, n.longValue());
            } else if (v instanceof Float f) {
                ps.setDouble(first + i, f);
            } else if (v instanceof byte[] b) {
                ps.setBytes(first + i, b);
            } else if (v instanceof Boolean b) {
                ps.setInt(first + i, b ? 1 : 0); // GeoPackage BOOLEAN is 0/1
            } else {
                ps.setString(first + i, v.toString());
            }
        }
    }

    static String columnDefs(List<GpkgColumn> columns) {
        StringBuilder sb = new StringBuilder();
        for (GpkgColumn c : columns) {
            sb.append(", ").append(q(c.name())).append(' ').append(c.type());
            if (c.notNull()) {
                sb.append(" NOT NULL");
            }
        }
        return sb.toString();
    }

    static String columnNames(List<GpkgColumn> columns) {
        StringBuilder sb = new StringBuilder();
        for (GpkgColumn c : columns) {
            sb.append(", ").append(q(c.name()));
        }
        return sb.toString();
    }

    /** Quotes an SQL identifier, doubling embedded quotes. */
    static String q(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
