package cn.basinguard.core.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gets one clear message naming the file (and layer, feature) and never a crash. */
class BadInputTest {
    @TempDir
    Path dir;

    GisException refused(Path p) {
        return assertThrows(GisException.class, () -> {
            try (GeoPackageSource s = GeoPackageSource.open(p)) {
                for (LayerInfo l : s.layers()) {
                    if (l.isSupported()) {
                        s.readAll(l.name(), x -> { });
                    }
                }
            }
        });
    }

    @Test
    void missingFileDirectoryEmptyFileAndNonSqlite() throws Exception {
        assertEquals("gpkg.notFound", refused(dir.resolve("nope.gpkg")).key());
        assertEquals("gpkg.isDirectory", refused(dir).key());
        assertEquals("gpkg.empty", refused(Files.createFile(dir.resolve("empty.gpkg"))).key());
        Path text = Files.writeString(dir.resolve("plain.gpkg"), "项目名称,面积\n", StandardCharsets.UTF_8);
        GisException e = refused(text);
        assertEquals("gpkg.notSqlite", e.key());
        assertTrue(e.getMessage().contains("plain.gpkg"));
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @Test
    void sqliteThatIsNotAGeoPackage() throws Exception {
        Path p = dir.resolve("other.sqlite");
        TestGpkg.sql(p, "CREATE TABLE t (a INTEGER)");
        assertEquals("gpkg.notGeoPackage", refused(p).key());
    }

    @Test
    void truncatedFileIsCorrupt() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("cut.gpkg"), "patches", 3000);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        GisException e = refused(p);
        assertTrue(List.of("gpkg.corrupt", "gpkg.sqlError").contains(e.key()), e.key() + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("cut.gpkg"));
    }

    @Test
    void badBlobsAreReportedAndTheRestLoads() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("blobs.gpkg"), "patches", 5);
        TestGpkg.dropTriggers(p);
        TestGpkg.sql(p, "UPDATE patches SET geom = ? WHERE fid = 2", (Object) new byte[] {'G', 'P', 0, 1, 0, 0, 0, 0, 1, 3, 0, 0});
        TestGpkg.sql(p, "UPDATE patches SET geom = ? WHERE fid = 4", (Object) "not a geometry".getBytes(StandardCharsets.UTF_8));
        List<ReadProblem> problems = new ArrayList<>();
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            List<Feature> fs = s.readAll("patches", problems::add);
            assertEquals(3, fs.size());
        }
        assertEquals(List.of(2L, 4L), problems.stream().map(ReadProblem::fid).toList());
        assertTrue(problems.stream().allMatch(ReadProblem::skipped));
        assertTrue(problems.get(1).reason().contains("GP"), problems.get(1).reason());
    }

    @Test
    void layerNamesAreQuotedNeverPasted() throws Exception {
        String evil = "a \"b\"; DROP TABLE gpkg_contents; -- 耕地";
        Path p = TestGpkg.squares(dir.resolve("quoted.gpkg"), evil, 4);
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            LayerInfo l = s.layer(evil);
            assertEquals(4, l.featureCount());
            assertEquals(4, s.readAll(evil, x -> { }).size());
            assertEquals(2, countIn(s, evil, new org.locationtech.jts.geom.Envelope(440000, 440160, 3500000, 3500050)));
        }
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            assertEquals(1, s.layers().size(), "gpkg_contents is still there");
        }
    }

    static int countIn(GeoPackageSource s, String layer, org.locationtech.jts.geom.Envelope e) {
        int[] n = {0};
        s.read(layer, e, f -> n[0]++, x -> { });
        return n[0];
    }

    @Test
    void unknownSrsIsListedWithoutACrs() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("srs.gpkg"), "patches", 1);
        TestGpkg.sql(p, "INSERT INTO gpkg_spatial_ref_sys VALUES ('my local grid', 99999, 'LOCAL', 7, 'LOCAL_CS[\"site grid\"]', '')");
        TestGpkg.sql(p, "UPDATE gpkg_geometry_columns SET srs_id = 99999");
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            SrsInfo srs = s.layers().get(0).srs();
            assertEquals(99999, srs.srsId());
            assertNull(srs.crs());
            assertEquals("LOCAL:7", srs.code());
        }
    }

    @Test
    void unknownLayerNamesTheLayersThereAre() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("layers.gpkg"), "耕地", 1);
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            GisException e = assertThrows(GisException.class, () -> s.readAll("基本农田", x -> { }));
            assertEquals("gpkg.noSuchLayer", e.key());
            assertTrue(e.getMessage().contains("耕地"));
        }
    }

    @Test
    void bboxQueriesWorkWithAndWithoutTheIndex() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("bbox.gpkg"), "patches", 20);
        org.locationtech.jts.geom.Envelope e = new org.locationtech.jts.geom.Envelope(440260, 440720, 3500010, 3500020);
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            assertTrue(s.layer("patches").hasSpatialIndex());
            assertEquals(5, countIn(s, "patches", e));
        }
        TestGpkg.dropTriggers(p);
        TestGpkg.sql(p, "DROP TABLE rtree_patches_geom");
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            assertEquals(false, s.layer("patches").hasSpatialIndex());
            assertEquals(5, countIn(s, "patches", e));
        }
    }
    /**
     * The rows no query by area returns: NULL geometries, and (a file whose index was damaged) a real geometry the R-tree
     * lacks; read through the R-tree's id table, without decoding the rows it holds.
     */
    @Test
    void theRowsTheIndexLacksAreReadWithoutPosition() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("nopos.gpkg"), "patches", 20);
        TestGpkg.dropTriggers(p);
        TestGpkg.sql(p, "UPDATE patches SET geom = NULL WHERE fid IN (3, 17)");
        TestGpkg.sql(p, "DELETE FROM rtree_patches_geom WHERE id IN (3, 17)");
        TestGpkg.sql(p, "DELETE FROM rtree_patches_geom WHERE id = 9"); // its geometry stays in the table
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            assertTrue(s.indexed("patches"));
            List<Long> fids = new java.util.ArrayList<>();
            List<Boolean> hasGeometry = new java.util.ArrayList<>();
            s.readWithoutPosition("patches", null, f -> {
                fids.add(f.fid());
                hasGeometry.add(f.geometry() != null);
            }, problem -> { });
            assertEquals(List.of(3L, 9L, 17L), fids);
            assertEquals(List.of(false, true, false), hasGeometry);
        }
    }

    /**
     * A layer of 200,000 rows, several runs of {@link FeatureCursor#KEY_RUN} keys: runs whose every key has its R-tree
     * entry are passed by a count of the R-tree's ids, the others scanned. The rows without an entry come wherever they
     * lie — in the second run, the third, at the last key, after a gap of deleted keys — and the rows of the runs that
     * were passed never do.
     */
    @Test
    void theRowsTheIndexLacksAreFoundInEveryRunOfKeysOfABigLayer() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("big-nopos.gpkg"), "patches", 3);
        TestGpkg.dropTriggers(p);
        // copies of the first square up to key 200,000, each with its entry (as the triggers would have made them)
        TestGpkg.sql(p, "INSERT INTO patches (fid, geom, NAME) WITH RECURSIVE k(n) AS (SELECT 4 UNION ALL SELECT n + 1 FROM k WHERE n < 200000) "
                + "SELECT n, (SELECT geom FROM patches WHERE fid = 1), 'copy' FROM k");
        TestGpkg.sql(p, "INSERT INTO rtree_patches_geom SELECT fid, 440000, 440050, 3500000, 3500050 FROM patches WHERE fid > 3");
        TestGpkg.sql(p, "UPDATE patches SET geom = NULL WHERE fid IN (100000, 199999)");
        TestGpkg.sql(p, "DELETE FROM rtree_patches_geom WHERE id IN (100000, 199999, 140000, 200000)"); // 140,000 and the last keep a geometry
        TestGpkg.sql(p, "DELETE FROM patches WHERE fid BETWEEN 150000 AND 150010"); // a gap: their entries are left behind
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            List<Long> fids = new java.util.ArrayList<>();
            s.readWithoutPosition("patches", null, f -> fids.add(f.fid()), problem -> { });
            assertEquals(List.of(100000L, 140000L, 199999L, 200000L), fids);
        }
        // every key indexed: nothing to read; the first key without its entry is found too
        Path all = TestGpkg.squares(dir.resolve("all-indexed.gpkg"), "patches", 5);
        try (GeoPackageSource s = GeoPackageSource.open(all)) {
            List<Long> fids = new java.util.ArrayList<>();
            s.readWithoutPosition("patches", null, f -> fids.add(f.fid()), problem -> { });
            assertEquals(List.of(), fids);
        }
        TestGpkg.dropTriggers(all);
        TestGpkg.sql(all, "DELETE FROM rtree_patches_geom WHERE id = 1");
        try (GeoPackageSource s = GeoPackageSource.open(all)) {
            List<Long> fids = new java.util.ArrayList<>();
            s.readWithoutPosition("patches", null, f -> fids.add(f.fid()), problem -> { });
            assertEquals(List.of(1L), fids);
        }
    }
}
