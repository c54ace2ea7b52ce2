package cn.basinguard.app.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.SourceCatalog;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.source.RowFilter;
import cn.basinguard.core.source.pg.PostGisSource;
import cn.basinguard.data.SampleData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The PostGIS source against a real server holding the Zengdu sample as ogr2ogr loaded it: what it lists, that it
 * reads the very features of the GeoPackage, that a read by area fetches only what the index picks, and what it says
 * of layers that stand in the way and of a connection that is cut in the middle of a read.
 */
public class PostGisSourceTest {
    static String schema;

    @BeforeAll
    static void server() {
        schema = TestDatabase.sampleSchema();
    }

    private static PostGisSource open(String s) {
        return PostGisSource.open(TestDatabase.address(s), SourceOptions.DEFAULT);
    }

    @Test
    void layersComeFromGeometryColumnsWithTheirCommentsKeysAndCrs() {
        try (PostGisSource src = open(schema); GeoPackageSource gpkg = GeoPackageSource.open(SampleData.zengduSample())) {
            assertEquals("PostGIS", src.format());
            assertFalse(src.location().contains(TestDatabase.PASSWORD));
            LayerInfo units = src.layer("流域治理单元");
            assertEquals(LayerInfo.Kind.FEATURES, units.kind());
            assertEquals("流域治理单元（三级流域片区）", units.identifier());
            assertEquals("MULTIPOLYGON", units.geometryType());
            assertEquals(4526, units.srs().crs().epsg());
            assertTrue(units.hasSpatialIndex());
            assertEquals("fid", units.primaryKey());
            assertTrue(units.fields().stream().anyMatch(f -> f.name().equals("单元名称") && f.type().equals("character varying(20)")), units.fields().toString());
            assertEquals(4490, src.layer("jcdm").srs().crs().epsg());
            assertEquals(4547, src.layer("xmxz").srs().crs().epsg());
            assertEquals(LayerInfo.Kind.ATTRIBUTES, src.layer("dxzb").kind());
            assertTrue(src.layers().stream().noneMatch(l -> l.name().equals("layer_styles") || l.name().equals("spatial_ref_sys")));
            List<String> tables = List.of("LYZLDY:流域治理单元", "DLTB:dltb", "YJJBNTTB:yjjbnttb", "STBHHX:hx_2023", "SKSM:sksm", "JCDM:jcdm",
                    "XMXZ:xmxz", "DXZB:dxzb");
            // opened, the counts are the planner's estimates (no table is scanned); counted, they are exact
            for (String t : tables) {
                String[] names = t.split(":");
                long rows = gpkg.layer(names[0]).featureCount();
                long estimate = src.layer(names[1]).featureCount();
                assertTrue(estimate >= 0 && Math.abs(estimate - rows) <= Math.max(100, rows / 2), t + ": estimate " + estimate + " for " + rows);
            }
            src.countRows();
            for (String t : tables) {
                String[] names = t.split(":");
                assertEquals(gpkg.layer(names[0]).featureCount(), src.layer(names[1]).featureCount(), t);
            }
            assertTrue(src.warnings().isEmpty(), src.warnings().toString());
            assertTrue(src.saysDemonstration());
            // the red line's table name says nothing: its comment does
            SourceCatalog catalog = SourceCatalog.of(List.of(src), Map.of());
            assertEquals("hx_2023", catalog.role(LayerRole.ECO_REDLINE).info().name());
            assertEquals("流域治理单元", catalog.role(LayerRole.UNITS).info().name());
            assertEquals("dxzb", catalog.targets().info().name());
            assertEquals(1, src.styles().size());
            assertEquals("流域治理单元", src.styles().get(0).table());
        }
    }

