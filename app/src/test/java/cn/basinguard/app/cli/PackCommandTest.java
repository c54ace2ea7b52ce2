package cn.basinguard.app.cli;

import static cn.basinguard.app.cli.BureauFolderCliTest.assertSameNumbers;
import static cn.basinguard.app.cli.BureauFolderCliTest.flatten;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.postgis.TestDatabase;
import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.pack.OfflinePack;
import cn.basinguard.core.pack.PackArea;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.source.pg.PostGisSource;
import cn.basinguard.data.SampleData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * Offline packs end to end: from the sample in PostGIS, of each unit, of a box and of a boundary, checked again on the
 * pack; validated as GeoPackages by GDAL; their counts held against the server's; the roles given when packing kept;
 * a connection cut while packing leaving nothing behind.
 */
class PackCommandTest extends CliHarness {
    static String db;
    static String schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void server() {
        schema = TestDatabase.sampleSchema();
        db = TestDatabase.address(schema);
    }

    @Test
    void aPackOfEachUnitChecksToThatUnitsFiguresOnTheDatabase() throws Exception {
        for (String unit : new String[] {"涢水片区", "㵐水片区"}) {
            Path pack = dir.resolve(unit + ".gpkg");
            assertEquals(0, run("pack", db, "--unit", unit, "--out", pack.toString()), err());
            assertTrue(out().contains("已校验") && out().contains("流域治理单元“" + unit + "”"), out());
            Path fromPack = dir.resolve(unit + "-pack.json");
            Path fromDb = dir.resolve(unit + "-db.json");
            assertEquals(0, run("check", pack.toString(), "--unit", unit, "--json", fromPack.toString()), err());
            assertTrue(err().contains("离线数据包"), "a check of a pack says it is one: " + err());
            assertEquals(0, run("check", db, "--unit", unit, "--json", fromDb.toString()), err());
            assertSameNumbers(flatten(fromDb), flatten(fromPack), 1e-9);
            validGeoPackage(pack);
            try (GeoPackageSource p = GeoPackageSource.open(pack)) {
                assertTrue(p.saysDemonstration(), "the sample's demonstration note travels with the pack");
                assertEquals("units", p.recordedRoles().get("流域治理单元"));
                assertEquals("eco_redline", p.recordedRoles().get("hx_2023"));
                assertEquals(28, p.layer("dxzb").featureCount(), "the whole targets table");
                assertEquals(1, p.styles().size(), "the units layer's QGIS style");
                assertTrue(p.packDocument().contains("\"unit\":\"" + unit + "\""));
            }
        }
    }

    @Test
    void aPackOfABoxHoldsWhatTheServerCountsInThatBox() throws Exception {
        Path pack = dir.resolve("box.gpkg");
        String box = "38425000,3505000,38440000,3525000";
        assertEquals(0, run("pack", db, "--extent", box, "--out", pack.toString()), err());
        validGeoPackage(pack);
        String envelope = "ST_MakeEnvelope(" + box + ", 4526)";
        try (GeoPackageSource p = GeoPackageSource.open(pack); Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            for (String t : List.of("流域治理单元", "dltb", "yjjbnttb", "hx_2023", "sksm", "jcdm", "xmxz")) {
                String area = "ST_Transform(" + envelope + ", ST_SRID((SELECT geom FROM " + schema + ".\"" + t + "\" LIMIT 1)))";
                long candidates = count(s, "SELECT count(*) FROM " + schema + ".\"" + t + "\" WHERE geom && " + area);
                long meeting = count(s, "SELECT count(*) FROM " + schema + ".\"" + t + "\" WHERE geom && " + area + " AND ST_Intersects(geom, " + area + ")");
                long packed = p.layer(t).featureCount();
                assertEquals(meeting, packed, t + ": the features that meet the box, whole (" + candidates + " by their boxes)");
                assertTrue(packed <= candidates);
                assertTrue(packed > 0 || t.equals("jcdm"), t);
            }
        }
        // the same box in longitude and latitude (CGCS2000) is also accepted
        Path lonLat = dir.resolve("lonlat.gpkg");
        assertEquals(0, run("pack", db, "--extent", "113.2,31.6,113.4,31.8", "--extent-crs", "EPSG:4490", "--out", lonLat.toString()), err());
        assertTrue(out().contains("EPSG:4490"), out());
    }

    @Test
    void aPackOfABoundaryFileChecksLikeTheSourcesWithinIt() throws Exception {
        Path boundary = dir.resolve("洛阳镇.geojson");
        Files.writeString(boundary, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"洛阳镇（示意）\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.15,31.75],[113.35,31.72],[113.38,31.90],[113.18,31.93],[113.15,31.75]]]}}]}");
        Path pack = dir.resolve("town.gpkg");
        assertEquals(0, run("pack", db, "--boundary", boundary.toString(), "--out", pack.toString()), err());
        assertTrue(out().contains("洛阳镇.geojson") && out().contains("已校验"), out());
        validGeoPackage(pack);
    }

