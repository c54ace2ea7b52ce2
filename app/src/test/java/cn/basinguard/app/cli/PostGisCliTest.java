package cn.basinguard.app.cli;

import static cn.basinguard.app.cli.BureauFolderCliTest.assertSameNumbers;
import static cn.basinguard.app.cli.BureauFolderCliTest.flatten;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.postgis.TestDatabase;
import cn.basinguard.core.i18n.Messages;
import java.nio.file.Files;
import cn.basinguard.data.SampleData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bureau's database as a source like a file: the Zengdu sample loaded into a real PostGIS by ogr2ogr (Chinese
 * table and column names, a red line known only by its table comment) checks, exports and prints to the figures
 * of the sample GeoPackage.
 */
class PostGisCliTest extends CliHarness {
    static String db;

    @TempDir
    Path dir;

    @BeforeAll
    static void server() {
        db = TestDatabase.address(TestDatabase.sampleSchema());
    }

    @Test
    void theCheckOnPostgisGivesTheFiguresOfTheGeoPackage() throws IOException {
        Path gpkgJson = dir.resolve("gpkg.json");
        Path pgJson = dir.resolve("pg.json");
        assertEquals(0, run("check", SampleData.zengduSample().toString(), "--json", gpkgJson.toString()), err());
        String gpkgText = body(out());
        assertEquals(0, run("check", db, "--json", pgJson.toString()), err());
        String pgText = body(out());
        assertEquals(gpkgText, pgText, "the printed figures are the same to the last digit");
        assertFalse(err().contains("警告"), err());
        assertSameNumbers(flatten(gpkgJson), flatten(pgJson), 1e-9);
    }

    @Test
    void aCheckOfEachUnitOnPostgisGivesThatUnitsFiguresOfTheGeoPackage() throws IOException {
        for (String unit : new String[] {"涢水片区", "㵐水片区"}) {
            Path gpkgJson = dir.resolve("gpkg-" + unit + ".json");
            Path pgJson = dir.resolve("pg-" + unit + ".json");
            assertEquals(0, run("check", SampleData.zengduSample().toString(), "--unit", unit, "--json", gpkgJson.toString()), err());
            String gpkgText = body(out());
            assertEquals(0, run("check", db, "--unit", unit, "--json", pgJson.toString()), err());
            assertEquals(gpkgText, body(out()));
            assertSameNumbers(flatten(gpkgJson), flatten(pgJson), 1e-9);
        }
    }

    @Test
    void infoListsTheSchemasLayersWithTheirCommentsAndCrs() throws IOException {
        assertEquals(0, run("info", db), err());
        String text = out();
        assertTrue(text.contains(db) && text.contains("PostGIS"), text);
        assertTrue(text.contains("流域治理单元（流域治理单元（三级流域片区））") && text.contains("hx_2023（生态保护红线（2023年划定））"), text);
        assertTrue(text.contains("EPSG:4526") && text.contains("单元名称 (character varying(20))"), text);
        assertTrue(text.contains("示意数据"), "the schema's comment is its note: " + text);
        assertEquals(0, run("info", db, "--json"), err());
        assertTrue(out().contains("\"file\" : \"" + db + "\"") && out().contains("\"spatial_index\" : true"), out());
    }

    @Test
    void theAwkwardLayersAreSaidWhenTheSchemaIsOpened() {
        String awkward = TestDatabase.address(TestDatabase.awkwardSchema());
        assertEquals(Cli.WARNINGS, run("info", awkward));
        assertTrue(out().contains("CREATE INDEX ON") && out().contains("UpdateGeometrySRID") && out().contains("没有主键"), out());
        assertTrue(err().contains("srid0") && err().lines().count() == 1, err());
    }

