package cn.basinguard.core.source.pg;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.SourceOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * One schema of a PostGIS database, read-only: the bureau's shared red lines, land use and sites, read where they
 * are instead of from a copied file. Layers come from {@code geometry_columns} (and the schema's plain tables);
 * rows are streamed with a server-side cursor, geometries come as {@code ST_AsBinary} and are decoded by the same
 * WKB path as GeoPackage blobs, and a read by area asks {@code geom && ST_MakeEnvelope(…)} so the server's GiST
 * index picks the rows. The password is held only in memory, to reconnect after a lost connection; the source's
 * location, label and everything written from it carry the address without it. Reads may run on several threads at
 * once, each on a connection of its own.
 */
public final class PostGisSource implements DataSource {
    /** The fetch size of the server-side cursor: large enough to keep the network busy, small enough for memory. */
    static final int FETCH_SIZE = 500;

    private final PgAddress address;
    private final String password;
    private final SourceOptions options;
    private final List<PgLayer> layers;
    /** The layers as shown: the planner's row estimates until {@link #countRows()} puts exact counts in their place. */
    private volatile List<LayerInfo> infos;
    private final List<String> warnings;
    private final String schemaComment;
    private final AtomicLong rowsFetched = new AtomicLong();
    /**
     * Idle connections, the most recently used first: the checks read several areas at once from several threads, one
     * statement per connection; a single reader always gets the same one back.
     */
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());

    private PostGisSource(PgAddress address, String password, SourceOptions options, Connection connection, List<PgLayer> layers,
                          List<String> warnings, String schemaComment) {
        this.address = address;
        this.password = password;
        this.options = options;
        this.opened.add(connection);
        this.idle.add(connection);
        this.layers = List.copyOf(layers);
        this.infos = layers.stream().map(PgLayer::info).toList();
        this.warnings = List.copyOf(warnings);
        this.schemaComment = schemaComment;
    }

    /** Opens an address as the user wrote it, the password from PGPASSWORD or the password file as psql finds it. */
    public static PostGisSource open(String uri, SourceOptions options) {
        PgAddress a = PgAddress.parse(uri);
        List<String> warnings = new ArrayList<>();
        String pw = PgPassword.find(a, warnings::add);
        return open(a, pw, options, warnings);
    }

    /** Opens an address with a password the user typed (the window asks each time and keeps it nowhere). */
    public static PostGisSource open(PgAddress a, String password, SourceOptions options) {
        return open(a, password, options, new ArrayList<>());
    }

    /**
     * The same schema connected again with other options (the seven parameters given for a layer's datum, which the
     * layers' CRSs are read with), with the password this source was opened with: the window does not ask again.
     */
    public PostGisSource reopen(SourceOptions other) {
        return open(address, password, other, new ArrayList<>());
    }

    private static PostGisSource open(PgAddress a, String password, SourceOptions options, List<String> warnings) {
        Connection c = connect(a, password);
        try {
            PgCatalog catalog = new PgCatalog(c, a, options);
            long schema = catalog.schemaOid();
            List<PgLayer> layers = catalog.read(schema);
            String comment = catalog.schemaComment(schema);
            c.commit();
            if (layers.isEmpty()) {
                throw new GisException("pg.emptySchema", a.schema(), a.database());
            }
            warnings.addAll(catalog.warnings());
            return new PostGisSource(a, password, options, c, layers, warnings, comment);
        } catch (SQLException e) {
            closeQuietly(c);
            throw PgErrors.reading(e, a, a.schema());
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static Connection connect(PgAddress a, String password) {
        Properties p = new Properties();
        p.setProperty("user", a.user());
        // never empty-handed: without a password property the driver would read ~/.pgpass itself, and use one that
        // others can read, which psql refuses
        p.setProperty("password", password == null ? "" : password);
        p.setProperty("ApplicationName", "BasinGuard");
        p.setProperty("connectTimeout", Integer.toString(a.connectTimeoutSeconds() > 0 ? a.connectTimeoutSeconds() : 10));
        p.setProperty("loginTimeout", Integer.toString(a.connectTimeoutSeconds() > 0 ? a.connectTimeoutSeconds() : 20));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("readOnly", "true");
        p.setProperty("readOnlyMode", "always");
        // binary results from the first query on: geometries arrive as bytes, not as hex text to be parsed
        p.setProperty("prepareThreshold", "-1");
        if (a.sslMode() != null) {
            p.setProperty("sslmode", a.sslMode());
        }
        try {
            Connection c = DriverManager.getConnection(a.jdbcUrl(), p);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw PgErrors.connecting(e, a, password != null && !password.isEmpty());
        }
    }

    public PgAddress address() {
        return address;
    }

    @Override
    public String location() {
        return address.uri();
    }

    @Override
    public String label() {
        return address.label();
    }

    @Override
    public String format() {
        return "PostGIS";
    }

    @Override
    public List<LayerInfo> layers() {
        return infos;
    }

    /**
     * Counts every layer's rows exactly (one {@code count(*)} each: seconds for a county's patches, so opening for a check,
     * which only needs the planner's estimates to choose its tiles, does not pay it), for the layer list and {@code info},
     * which show the counts. Counted once; a source opened again counts again.
     */
    @Override
    public void countRows() {
        synchronized (layers) {
            if (counted) {
                return;
            }
            List<LayerInfo> exact = new ArrayList<>(layers.size());
            for (PgLayer l : layers) {
                LayerInfo i = l.info();
                long[] n = new long[1];
                withConnection(l.name(), c -> n[0] = PgCatalog.count(c, address, l));
                exact.add(new LayerInfo(i.name(), i.kind(), i.dataType(), i.identifier(), i.description(), i.geometryColumn(), i.geometryType(),
                        i.z(), i.m(), n[0], i.extent(), i.srs(), i.hasSpatialIndex(), i.primaryKey(), i.fields(), i.note()));
            }
            infos = List.copyOf(exact);
            counted = true;
        }
    }

    private boolean counted;

    @Override
    public List<String> warnings() {
        return warnings;
    }

    /** The comment on the schema (COMMENT ON SCHEMA), or null: what the database says of its data as a whole. */
    public String schemaComment() {
        return schemaComment;
    }

    @Override
    public List<String> metadata() {
        return schemaComment == null || schemaComment.isBlank() ? List.of() : List.of(schemaComment);
    }

    /** Whether the schema's comment says it is demonstration data (示意数据), as the Zengdu sample's note does. */
    @Override
    public boolean saysDemonstration() {
        return schemaComment != null && (schemaComment.contains("示意数据")
                || schemaComment.toLowerCase(java.util.Locale.ROOT).contains("demonstration data"));
    }

    /**
     * The server process that serves this source now (pg_stat_activity.pid): what an administrator sees, and what a
     * test ends to cut the connection in the middle of a read.
     */
    public int serverProcess() {
        int[] pid = new int[1];
        withConnection(address.schema(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                pid[0] = rs.getInt(1);
            }
        });
        return pid[0];
    }

    /** Rows the server has sent since the source was opened: what a read by area saves is seen here. */
    public long rowsFetched() {
        return rowsFetched.get();
    }

    /** Safe for several threads at once: each read has a connection of its own. */
    @Override
    public void read(String layer, Envelope bbox, List<String> fieldNames, FeatureSink sink, Consumer<ReadProblem> problems) {
        PgLayer l = pgLayer(layer);
        List<LayerInfo.FieldInfo> fields = fieldNames == null ? l.info().fields()
                : l.info().fields().stream().filter(f -> fieldNames.contains(f.name())).toList();
        withConnection(l.name(), c -> new PgCursor(c, address, l, fields, rowsFetched).read(bbox, null, sink, problems));
    }

    /**
     * The rows whose box meets any of {@code boxes} and whose geometry meets {@code outline}, as the server's GiST index
     * and {@code ST_Intersects} pick them, in one statement: a row that several boxes meet is sent once, and what lies in
     * a box but outside the outline (a unit's box holds a third more patches than the unit) never leaves the server.
     * Safe for several threads at once.
     */
    /** The query tests each geometry against the outline (ST_Intersects), by the table's GiST index first. */
    @Override
    public boolean keepsOutline() {
        return true;
    }

    /**
     * Read by area only with a key: a layer without one is numbered as each read returns its rows, so two reads by area
     * would give one feature two numbers — a caller that reads area by area reads it once instead.
     */
    @Override
    public boolean indexed(String layer) {
        LayerInfo info = pgLayer(layer).info();
        return info.hasSpatialIndex() && info.primaryKey() != null;
    }

    /** A GiST index is written with its rows, in one transaction. */
    @Override
    public boolean indexMayMissRows() {
        return false;
    }

    @Override
    public void readMeeting(String layer, List<Envelope> boxes, Geometry outline, List<String> fieldNames, FeatureSink sink,
                            Consumer<ReadProblem> problems) {
        PgLayer l = pgLayer(layer);
        List<LayerInfo.FieldInfo> fields = fieldNames == null ? l.info().fields()
                : l.info().fields().stream().filter(f -> fieldNames.contains(f.name())).toList();
        byte[] wkb = outlineWkb(l, outline);
        withConnection(l.name(), c -> new PgCursor(c, address, l, fields, rowsFetched).read(boxes, wkb, null, sink, problems));
    }

    /** As {@link #readMeeting(String, List, Geometry, List, FeatureSink, Consumer)}, the server leaving out what {@code filter} surely drops. */
    @Override
    public void readMeeting(String layer, List<Envelope> boxes, Geometry outline, List<String> fieldNames, cn.basinguard.core.source.RowFilter filter,
                            FeatureSink sink, Consumer<ReadProblem> problems) {
        PgLayer l = pgLayer(layer);
        List<LayerInfo.FieldInfo> fields = fieldNames == null ? l.info().fields()
                : l.info().fields().stream().filter(f -> fieldNames.contains(f.name())).toList();
        byte[] wkb = outlineWkb(l, outline);
        withConnection(l.name(), c -> new PgCursor(c, address, l, fields, rowsFetched).where(filter).read(boxes, wkb, null, sink, problems));
    }

    /**
     * The outline for the server to test rows against, or null: not for a column without an SRID, nor for one SRID's
     * rows of a column holding several — the server may test a row of another SRID before the condition drops it, and
     * fails on mixed SRIDs (what meets the boxes comes, and is tested here).
     */
    private static byte[] outlineWkb(PgLayer l, Geometry outline) {
        return outline == null || l.srid() == 0 || l.rows() != null ? null : new WKBWriter(2).write(outline);
    }

    /** The rows whose geometry is NULL or empty, which no read by area returns; the server finds them. */
    @Override
    public void readWithoutPosition(String layer, List<String> fieldNames, FeatureSink sink, Consumer<ReadProblem> problems) {
        PgLayer l = pgLayer(layer);
        List<LayerInfo.FieldInfo> fields = fieldNames == null ? l.info().fields()
                : l.info().fields().stream().filter(f -> fieldNames.contains(f.name())).toList();
        withConnection(l.name(), c -> new PgCursor(c, address, l, fields, rowsFetched).readWithoutPosition(sink, problems));
    }

    @Override
    public Feature feature(String layer, long fid) {
        PgLayer l = pgLayer(layer);
        if (l.info().primaryKey() == null) {
            return null;
        }
        List<Feature> found = new ArrayList<>(1);
        withConnection(l.name(), c -> new PgCursor(c, address, l, l.info().fields(), rowsFetched).read(null, fid, found::add, p -> { }));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The features with these keys and no geometry, in key order, asked in one statement. */
    @Override
    public void features(String layer, long[] fids, List<String> fieldNames, FeatureSink sink) {
        PgLayer l = pgLayer(layer);
        if (l.info().primaryKey() == null || fids.length == 0) {
            return; // no key, no feature by key (as feature() says)
        }
        List<LayerInfo.FieldInfo> fields = fieldNames == null ? l.info().fields()
                : l.info().fields().stream().filter(f -> fieldNames.contains(f.name())).toList();
        withConnection(l.name(), c -> new PgCursor(c, address, l, fields, rowsFetched).readKeys(fids, sink));
    }

    /**
     * What the schema holds now, one digest per layer, for the fingerprint of sheets made from it: the SHA-256 of the
     * sorted MD5s of its rows as the server prints them, and the row count. Computed by the server, so nothing is
     * transferred; equal digests mean equal rows, whatever order they are stored in and whichever server holds them.
     */
    @Override
    public List<Content> contents() {
        List<Content> out = new ArrayList<>();
        for (PgLayer l : layers) {
            String table = PgCatalog.id(address.schema()) + "." + PgCatalog.id(l.table()) + " t" + (l.rows() == null ? "" : " WHERE " + l.rows());
            withConnection(l.name(), c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*), encode(sha256(convert_to(coalesce(string_agg(h, ','"
                        + " ORDER BY h), ''), 'UTF8')), 'hex') FROM (SELECT md5(t::text) AS h FROM " + table + ") s");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.add(new Content(label() + "/" + l.name() + " (" + rs.getLong(1) + ")", rs.getString(2)));
                }
            });
        }
        return out;
    }

    /**
     * The styles QGIS saved for this schema's layers ("save style in database": a layer_styles table, in the schema
     * itself or in public).
     */
    @Override
    public List<Style> styles() {
        List<Style> out = new ArrayList<>();
        withConnection("layer_styles", c -> {
            for (String schema : new String[] {address.schema(), "public"}) {
                boolean exists;
                try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL AND has_table_privilege(to_regclass(?), 'SELECT')")) {
                    String name = PgCatalog.id(schema) + ".layer_styles";
                    ps.setString(1, name);
                    ps.setString(2, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        exists = rs.next() && rs.getBoolean(1);
                    }
                }
                if (!exists) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT f_table_name, f_geometry_column, stylename, styleqml::text,"
                        + " stylesld::text, useasdefault, description FROM " + PgCatalog.id(schema) + ".layer_styles"
                        + " WHERE f_table_schema = ? AND (f_table_catalog IS NULL OR f_table_catalog = current_database())")) {
                    ps.setString(1, address.schema());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Style(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getBoolean(6), rs.getString(7)));
                        }
                    }
                }
                break;
            }
        });
        return out;
    }

    private PgLayer pgLayer(String name) {
        String found = layer(name).name();
        return layers.stream().filter(l -> l.name().equals(found)).findFirst().orElseThrow();
    }

    /** Work done on a connection of its own, in a read-only transaction of its own. */
    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on an idle connection (a new one when none is idle, as after a lost connection) and ends its
     * transaction; a connection that was lost is closed and not used again.
     */
    private void withConnection(String what, Work work) {
        Connection c = idle.pollFirst();
        if (c == null) {
            c = connect(address, password);
            opened.add(c);
        }
        boolean healthy = true;
        try {
            work.run(c);
            c.commit();
        } catch (SQLException e) {
            healthy = !PgErrors.isLost(e) && isOpen(c);
            rollbackQuietly(c);
            throw PgErrors.reading(e, address, what);
        } catch (RuntimeException | Error e) {
            healthy = isOpen(c);
            rollbackQuietly(c);
            throw e;
        } finally {
            if (healthy) {
                idle.addFirst(c);
            } else {
                opened.remove(c);
                closeQuietly(c);
            }
        }
    }

    private static boolean isOpen(Connection c) {
        try {
            return !c.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (opened) {
            opened.forEach(PostGisSource::closeQuietly);
            opened.clear();
        }
        idle.clear();
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is gone; the next use makes a new one
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing was written through it
            }
        }
    }
}
