package cn.basinguard.core.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature table written into an open GeoPackage connection, with its R-tree spatial index, in the caller's
 * transaction. New files ({@link GeoPackageWriter}) and a layer added to an existing file go through the same code,
 * so an added layer is indexed and registered exactly like one of a new file.
 *
 * <p>The R-tree is filled as features are inserted ({@link SpatialIndex#AS_INSERTED}) or, for bulk loads, in one pass
 * over the table when the last feature is in ({@link SpatialIndex#AT_FINISH}, as GDAL does for large loads: the
 * table's pages are not interleaved with index pages and the index is filled in fid order). Its triggers are created
 * by {@link #finish()}: they call ST_* functions that plain SQLite lacks, so they must not fire during our own inserts.
 */
public final class FeatureTableWriter implements AutoCloseable {
    private static final String RTREE_DEFINITION = "http://www.geopackage.org/spec120/#extension_rtree";

    private final Connection conn;
    private final String table;
    private final String geomColumn;
    private final int srsId;
    private final PreparedStatement insert;
    private final PreparedStatement rtreeInsert;
    private PreparedStatement insertWithKey;
    private final List<GpkgColumn> columns;
    private final GpkgGeometryEncoder encoder = new GpkgGeometryEncoder();
    private final Envelope extent = new Envelope();
    private final SpatialIndex index;

    /** When the R-tree spatial index is filled. */
    public enum SpatialIndex {
        /** one R-tree row per inserted feature, in the same statement sequence */
        AS_INSERTED,
        /** in one pass over the finished table (fid order), from the envelopes in the geometry headers */
        AT_FINISH
    }

    private FeatureTableWriter(Connection conn, String table, String geomColumn, int srsId, List<GpkgColumn> columns,
                               PreparedStatement insert, PreparedStatement rtreeInsert, SpatialIndex index) {
        this.conn = conn;
        this.columns = List.copyOf(columns);
        this.table = table;
        this.geomColumn = geomColumn;
        this.srsId = srsId;
        this.insert = insert;
        this.rtreeInsert = rtreeInsert;
        this.index = index;
    }

    /**
     * Creates the table with an INTEGER PRIMARY KEY "fid", its R-tree, and its rows in gpkg_contents,
     * gpkg_geometry_columns and gpkg_extensions (creating that table if the file has none).
     *
     * @param srsId an srs_id already in gpkg_spatial_ref_sys
     * @param geometryType GeoPackage geometry type name, e.g. POINT, MULTIPOLYGON, GEOMETRY
     * @param lastChange ISO-8601 UTC time for gpkg_contents.last_change
     */
    public static FeatureTableWriter create(Connection conn, String table, String identifier, String description,
                                            String geomColumn, String geometryType, int srsId,
                                            List<GpkgColumn> columns, String lastChange) throws SQLException {
        return create(conn, table, identifier, description, geomColumn, geometryType, srsId, columns, lastChange,
                SpatialIndex.AS_INSERTED);
    }

    /** As {@link #create(Connection, String, String, String, String, String, int, List, String)}, choosing when the R-tree is filled. */
    public static FeatureTableWriter create(Connection conn, String table, String identifier, String description,
                                            String geomColumn, String geometryType, int srsId,
                                            List<GpkgColumn> columns, String lastChange, SpatialIndex index)
            throws SQLException {
        String rtree = "rtree_" + table + "_" + geomColumn;
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE " + q(table) + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                    + q(geomColumn) + " " + geometryType + GeoPackageWriter.columnDefs(columns) + ")");
            st.execute("CREATE VIRTUAL TABLE " + q(rtree) + " USING rtree(id, minx, maxx, miny, maxy)");
            st.execute(GeoPackageWriter.EXTENSIONS_DDL);
        }
        GeoPackageWriter.insertContents(conn, table, "features", identifier, description, srsId, lastChange);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gpkg_geometry_columns"
                + " (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?,?,?,?,0,0)")) {
            ps.setString(1, table);
            ps.setString(2, geomColumn);
            ps.setString(3, geometryType);
            ps.setInt(4, srsId);
            ps.executeUpdate();
        }
        GeoPackageWriter.insertExtension(conn, table, geomColumn, "gpkg_rtree_index", RTREE_DEFINITION, "write-only");
        PreparedStatement insert = conn.prepareStatement("INSERT INTO " + q(table) + " (" + q(geomColumn)
                + GeoPackageWriter.columnNames(columns) + ") VALUES (?" + ",?".repeat(columns.size()) + ")");
        PreparedStatement rtreeInsert = conn.prepareStatement("INSERT INTO " + q(rtree) + " VALUES (?,?,?,?,?)");
        return new FeatureTableWriter(conn, table, geomColumn, srsId, columns, insert, rtreeInsert, index);
    }

    /** Inserts one feature; values follow the order of the columns given at creation. Returns the fid. */
    public long insert(Geometry geometry, Object... values) throws SQLException {
        return insertBlob(encoder.encode(geometry, srsId), geometry.isEmpty() ? null : geometry.getEnvelopeInternal(),
                values);
    }

    /**
     * Inserts one feature whose geometry is given as 2D little-endian ISO WKB, written as it is behind the GeoPackage
     * header: for geometries JTS cannot hold, such as a ring whose last point is not its first (test and benchmark data
     * with the defects real deliveries have). The caller gives the envelope of the coordinates.
     */
    public long insertWkb(byte[] wkb, Envelope envelope, Object... values) throws SQLException {
        return insertBlob(GpkgGeometryEncoder.wrap(wkb, envelope, srsId), envelope, values);
    }

    /**
     * Inserts one feature under the key it has in its source (an offline pack keeps the keys, so a feature is the same
     * feature in the pack and at the source); a null geometry is stored as NULL.
     */
    public void insert(long fid, Geometry geometry, Object... values) throws SQLException {
        if (insertWithKey == null) {
            String sql = "INSERT INTO " + q(table) + " (fid, " + q(geomColumn) + GeoPackageWriter.columnNames(columns) + ") VALUES (?, ?"
                    + ",?".repeat(columns.size()) + ")";
            insertWithKey = conn.prepareStatement(sql);
        }
        insertWithKey.setLong(1, fid);
        if (geometry == null) {
            insertWithKey.setNull(2, java.sql.Types.BLOB);
        } else {
            insertWithKey.setBytes(2, encoder.encode(geometry, srsId));
        }
        GeoPackageWriter.bind(insertWithKey, 3, values);
        insertWithKey.executeUpdate();
        if (geometry != null && !geometry.isEmpty()) {
            index(fid, geometry.getEnvelopeInternal());
        }
    }

    private long insertBlob(byte[] blob, Envelope e, Object[] values) throws SQLException {
        insert.setBytes(1, blob);
        GeoPackageWriter.bind(insert, 2, values);
        insert.executeUpdate();
        long fid = GeoPackageWriter.lastRowId(conn);
        index(fid, e);
        return fid;
    }

    /** Widens the extent by a feature's envelope and, unless the R-tree is filled at the end, adds its R-tree row. */
    private void index(long fid, Envelope e) throws SQLException {
        if (e != null && !e.isNull()) {
            extent.expandToInclude(e);
            if (index == SpatialIndex.AS_INSERTED) {
                rtreeInsert.setLong(1, fid);
                rtreeInsert.setDouble(2, e.getMinX());
                rtreeInsert.setDouble(3, e.getMaxX());
                rtreeInsert.setDouble(4, e.getMinY());
                rtreeInsert.setDouble(5, e.getMaxY());
                rtreeInsert.executeUpdate();
            }
        }
    }

    /** Fills the R-tree from the envelopes in the geometry headers (only the first 40 bytes of each blob are read). */
    private void fillIndex() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT fid, substr(" + q(geomColumn) + ", 1, 40) FROM " + q(table)
                     + " WHERE " + q(geomColumn) + " IS NOT NULL ORDER BY fid")) {
            while (rs.next()) {
                double[] env = GpkgGeometryEncoder.headerEnvelope(rs.getBytes(2));
                if (env == null) {
                    continue; // empty geometry: no envelope, no index row
                }
                rtreeInsert.setLong(1, rs.getLong(1));
                rtreeInsert.setDouble(2, env[0]);
                rtreeInsert.setDouble(3, env[1]);
                rtreeInsert.setDouble(4, env[2]);
                rtreeInsert.setDouble(5, env[3]);
                rtreeInsert.executeUpdate();
            }
        }
    }

    /** Writes the extent to gpkg_contents and creates the R-tree triggers; call after the last insert. */
    public void finish() throws SQLException {
        if (index == SpatialIndex.AT_FINISH) {
            fillIndex();
        }
        if (!extent.isNull()) {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE gpkg_contents SET min_x=?, min_y=?, max_x=?, max_y=? WHERE table_name=?")) {
                ps.setDouble(1, extent.getMinX());
                ps.setDouble(2, extent.getMinY());
                ps.setDouble(3, extent.getMaxX());
                ps.setDouble(4, extent.getMaxY());
                ps.setString(5, table);
                ps.executeUpdate();
            }
        }
        close();
        try (Statement st = conn.createStatement()) {
            for (String sql : RtreeTriggers.sql(table, geomColumn, "fid")) {
                st.execute(sql);
            }
        }
    }

    /** Closes the prepared statements; the connection and its transaction stay the caller's. */
    @Override
    public void close() throws SQLException {
        insert.close();
        rtreeInsert.close();
        if (insertWithKey != null) {
            insertWithKey.close();
        }
    }

    private static String q(String identifier) {
        return GeoPackageWriter.q(identifier);
    }
}