    @Test
    void sheetsMadeFromTheDatabaseVerifyAgainstItUntilItsRowsChange() throws Exception {
        // a schema of this test's own: its rows are changed below
        String own = "verify_" + Long.toHexString(System.nanoTime());
        String sample = TestDatabase.sampleSchema();
        TestDatabase.sql("CREATE SCHEMA " + own);
        try {
            for (String t : new String[] {"流域治理单元", "dltb", "yjjbnttb", "hx_2023", "xmxz", "dxzb"}) {
                TestDatabase.sql("CREATE TABLE " + own + ".\"" + t + "\" (LIKE " + sample + ".\"" + t + "\" INCLUDING ALL)",
                    "INSERT INTO " + own + ".\"" + t + "\" SELECT * FROM " + sample + ".\"" + t + "\"",
                    "COMMENT ON TABLE " + own + ".\"" + t + "\" IS " + "'" + comment(sample, t) + "'");
            }
            String address = TestDatabase.address(own);
            Path sheets = Files.createDirectories(dir.resolve("sheets"));
            assertEquals(0, run("export", address, "--out", sheets.toString(), "--csv"), err());
            Path sheet;
            try (var files = Files.list(sheets)) {
                sheet = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
            }
            assertEquals(0, run("verify", sheet.toString(), address), out());
            assertTrue(out().startsWith("一致"), out());
            TestDatabase.sql("UPDATE " + own + ".dltb SET dlmc = dlmc || '（改）' WHERE fid = 7");
            assertEquals(Cli.WARNINGS, run("verify", sheet.toString(), address));
            assertTrue(out().startsWith("不一致") && out().contains(own + "/dltb (" + TestDatabase.count(own, "dltb") + ")"), out());
            assertFalse(out().contains(own + "/yjjbnttb"), "only the changed table is named: " + out());
        } finally {
            TestDatabase.sql("DROP SCHEMA " + own + " CASCADE");
        }
    }

    private static String comment(String schema, String table) throws java.sql.SQLException {
        try (var c = TestDatabase.connect(); var ps = c.prepareStatement("SELECT coalesce(obj_description(?::regclass, 'pg_class'), '')")) {
            ps.setString(1, schema + ".\"" + table + "\"");
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1).replace("'", "''");
            }
        }
    }

    @Test
    void theAtlasPrintsFromTheDatabase() throws IOException {
        Path pdf = dir.resolve("atlas.pdf");
        assertEquals(0, run("print", db, "--out", pdf.toString()), err());
        assertTrue(out().contains("涢水片区") && out().contains("㵐水片区"), out());
        assertTrue(Files.size(pdf) > 10_000);
    }

    @Test
    void wrongHostPortPasswordDatabaseOrSchemaIsOneLineSayingWhatToDo() {
        TestDatabase.require();
        var s = TestDatabase.SERVER;
        String user = s.user();
        assertRefused(run("check", "postgresql://" + user + "@no-such-host.invalid:5432/" + s.database()), "no-such-host.invalid", "主机名");
        assertRefused(run("check", "postgresql://" + user + "@" + s.host() + ":1/" + s.database()), "端口", "5432");
        assertRefused(run("check", "postgresql://" + user + "@" + TestDatabase.WRONG_PASSWORD_HOST + ":" + s.port() + "/" + s.database()),
            "密码不对", ".pgpass");
        assertRefused(run("check", "postgresql://nobody_known@" + s.host() + ":" + s.port() + "/" + s.database()), "PGPASSWORD", "~/.pgpass");
        assertRefused(run("check", "postgresql://" + user + "@" + s.host() + ":" + s.port() + "/no_such_database"), "no_such_database", "数据库名");
        assertRefused(run("check", db.replaceFirst("schema=.*", "schema=no_such_schema")), "no_such_schema", TestDatabase.sampleSchema());
        assertRefused(run("check", "postgresql://" + user + ":" + TestDatabase.PASSWORD + "@" + s.host() + "/" + s.database()), "PGPASSWORD", "~/.pgpass");
        assertFalse(err().contains(TestDatabase.PASSWORD), "a password typed into an address is not repeated: " + err());
        Messages.setLocale(Messages.ENGLISH);
        assertRefused(run("check", "postgresql://" + user + "@" + s.host() + ":" + s.port() + "/no_such_database"), "no_such_database", "database name");
    }

    private void assertRefused(int exit, String... said) {
        assertEquals(Cli.BAD_INPUT, exit, err());
        String e = err().strip();
        assertEquals(1, e.lines().count(), e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), e);
        for (String s : said) {
            assertTrue(e.contains(s), "'" + s + "' in: " + e);
        }
    }

    /** The summary without the line that names the JSON file and without the layers' sources. */
    static String body(String text) {
        return text.lines().filter(l -> !l.contains(".json"))
            .map(l -> l.replaceAll("\\S+\\.gpkg / ", "").replaceAll("basinguard_test/\\S+ / ", ""))
            .map(l -> l.toLowerCase(java.util.Locale.ROOT)) // GDAL writes table names in lower case
            .reduce("", (a, b) -> a + b + "\n");
    }
}