    @Test
    void theFeaturesAreThoseOfTheGeoPackage() {
        try (PostGisSource src = open(schema); GeoPackageSource gpkg = GeoPackageSource.open(SampleData.zengduSample())) {
            for (String t : List.of("LYZLDY:流域治理单元", "DLTB:dltb", "STBHHX:hx_2023", "JCDM:jcdm", "XMXZ:xmxz")) {
                String[] names = t.split(":");
                List<Feature> expected = gpkg.readAll(names[0], p -> { });
                List<Feature> actual = new ArrayList<>();
                src.read(names[1], null, null, actual::add, p -> { });
                assertEquals(expected.size(), actual.size(), t);
                for (int i = 0; i < expected.size(); i++) {
                    Feature e = expected.get(i);
                    Feature a = actual.get(i);
                    assertEquals(e.fid(), a.fid(), t + " in key order");
                    assertTrue(e.geometry().equalsExact(a.geometry()), t + " #" + e.fid() + " same coordinates");
                    assertEquals(e.attributes().size(), a.attributes().size(), t);
                    List<Object> ev = new ArrayList<>(e.attributes().values());
                    List<Object> av = new ArrayList<>(a.attributes().values());
                    for (int k = 0; k < ev.size(); k++) {
                        Object x = ev.get(k);
                        Object y = av.get(k);
                        if (x instanceof Number nx && y instanceof Number ny) {
                            assertEquals(nx.doubleValue(), ny.doubleValue(), 0.0, t + " #" + e.fid());
                        } else {
                            assertEquals(x, y, t + " #" + e.fid());
                        }
                    }
                }
            }
            Feature one = src.feature("dltb", 538);
            assertNotNull(one);
            assertEquals(gpkg.feature("DLTB", 538).attributes().get("BSM"), one.attributes().get("bsm"));
        }
    }