    @Test
    void theRolesGivenWhenPackingAreKeptInThePack() throws Exception {
        // the sample with its red line under a name that says nothing: checking it needs --role
        Path renamed = dir.resolve("renamed.gpkg");
        Path sample = SampleData.zengduSample();
        ogr2ogr(renamed, sample, "LYZLDY", "DLTB", "YJJBNTTB", "SKSM", "JCDM", "XMXZ", "DXZB");
        ogr2ogr(renamed, sample, "STBHHX", "-nln", "layer_x", "-update");
        Path expected = dir.resolve("expected.json");
        assertEquals(0, run("check", renamed.toString(), "--role", "eco_redline=layer_x", "--json", expected.toString()), err());
        Path pack = dir.resolve("whole.gpkg");
        assertEquals(0, run("pack", renamed.toString(), "--role", "eco_redline=layer_x", "--out", pack.toString()), err());
        assertTrue(out().contains("layer_x（生态保护红线）") && out().contains("全部数据"), out());
        Path actual = dir.resolve("actual.json");
        assertEquals(0, run("check", pack.toString(), "--json", actual.toString()), err());
        assertSameNumbers(flatten(expected), flatten(actual), 1e-9);
        validGeoPackage(pack);
    }

    @Test
    void aConnectionCutWhilePackingLeavesNoPackBehind() throws IOException {
        Path pack = dir.resolve("cut.gpkg");
        try (PostGisSource src = PostGisSource.open(db, SourceOptions.DEFAULT)) {
            DataSource cutting = new CutAfter(src, "yjjbnttb", 100);
            GisException e = assertThrows(GisException.class, () -> OfflinePack.write(new OfflinePack.Request(List.of(cutting), Map.of(),
                new PackArea.Unit("涢水片区"), null, pack, SourceOptions.DEFAULT, "test"), (s, d) -> { }, () -> false));
            assertEquals("pg.connectionLost", e.key());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no pack, no hidden or temporary file");
        }
        // and on the command line: one line, exit 2, nothing written (the server is cut off by a wrong port after opening)
        assertEquals(Cli.BAD_INPUT, run("pack", db.replace(":" + TestDatabase.SERVER.port() + "/", ":1/"), "--unit", "涢水片区", "--out", pack.toString()));
        assertFalse(Files.exists(pack));
    }

    @Test
    void badAreasAreOneLine() {
        assertEquals(Cli.BAD_INPUT, run("pack", db, "--unit", "不存在片区", "--out", dir.resolve("a.gpkg").toString()));
        assertTrue(err().contains("涢水片区") && err().strip().lines().count() == 1, err());
        assertEquals(Cli.BAD_INPUT, run("pack", db, "--extent", "1,2,3", "--out", dir.resolve("a.gpkg").toString()));
        assertTrue(err().contains("XMIN,YMIN,XMAX,YMAX"), err());
        assertEquals(Cli.BAD_INPUT, run("pack", db, "--unit", "涢水片区", "--extent", "1,2,3,4", "--out", dir.resolve("a.gpkg").toString()));
        assertEquals(Cli.BAD_INPUT, run("pack", db, "--unit", "涢水片区"));
        assertTrue(err().contains("--out"), err());
    }

    /** GDAL's validator where it is installed, GDAL's reader, and SQLite's own integrity and R-tree checks. */
    static void validGeoPackage(Path pack) throws IOException, InterruptedException {
        for (String script : List.of("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
            "/usr/share/doc/python3-gdal/examples/validate_gpkg.py")) {
            if (Files.isRegularFile(Path.of(script))) {
                String said = exec("python3", script, pack.toString());
                assertFalse(said.contains("ERROR") || said.contains("Error"), said);
                break;
            }
        }
        String info = exec("ogrinfo", "-so", "-al", "-ro", pack.toString());
        assertTrue(info.contains("using driver `GPKG' successful"), info);
        try (GeoPackageSource p = GeoPackageSource.open(pack)) {
            for (LayerInfo l : p.layers()) {
                if (l.kind() == LayerInfo.Kind.FEATURES) {
                    assertTrue(info.contains("Feature Count: " + l.featureCount()), l.name() + " " + info);
                    assertTrue(l.hasSpatialIndex(), l.name());
                    assertEquals("ok", exec("sqlite3", pack.toString(), "SELECT rtreecheck('rtree_" + l.name() + "_" + l.geometryColumn() + "')").strip());
                }
            }
        }
        assertEquals("ok", exec("sqlite3", pack.toString(), "PRAGMA integrity_check").strip());
    }

    private static String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    private static void ogr2ogr(Path target, Path source, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "GPKG", target.toString(), source.toString()));
        cmd.addAll(List.of(args));
        exec(cmd.toArray(String[]::new));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A source whose server process is ended (pg_terminate_backend) after {@code after} features of one layer. */
    private static final class CutAfter implements DataSource {
        private final PostGisSource src;
        private final String layer;
        private final int after;

        CutAfter(PostGisSource src, String layer, int after) {
            this.src = src;
            this.layer = layer;
            this.after = after;
        }

        @Override
        public void read(String name, Envelope bbox, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
            if (!name.equals(layer)) {
                src.read(name, bbox, fields, sink, problems);
                return;
            }
            int pid = src.serverProcess();
            int[] n = new int[1];
            src.read(name, bbox, fields, f -> {
                if (n[0]++ == after) {
                    cn.basinguard.app.postgis.PostGisSourceTest.terminate(pid);
                }
                sink.accept(f);
            }, problems);
        }

        @Override
        public String location() {
            return src.location();
        }

        @Override
        public String label() {
            return src.label();
        }

        @Override
        public String format() {
            return src.format();
        }

        @Override
        public List<LayerInfo> layers() {
            return src.layers();
        }

        @Override
        public List<String> warnings() {
            return src.warnings();
        }

        @Override
        public cn.basinguard.core.gpkg.Feature feature(String name, long fid) {
            return src.feature(name, fid);
        }

        @Override
        public void close() {
            src.close();
        }
    }
}
