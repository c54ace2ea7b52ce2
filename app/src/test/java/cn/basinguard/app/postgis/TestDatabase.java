package cn.basinguard.app.postgis;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.source.pg.PgAddress;
import cn.basinguard.data.SampleData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL/PostGIS server the tests read from: a real one on localhost (.ci/postgis-setup.sh makes it), found
 * at BASINGUARD_TEST_PG (default {@code postgresql://basinguard_test@localhost:5432/basinguard_test}) with the
 * password BASINGUARD_TEST_PGPASSWORD. The program under test finds that password the way a planner's would: in the
 * password file PGPASSFILE that surefire points at target/test-pgpass, which this class writes (mode 0600). Without a
 * reachable server the tests are skipped with a message, unless BASINGUARD_REQUIRE_PG is set (CI), when they fail.
 *
 * <p>The sample goes in with GDAL's ogr2ogr, an independent loader, into a schema named after the sample's content
 * (loaded once per machine and sample, under an advisory lock so concurrent builds do not collide), with a Chinese
 * table and Chinese column names for the units, a red-line table whose role only its comment says, lower-case names
 * for the rest as GDAL writes them, and the sample's demonstration note as the schema's comment.
 */
public final class TestDatabase {
    /** The test role's password: distinctive, so that a test can look for it in everything the program writes. */
    public static final String PASSWORD = env("BASINGUARD_TEST_PGPASSWORD", "BgTest-7f3Kq9Zx");
    public static final PgAddress SERVER = PgAddress.parse(env("BASINGUARD_TEST_PG",
            "postgresql://basinguard_test@localhost:5432/basinguard_test"));
    /** The same server under another name, for which the password file holds a wrong password. */
    public static final String WRONG_PASSWORD_HOST = "127.0.0.1";
    /** Bumped when the layout below changes, so that an old load is not reused. */
    private static final String LAYOUT = "5";

    private static String sampleSchema;

    private TestDatabase() {
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Skips the calling test (or fails it in CI) when the server cannot be reached; writes the password file. */
    public static synchronized void require() {
        writePassFile();
        try (Connection c = connect()) {
            c.isValid(2);
        } catch (SQLException e) {
            String why = "no PostgreSQL/PostGIS test server at " + SERVER.uri() + " (" + e.getMessage()
                    + "): run .ci/postgis-setup.sh as root to make one";
            if (System.getenv("BASINGUARD_REQUIRE_PG") != null) {
                fail(why);
            }
            assumeTrue(false, why);
        }
    }

    /** A JDBC connection as the test role, for setting up and for looking at the server from outside the program. */
    public static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", SERVER.user());
        p.setProperty("password", PASSWORD);
        p.setProperty("connectTimeout", "3");
        p.setProperty("ApplicationName", "BasinGuard tests");
        return DriverManager.getConnection("jdbc:postgresql://" + SERVER.host() + ":" + SERVER.port() + "/" + SERVER.database(), p);
    }

    /** The address of a schema of the test database, as a planner would type it. */
    public static String address(String schema) {
        return "postgresql://" + SERVER.user() + "@" + SERVER.host() + ":" + SERVER.port() + "/" + SERVER.database() + "?schema=" + schema;
    }

    /** The schema holding the Zengdu sample, loaded by ogr2ogr on first use. */
    public static synchronized String sampleSchema() {
        require();
        if (sampleSchema == null) {
            Path sample = SampleData.zengduSample();
            String schema = "zengdu_" + digest(sample).substring(0, 10) + "_" + LAYOUT;
            loadOnce(schema, target -> loadSample(sample, target));
            sampleSchema = schema;
        }
        return sampleSchema;
    }

    /** What fills a schema. */
    @FunctionalInterface
    public interface Loader {
        void load(String schema) throws Exception;
    }

    /**
     * Makes {@code schema} with {@code loader} unless it is there already: loaded under another name and renamed when
     * complete, so a schema that exists is whole.
     */
    public static void loadOnce(String schema, Loader loader) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(hashtext('basinguard-test-' || '" + schema + "'))");
            try {
                if (exists(s, schema)) {
                    return;
                }
                String temp = schema + "_loading";
                s.execute("DROP SCHEMA IF EXISTS " + temp + " CASCADE");
                s.execute("CREATE SCHEMA " + temp);
                loader.load(temp);
                s.execute("ALTER SCHEMA " + temp + " RENAME TO " + schema);
            } finally {
                s.execute("SELECT pg_advisory_unlock(hashtext('basinguard-test-' || '" + schema + "'))");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not load the test schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Statement s, String schema) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "'")) {
            return rs.next();
        }
    }

    /** The rows of {@code schema.table} as the server counts them. */
    public static long count(String schema, String table) {
        try (Connection c = connect(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + schema + "\".\"" + table + "\"")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs SQL statements as the test role. */
    public static void sql(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void loadSample(Path sample, String schema) throws IOException, InterruptedException {
        // the units with a Chinese table name and Chinese column names, as some bureaus keep them
        ogr2ogr(sample, schema, List.of("-sql", "SELECT fid, DYDM AS 单元代码, DYMC AS 单元名称, DYJB AS 单元级别, SJLY AS 数据来源,"
                + " XZQDM AS 行政区代码, MJ AS 面积, geom FROM LYZLDY", "-nln", "流域治理单元", "-lco", "DESCRIPTION=流域治理单元（三级流域片区）"));
        ogr2ogr(sample, schema, List.of("DLTB", "-lco", "DESCRIPTION=耕地（地类图斑 DLTB，仅01耕地）"));
        ogr2ogr(sample, schema, List.of("YJJBNTTB", "-lco", "DESCRIPTION=永久基本农田图斑（YJJBNTTB）"));
        // a table whose name says nothing: its comment says what it is
        ogr2ogr(sample, schema, List.of("STBHHX", "-nln", "hx_2023", "-lco", "DESCRIPTION=生态保护红线（2023年划定）"));
        ogr2ogr(sample, schema, List.of("SKSM", "-lco", "DESCRIPTION=水库水面"));
        ogr2ogr(sample, schema, List.of("JCDM", "-lco", "DESCRIPTION=水质监测断面"));
        ogr2ogr(sample, schema, List.of("XMXZ", "-lco", "DESCRIPTION=项目选址"));
        ogr2ogr(sample, schema, List.of("DXZB", "-lco", "DESCRIPTION=底线指标"));
        ogr2ogr(sample, schema, List.of("SJSM"));
        // a style saved from QGIS ("save style in database") for the units layer
        sql("CREATE TABLE " + schema + ".layer_styles (id serial PRIMARY KEY, f_table_catalog varchar(256), f_table_schema varchar(256),"
                + " f_table_name varchar(256), f_geometry_column varchar(256), stylename text, styleqml xml, stylesld xml,"
                + " useasdefault boolean, description text, owner varchar(63), ui xml, update_time timestamp DEFAULT now(), type varchar)",
            "INSERT INTO " + schema + ".layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, stylename, styleqml,"
                + " useasdefault, description) VALUES (current_database(), '" + schema.replaceFirst("_loading$", "") + "', '流域治理单元', 'geom', '单元边界',"
                + " XMLPARSE(DOCUMENT '<qgis version=\"3.28\"><renderer-v2 type=\"singleSymbol\"/></qgis>'), true, '单元边界样式')");
        sql("COMMENT ON SCHEMA " + schema + " IS '示意数据，非官方边界 / demonstration data, not official boundaries"
                + " 曾都区流域治理单元底线核查 示例数据（由 ogr2ogr 从 zengdu-sample.gpkg 载入）'",
                "ANALYZE");
    }

    /**
     * A schema of layers a bureau's database may hold that stand in the way of reading: a table without a spatial
     * index, a geometry column without SRID, a view without a key (copies of the sample's reservoirs).
     */
    public static synchronized String awkwardSchema() {
        String sample = sampleSchema();
        String schema = "awkward_" + sample.substring("zengdu_".length());
        loadOnce(schema, s -> sql(
                "CREATE TABLE " + s + ".无索引水库 AS SELECT fid, skmc, gmdj, geom FROM " + sample + ".sksm",
                "ALTER TABLE " + s + ".无索引水库 ADD PRIMARY KEY (fid)",
                "CREATE TABLE " + s + ".srid0 (fid serial PRIMARY KEY, skmc varchar(40), geom geometry(MultiPolygon))",
                "INSERT INTO " + s + ".srid0 (skmc, geom) SELECT skmc, ST_SetSRID(geom, 0) FROM " + sample + ".sksm",
                "CREATE INDEX ON " + s + ".srid0 USING GIST (geom)",
                "CREATE VIEW " + s + ".水库视图 AS SELECT skmc, gmdj, geom FROM " + sample + ".sksm WHERE gmdj IS NOT NULL",
                "COMMENT ON VIEW " + s + ".水库视图 IS '水库（视图）'"));
        return schema;
    }

    /** Runs ogr2ogr into {@code schema} of the test database, the password in its environment only. */
    public static void ogr2ogr(Path source, String schema, List<String> layerArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "PostgreSQL",
                "PG:host=" + SERVER.host() + " port=" + SERVER.port() + " dbname=" + SERVER.database() + " user=" + SERVER.user(),
                source.toString(), "-lco", "SCHEMA=" + schema, "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-preserve_fid"));
        cmd.addAll(layerArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", PASSWORD);
        pb.environment().put("PGCLIENTENCODING", "UTF8");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ogr2ogr " + layerArgs + " failed: " + output);
        }
    }

    private static void writePassFile() {
        String file = System.getenv("PGPASSFILE");
        if (file == null) {
            return;
        }
        Path p = Path.of(file);
        // any database of the test server as the test role (the wildcard), and a wrong password for the same server
        // named by its address, so that a test can see what a wrong password says
        String line = "# written by the BasinGuard tests\n"
                + SERVER.host() + ":" + SERVER.port() + ":*:" + SERVER.user() + ":" + PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n"
                + WRONG_PASSWORD_HOST + ":" + SERVER.port() + ":*:" + SERVER.user() + ":not-the-password\n";
        try {
            Files.createDirectories(p.toAbsolutePath().getParent());
            if (Files.isRegularFile(p) && Files.readString(p).equals(line)) {
                return;
            }
            Path tmp = Files.createTempFile(p.toAbsolutePath().getParent(), ".pgpass", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, line);
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the test password file " + p, e);
        }
    }

    private static String digest(Path file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Files.readAllBytes(file));
            return HexFormat.of().formatHex(md.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