    @Test
    void aReadByAreaFetchesOnlyTheRowsTheServerPicksByItsIndex() throws SQLException {
        Envelope box = new Envelope(38430000, 38440000, 3510000, 3525000);
        long server = count("SELECT count(*) FROM " + schema + ".dltb WHERE geom && ST_MakeEnvelope(38430000, 3510000, 38440000, 3525000, 4526)");
        long total = count("SELECT count(*) FROM " + schema + ".dltb");
        try (PostGisSource src = open(schema)) {
            long before = src.rowsFetched();
            List<Feature> got = new ArrayList<>();
            src.read("dltb", box, List.of("bsm"), got::add, p -> { });
            assertEquals(server, src.rowsFetched() - before, "every row fetched is one the && box picked");
            assertEquals(server, got.size());
            assertTrue(server > 0 && server < total / 2, server + " of " + total);
            assertTrue(got.stream().allMatch(f -> f.geometry().getEnvelopeInternal().intersects(box)));
        }
        // the query a read by area sends can use the GiST index (the planner may still scan a table this small)
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT fid, ST_AsBinary(geom) FROM " + schema + ".dltb WHERE geom && "
                    + "ST_MakeEnvelope(38430000, 3510000, 38440000, 3525000, 4526) ORDER BY fid")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("dltb_geom_geom_idx"), plan.toString());
        }
    }

    @Test
    void aReadByOutlineAndBoxesSendsEachRowThatMeetsThemOnce() throws SQLException {
        try (PostGisSource src = open(schema)) {
            List<Feature> unit = new ArrayList<>();
            src.read("流域治理单元", null, null, f -> {
                if ("㵐水片区".equals(f.attributes().get("单元名称"))) {
                    unit.add(f);
                }
            }, p -> { });
            assertEquals(1, unit.size());
            Envelope box = unit.get(0).geometry().getEnvelopeInternal();
            String unitSql = "(SELECT geom FROM " + schema + ".\"流域治理单元\" WHERE \"单元名称\" = '㵐水片区')";
            String boxSql = String.format(Locale.ROOT, "ST_MakeEnvelope(%s, %s, %s, %s, 4526)", box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
            long inBox = count("SELECT count(*) FROM " + schema + ".dltb WHERE geom && " + boxSql);
            long meeting = count("SELECT count(*) FROM " + schema + ".dltb WHERE ST_Intersects(geom, " + unitSql + ")");
            long before = src.rowsFetched();
            List<Feature> got = new ArrayList<>();
            src.readMeeting("dltb", List.of(box), unit.get(0).geometry(), List.of("bsm"), got::add, p -> { });
            // the server tests the outline: what meets only the box never leaves it
            assertEquals(meeting, src.rowsFetched() - before);
            assertEquals(meeting, got.size());
            assertTrue(meeting < inBox, meeting + " of " + inBox);
            // two boxes that overlap: a row both meet is sent once
            Envelope left = new Envelope(box.getMinX(), box.centre().x + 500, box.getMinY(), box.getMaxY());
            Envelope right = new Envelope(box.centre().x - 500, box.getMaxX(), box.getMinY(), box.getMaxY());
            long either = count(String.format(Locale.ROOT, "SELECT count(*) FROM %s.dltb WHERE geom && ST_MakeEnvelope(%s, %s, %s, %s, 4526)"
                    + " OR geom && ST_MakeEnvelope(%s, %s, %s, %s, 4526)", schema, left.getMinX(), left.getMinY(), left.getMaxX(), left.getMaxY(),
                    right.getMinX(), right.getMinY(), right.getMaxX(), right.getMaxY()));
            before = src.rowsFetched();
            List<Long> fids = new ArrayList<>();
            src.readMeeting("dltb", List.of(left, right), null, List.of("bsm"), f -> fids.add(f.fid()), p -> { });
            assertEquals(either, src.rowsFetched() - before);
            assertEquals(either, fids.stream().distinct().count());
            assertEquals(inBox, either);
        }
    }

    @Test
    void aFilteredReadLeavesTheOtherLandClassesOnTheServer() throws SQLException {
        try (PostGisSource src = open(schema)) {
            Envelope all = new Envelope(-1e9, 1e9, -1e9, 1e9);
            RowFilter cultivated = new RowFilter("dlbm", "01", true);
            for (RowFilter filter : List.of(cultivated, cultivated.negate())) {
                List<Long> java = new ArrayList<>();
                src.readMeeting("dltb", List.of(all), null, List.of("dlbm"), f -> {
                    if (filter.test(f)) {
                        java.add(f.fid());
                    }
                }, p -> { });
                long before = src.rowsFetched();
                List<Long> sql = new ArrayList<>();
                src.readMeeting("dltb", List.of(all), null, List.of("dlbm"), filter, f -> sql.add(f.fid()), p -> { });
                assertEquals(java, sql, "the rows the rule keeps, in key order");
                // the server sent only those: the other classes never left it
                assertEquals(sql.size(), src.rowsFetched() - before);
            }
            long rows = TestDatabase.count(schema, "dltb");
            long kept = count("SELECT count(*) FROM " + schema + ".dltb WHERE dlbm LIKE '01%'");
            assertTrue(kept > 0 && kept < rows, kept + " of " + rows);
        }
    }

    @Test
    void aCheckOfOneUnitReadsOnlyWhatMeetsThatUnit() throws SQLException {
        long big = 0;
        for (String t : List.of("dltb", "yjjbnttb", "hx_2023")) {
            big += count("SELECT count(*) FROM " + schema + ".\"" + t + "\"");
        }
        // the DLTB serves as cultivated land (its 01xx rows, read everywhere) and as land use (its other classes, read
        // around the sites only)
        long everywhere = big - count("SELECT count(*) FROM " + schema + ".dltb WHERE dlbm NOT LIKE '01%'");
        long small = 0;
        for (String t : List.of("流域治理单元", "sksm", "jcdm", "xmxz", "dxzb")) {
            small += count("SELECT count(*) FROM " + schema + ".\"" + t + "\"");
        }
        long whole;
        try (PostGisSource src = open(schema)) {
            long before = src.rowsFetched();
            check(DatasetLoader.fromSources(List.of(src), Map.of()).input());
            whole = src.rowsFetched() - before;
        }
        assertTrue(whole >= everywhere, "the whole district's check reads every patch it sums at least once: " + whole + " of " + everywhere);
        assertTrue(whole < big, "and not the other land classes away from the sites: " + whole + " of " + big);
        for (String unit : List.of("涢水片区", "㵐水片区")) {
            try (PostGisSource src = open(schema)) {
                long before = src.rowsFetched();
                DatasetLoader.Loaded loaded = DatasetLoader.fromSources(List.of(src), Map.of(), unit);
                check(loaded.input());
                long fetched = src.rowsFetched() - before;
                // every big layer is read tile by tile inside the unit's box: what lies outside it never leaves the server
                Envelope e = loaded.input().layer(LayerRole.UNITS).features().get(0).geometry().getEnvelopeInternal();
                long outside = 0;
                for (String t : List.of("dltb", "yjjbnttb", "hx_2023")) {
                    outside += count(String.format(Locale.ROOT, "SELECT count(*) FROM %s.%s WHERE NOT geom && ST_MakeEnvelope(%f, %f, %f, %f, 4526)",
                        schema, t, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
                }
                long inside = big - outside;
                assertTrue(outside > 0);
                // a patch on the line between two of the check's tiles is read by both: a few percent more at most
                assertTrue(fetched < whole && fetched <= inside * 1.1 + small, unit + ": " + fetched + " rows fetched, " + inside
                    + " patches meet the unit's box, the whole district's check fetched " + whole);
            }
        }
    }

    private static void check(cn.basinguard.core.check.CheckInput input) {
        new cn.basinguard.core.check.CheckEngine(cn.basinguard.core.check.CheckParameters.DEFAULT).run(input, cn.basinguard.core.check.Progress.NONE);
    }

    @Test
    void aConnectionCutInTheMiddleOfAReadIsSaidAndTheNextReadConnectsAgain() {
        try (PostGisSource src = open(schema)) {
            int pid = src.serverProcess();
            long[] seen = new long[1];
            GisException e = assertThrows(GisException.class, () -> src.read("dltb", null, null, f -> {
                if (seen[0]++ == 0) {
                    terminate(pid);
                }
            }, p -> { }));
            assertEquals("pg.connectionLost", e.key());
            assertTrue(e.getMessage().contains("dltb") && e.getMessage().contains("重试") && !e.getMessage().contains("\n"), e.getMessage());
            long rows = TestDatabase.count(schema, "dltb");
            assertTrue(seen[0] < rows, "the read stopped where the connection was cut: " + seen[0]);
            List<Feature> again = new ArrayList<>();
            src.read("dltb", null, List.of(), again::add, p -> { });
            assertEquals(rows, again.size());
            assertTrue(src.serverProcess() != pid);
        }
    }

    @Test
    void layersThatStandInTheWayAreSaidWithWhatToDo() {
        String awkward = TestDatabase.awkwardSchema();
        try (PostGisSource src = open(awkward)) {
            String warnings = String.join("\n", src.warnings());
            LayerInfo noIndex = src.layer("无索引水库");
            assertFalse(noIndex.hasSpatialIndex());
            assertTrue(noIndex.note().contains("CREATE INDEX ON \"" + awkward + "\".\"无索引水库\" USING GIST (\"geom\")"), noIndex.note());
            LayerInfo srid0 = src.layer("srid0");
            assertTrue(srid0.srs().undefined());
            assertNull(srid0.srs().crs());
            assertTrue(srid0.note().contains("UpdateGeometrySRID('" + awkward + "', 'srid0', 'geom', 4526)"), srid0.note());
            LayerInfo view = src.layer("水库视图");
            assertNull(view.primaryKey());
            assertEquals("水库（视图）", view.identifier());
            assertEquals(4526, view.srs().crs().epsg(), "a view keeps its table's SRID");
            assertTrue(view.note().contains("没有主键"), view.note());
            assertTrue(warnings.contains(noIndex.note()) && warnings.contains(srid0.note()) && warnings.contains(view.note()), warnings);
            List<Feature> rows = new ArrayList<>();
            src.read("水库视图", null, null, rows::add, p -> { });
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(i + 1, rows.get(i).fid(), "rows of a view are numbered as read");
            }
            assertNull(src.feature("水库视图", 1), "no key, nothing to look a feature up by");
            List<Feature> inBox = new ArrayList<>();
            src.read("无索引水库", new Envelope(38430000, 38440000, 3510000, 3525000), null, inBox::add, p -> { });
            assertFalse(inBox.isEmpty(), "a table without an index is still read by area (the server scans it)");
            GisException e = assertThrows(GisException.class, () -> DatasetLoader.fromSources(List.of(src), Map.of("units", "srid0")));
            assertEquals("check.undefinedCrs", e.key());
        }
    }

    /**
     * A geometry column that declares no SRID while its rows carry two: one layer per SRID, each read in its own
     * coordinate system (the CGCS2000 longitude/latitude square where it is, not at an easting of 114 m), with its own
     * rows counted, fingerprinted, read by box and outline without the server failing on mixed SRIDs, and the rows
     * without a geometry in the first layer only. A geography column beside it is said, not listed; a table holding an ArcGIS
     * geodatabase's st_geometry is said on its layer.
     */
    @Test
    void aColumnWithoutAnSridWhoseRowsCarrySeveralIsALayerPerSrid() {
        String s = "mixed_srid";
        String square = "'" + SQUARE + "'";
        freshSchema(s,
                "CREATE TABLE " + s + ".\"混合\" (fid serial PRIMARY KEY, \"名称\" text, geom geometry)",
                "INSERT INTO " + s + ".\"混合\" (\"名称\", geom) VALUES ('甲', ST_GeomFromText(" + square + ", 4526)),"
                        + " ('乙', ST_Translate(ST_GeomFromText(" + square + ", 4526), 200, 0)),"
                        + " ('丙', ST_Transform(ST_GeomFromText(" + square + ", 4526), 4490)), ('丁', NULL)",
                "CREATE INDEX ON " + s + ".\"混合\" USING GIST (geom)",
                "CREATE VIEW " + s + ".\"混合视图\" AS SELECT fid, geom FROM " + s + ".\"混合\"",
                "CREATE TABLE " + s + ".\"球面\" (fid serial PRIMARY KEY, g geography(Point, 4326))",
                // an ArcGIS geodatabase's shapes, as its type is named (sde.st_geometry; a stand-in type here)
                "CREATE TYPE " + s + ".st_geometry AS (entity int, points bytea)",
                "CREATE TABLE " + s + ".\"要素类\" (objectid int PRIMARY KEY, shape " + s + ".st_geometry)");
        try (PostGisSource src = open(s)) {
            // a view is sampled (its rows may be computed), here wholly
            assertEquals(List.of("混合[SRID=4526]", "混合[SRID=4490]", "混合视图[SRID=4526]", "混合视图[SRID=4490]", "要素类"),
                    src.layers().stream().map(LayerInfo::name).toList());
            assertTrue(src.layer("要素类").note().contains("st_geometry") && src.warnings().contains(src.layer("要素类").note()),
                    src.warnings().toString());
            LayerInfo gk = src.layer("混合[SRID=4526]");
            LayerInfo lonLat = src.layer("混合[SRID=4490]");
            assertEquals(4526, gk.srs().crs().epsg());
            assertEquals(4490, lonLat.srs().crs().epsg());
            assertTrue(String.join("\n", src.warnings()).contains("2 种坐标系"), src.warnings().toString());
            // a geography column is not a layer, and is said with what to do
            assertTrue(src.warnings().stream().anyMatch(w -> w.contains(s + ".球面") && w.contains("geography")
                    && w.contains("\"g\"::geometry AS geom FROM \"" + s + "\".\"球面\"")), src.warnings().toString());

            List<Feature> all = new ArrayList<>();
            src.read(lonLat.name(), null, null, all::add, p -> { });
            assertEquals(List.of(3L), all.stream().map(Feature::fid).toList());
            Envelope e = all.get(0).geometry().getEnvelopeInternal();
            assertTrue(e.getMinX() > 113 && e.getMaxX() < 115 && e.getMinY() > 31 && e.getMaxY() < 32, "in degrees where it is: " + e);
            all.clear();
            src.read(gk.name(), null, null, all::add, p -> { });
            assertEquals(List.of(1L, 2L, 4L), all.stream().map(Feature::fid).toList(), "the row without a geometry comes with the first");

            List<Feature> met = new ArrayList<>();
            org.locationtech.jts.geom.Geometry outline = new org.locationtech.jts.io.WKTReader().read(
                    "POLYGON((38429950 3495950,38430150 3495950,38430150 3496150,38429950 3496150,38429950 3495950))");
            src.readMeeting(gk.name(), List.of(new Envelope(38429000, 38431000, 3495000, 3497000)), outline, null, met::add, p -> { });
            assertEquals(2, met.size(), "both squares lie in the box; the outline is this program's to test");
            met.clear();
            org.locationtech.jts.geom.Geometry lonLatOutline = outline.getFactory().toGeometry(e);
            src.readMeeting(lonLat.name(), List.of(e), lonLatOutline, null, met::add, p -> { });
            assertEquals(List.of(3L), met.stream().map(Feature::fid).toList(), "no mixed-SRID failure on the server");

            List<Feature> without = new ArrayList<>();
            src.readWithoutPosition(gk.name(), null, without::add, p -> { });
            src.readWithoutPosition(lonLat.name(), null, without::add, p -> { });
            assertEquals(List.of(4L), without.stream().map(Feature::fid).toList());

            src.countRows();
            assertEquals(3, src.layer(gk.name()).featureCount());
            assertEquals(1, src.layer(lonLat.name()).featureCount());
            assertTrue(src.contents().stream().anyMatch(c -> c.name().endsWith("混合[SRID=4490] (1)")), src.contents().toString());
            assertTrue(src.contents().stream().anyMatch(c -> c.name().endsWith("混合[SRID=4526] (3)")), src.contents().toString());
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new AssertionError(e);
        } finally {
            TestDatabase.sql("DROP SCHEMA IF EXISTS " + s + " CASCADE"); // a schema of its own, left as found
        }
    }

    /** A table partitioned by township is one layer: its partitions' rows are its own, and listed too they came twice. */
    @Test
    void aPartitionedTableIsOneLayerNotOneAPartition() {
        String s = "partitioned";
        String square = "ST_GeomFromText('" + SQUARE + "', 4526)";
        freshSchema(s,
                "CREATE TABLE " + s + ".dltb (fid int, zldwdm text, geom geometry(Polygon, 4526), PRIMARY KEY (fid, zldwdm)) PARTITION BY LIST (zldwdm)",
                "CREATE TABLE " + s + ".dltb_001 PARTITION OF " + s + ".dltb FOR VALUES IN ('001')",
                "CREATE TABLE " + s + ".dltb_002 PARTITION OF " + s + ".dltb FOR VALUES IN ('002')",
                "INSERT INTO " + s + ".dltb VALUES (1, '001', " + square + "), (2, '002', " + square + "), (3, '002', " + square + ")",
                "CREATE INDEX ON " + s + ".dltb USING GIST (geom)");
        try (PostGisSource src = open(s)) {
            assertEquals(List.of("dltb"), src.layers().stream().map(LayerInfo::name).toList());
            List<Feature> rows = new ArrayList<>();
            src.read("dltb", null, null, rows::add, p -> { });
            assertEquals(3, rows.size());
        } finally {
            TestDatabase.sql("DROP SCHEMA IF EXISTS " + s + " CASCADE"); // a schema of its own, left as found
        }
    }

    /**
     * The sample read through views (what a bureau often gives a reader) checks as it does through its tables. A view
     * has no primary key; one exposing the tables' fid is numbered by it (checked unique by the server), and one
     * without any id column is read once, whole. Numbered as each read returned its rows, the site review found no
     * 三调 columns for the 耕地 patches a site occupies (the lookup by number found nothing) and a read by area could
     * give one feature another's number.
     */
    @Test
    void aCheckThroughViewsIsTheCheckThroughTheirTables() throws SQLException {
        // the sample's tables with their comments (which name their roles)
        Map<String, String> tables = new java.util.LinkedHashMap<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("SELECT relname, obj_description(oid, 'pg_class')"
                + " FROM pg_class WHERE relnamespace = ?::regnamespace AND relkind = 'r' AND relname <> 'layer_styles'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<String> sql = new ArrayList<>();
        for (String v : List.of("views_keyed", "views_keyless")) {
            sql.add("DROP SCHEMA IF EXISTS " + v + " CASCADE");
            sql.add("CREATE SCHEMA " + v);
            for (Map.Entry<String, String> t : tables.entrySet()) {
                String columns = "*";
                if (v.equals("views_keyless") && t.getKey().equals("dltb")) {
                    columns = "bsm, tbbh, dlbm, dlmc, qsxz, qsdwmc, zldwmc, tbmj, kcdlbm, kcxs, kcmj, tbdlmj, geom";
                }
                String view = v + ".\"" + t.getKey() + "\"";
                sql.add("CREATE VIEW " + view + " AS SELECT " + columns + " FROM " + schema + ".\"" + t.getKey() + "\"");
                if (t.getValue() != null) {
                    sql.add("COMMENT ON VIEW " + view + " IS '" + t.getValue().replace("'", "''") + "'");
                }
            }
        }
        TestDatabase.sql(sql.toArray(String[]::new));
        try (PostGisSource tablesSrc = open(schema); PostGisSource keyed = open("views_keyed"); PostGisSource keyless = open("views_keyless")) {
            assertEquals("fid", keyed.layer("dltb").primaryKey());
            assertTrue(keyed.layer("dltb").note().contains("fid"), keyed.layer("dltb").note());
            assertNull(keyless.layer("dltb").primaryKey());
            assertFalse(keyless.indexed("dltb"), "without a key, read once");
            cn.basinguard.core.check.CheckReport expected = check(tablesSrc);
            for (PostGisSource views : List.of(keyed, keyless)) {
                cn.basinguard.core.check.CheckReport got = check(views);
                assertEquals(figures(expected), figures(got), views.location());
                assertEquals(expected.conflictTotal(), got.conflictTotal(), views.location());
                assertEquals(expected.sites().size(), got.sites().size());
                for (int i = 0; i < expected.sites().size(); i++) {
                    assertEquals(patches(expected.sites().get(i)), patches(got.sites().get(i)), views.location() + " " + expected.sites().get(i).name());
                }
            }
        } finally {
            TestDatabase.sql("DROP SCHEMA IF EXISTS views_keyed CASCADE", "DROP SCHEMA IF EXISTS views_keyless CASCADE");
        }
    }

    private static cn.basinguard.core.check.CheckReport check(PostGisSource src) {
        return new cn.basinguard.core.check.CheckEngine(cn.basinguard.core.check.CheckParameters.DEFAULT)
                .run(DatasetLoader.fromSources(List.of(src), Map.of()).input(), cn.basinguard.core.check.Progress.NONE);
    }

    /** Each unit's name and measured areas by role. */
    private static List<String> figures(cn.basinguard.core.check.CheckReport r) {
        return r.units().stream().map(u -> u.name() + " " + u.area() + " " + new java.util.TreeMap<>(u.roleAreas())).toList();
    }

    /** A site's occupied patches by what a sheet prints of them, in one order. */
    private static List<String> patches(cn.basinguard.core.check.SiteResult site) {
        List<String> out = new ArrayList<>();
        for (cn.basinguard.core.check.OccupiedPatch p : site.patches()) {
            out.add(String.join("|", p.role().key(), String.valueOf(p.id()), String.valueOf(p.tbbh()), String.valueOf(p.dlbm()),
                    String.valueOf(p.dlmc()), String.valueOf(p.qsxz()), String.valueOf(p.qsdwmc()), String.valueOf(p.zldwmc()),
                    String.valueOf(p.tbmj()), p.area().toString()));
        }
        out.sort(null);
        return out;
    }

    /**
     * Numeric columns read as a GeoPackage written from them holds them: an 18-digit 标识码 kept as numeric(18,0) (as
     * geodatabases keep BSM) exactly, not as a double that loses its last digits; decimals as doubles.
     */
    @Test
    void numericColumnsKeepWholeNumbersExact() {
        String s = "numeric_columns";
        freshSchema(s,
                "CREATE TABLE " + s + ".t (fid serial PRIMARY KEY, bsm numeric(18,0), tbmj numeric(18,2), plain numeric, big numeric(40,0),"
                        + " geom geometry(Point, 4526))",
                "INSERT INTO " + s + ".t (bsm, tbmj, plain, big, geom) VALUES (421303200000005832, 1234.00, 421303200000005833, 1e30,"
                        + " ST_SetSRID(ST_MakePoint(38430000, 3496000), 4526)), (NULL, 0.5, 12.5, NULL, NULL)",
                "CREATE INDEX ON " + s + ".t USING GIST (geom)");
        try (PostGisSource src = open(s)) {
            List<Feature> rows = new ArrayList<>();
            src.read("t", null, null, rows::add, p -> { });
            Map<String, Object> a = rows.get(0).attributes();
            assertEquals(421303200000005832L, a.get("bsm"));
            assertEquals(1234.0, a.get("tbmj"));
            assertEquals(421303200000005833L, a.get("plain"), "a whole number in a numeric without a scale");
            assertEquals(1e30, a.get("big"));
            Map<String, Object> b = rows.get(1).attributes();
            assertNull(b.get("bsm"));
            assertEquals(0.5, b.get("tbmj"));
            assertEquals(12.5, b.get("plain"));
        } finally {
            TestDatabase.sql("DROP SCHEMA IF EXISTS " + s + " CASCADE"); // a schema of its own, left as found
        }
    }

    /** A 100 m square in the sample's area, Gauss–Krüger zone 38 with its prefix. */
    private static final String SQUARE = "POLYGON((38430000 3496000,38430100 3496000,38430100 3496100,38430000 3496100,38430000 3496000))";

    /** A schema of the test's own, made anew, then filled by {@code statements}. */
    private static void freshSchema(String schema, String... statements) {
        List<String> all = new ArrayList<>(List.of("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema));
        all.addAll(List.of(statements));
        TestDatabase.sql(all.toArray(String[]::new));
    }

    public static long count(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Ends a server process from another connection, as an administrator (or a failing network) would. */
    public static void terminate(int pid) {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "the server ended process " + pid);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
