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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * One schema of a PostGIS database, read-only: the bureau's shared red lines, land use and sites, read where they
 * are instead of from a copied file. Layers come from {@code geometry_columns} (and the schema's plain tables);
 * rows are streamed with a server-side cursor, geometries come as {@code ST_AsBinary} and are decoded by the same
 * WKB path as GeoPackage blobs, and a read by area asks {@code geom && ST_MakeEnvelope(…)} so the server's GiST
 * index picks the rows. The password is held only in memory, to reconnect after a lost connection; the source's
 * location, label and everything written from it carry the address without it. One thread at a time.
 */
public final class PostGisSource implements DataSource {
    /** The fetch size of the server-side cursor: large enough to keep the network busy, small enough for memory. */
    static final int FETCH_SIZE = 500;

    private final PgAddress address;
    private final String password;
    private final SourceOptions options;
    private final List<PgLayer> layers;
    private final List<LayerInfo> infos;
    private final List<String> warnings;
    private final String schemaComment;
    private final AtomicLong rowsFetched = new AtomicLong();
    private Connection connection;

    private PostGisSource(PgAddress address, String password, SourceOptions options, Connection connection, List<PgLayer> layers,
                          List<String> warnings, String schemaComment) {
        this.address = address;
        this.password = password;
        this.options = options;
        this.connection = connection;
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
    public synchronized int serverProcess() {
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            int pid = rs.getInt(1);
            c.commit();
            return pid;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw PgErrors.reading(e, address, address.schema());
        }
    }

    /** Rows the server has sent since the source was opened: what a read by area saves is seen here. */
    public long rowsFetched() {
        return rowsFetched.get();
    }

    @Override
    public synchronized void read(String layer, Envelope bbox, List<String> fieldNames, FeatureSink sink, Consumer<ReadProblem> problems) {
        PgLayer l = pgLayer(layer);
        List<LayerInfo.FieldInfo> fields = fieldNames == null ? l.info().fields()
                : l.info().fields().stream().filter(f -> fieldNames.contains(f.name())).toList();
        Connection c = connection();
        try {
            new PgCursor(c, address, l, fields, rowsFetched).read(bbox, null, sink, problems);
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw PgErrors.reading(e, address, l.name());
        } catch (RuntimeException | Error e) {
            rollbackQuietly(c);
            throw e;
        }
    }

    @Override
    public synchronized Feature feature(String layer, long fid) {
        PgLayer l = pgLayer(layer);
        if (l.info().primaryKey() == null) {
            return null;
        }
        List<Feature> found = new ArrayList<>(1);
        Connection c = connection();
        try {
            new PgCursor(c, address, l, l.info().fields(), rowsFetched).read(null, fid, found::add, p -> { });
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw PgErrors.reading(e, address, l.name());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * What the schema holds now, one digest per layer, for the fingerprint of sheets made from it: the SHA-256 of the
     * sorted MD5s of its rows as the server prints them, and the row count. Computed by the server, so nothing is
     * transferred; equal digests mean equal rows, whatever order they are stored in and whichever server holds them.
     */
    @Override
    public synchronized List<Content> contents() {
        List<Content> out = new ArrayList<>();
        Connection c = connection();
        for (PgLayer l : layers) {
            String table = PgCatalog.id(address.schema()) + "." + PgCatalog.id(l.table());
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), encode(sha256(convert_to(coalesce(string_agg(h, ',' ORDER BY h),"
                    + " ''), 'UTF8')), 'hex') FROM (SELECT md5(t::text) AS h FROM " + table + " t) s");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.add(new Content(label() + "/" + l.name() + " (" + rs.getLong(1) + ")", rs.getString(2)));
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw PgErrors.reading(e, address, l.name());
            }
        }
        try {
            c.commit();
        } catch (SQLException e) {
            throw PgErrors.reading(e, address, address.schema());
        }
        return out;
    }

    /**
     * The styles QGIS saved for this schema's layers ("save style in database": a layer_styles table, in the schema
     * itself or in public).
     */
    @Override
    public synchronized List<Style> styles() {
        List<Style> out = new ArrayList<>();
        Connection c = connection();
        try {
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
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw PgErrors.reading(e, address, "layer_styles");
        }
        return out;
    }

    private PgLayer pgLayer(String name) {
        LayerInfo info = layer(name);
        return layers.stream().filter(l -> l.info() == info).findFirst().orElseThrow();
    }

    /** The connection, made again when the last one was lost (the server restarted, the network dropped). */
    private Connection connection() {
        try {
            if (connection != null && !connection.isClosed()) {
                return connection;
            }
        } catch (SQLException e) {
            // treated as closed
        }
        closeQuietly(connection);
        connection = connect(address, password);
        return connection;
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
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
