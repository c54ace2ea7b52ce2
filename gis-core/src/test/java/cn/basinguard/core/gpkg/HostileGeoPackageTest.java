package cn.basinguard.core.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/**
 * One hand-made input per defect class the fuzzing of issue 17 found in GeoPackage reading: each is refused with the
 * program's own message for that feature (or read with a warning), and never exhausts the heap or the stack.
 */
class HostileGeoPackageTest {
    private final GeometryBlobDecoder decoder = new GeometryBlobDecoder(Geometries.FACTORY);

    @TempDir
    Path dir;

    /** A GeoPackage geometry header (little-endian srs_id 4547, no envelope) before {@code wkb}. */
    static byte[] blob(byte[] wkb) {
        return ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN)
            .put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(4547).put(wkb).array();
    }

    static ByteBuffer wkb(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void aCountBeyondTheBytesIsRefusedBeforeAnythingIsAllocated() {
        // 49 bytes claiming 2^30 points: JTS would ask for 16 GB
        ByteBuffer b = wkb(41).put((byte) 1).putInt(2).putInt(1 << 30).putDouble(1).putDouble(2).putDouble(3).putDouble(4);
        byte[] blob = blob(b.array());
        assertEquals(49, blob.length);
        BlobException e = assertThrows(BlobException.class, () -> decoder.decode(blob));
        assertEquals("gpkg.blob.count", e.key());
        // and the same for rings of a polygon and parts of a multipolygon
        assertEquals("gpkg.blob.count", assertThrows(BlobException.class,
            () -> decoder.decode(blob(wkb(9).put((byte) 1).putInt(3).putInt(Integer.MAX_VALUE).array()))).key());
        assertEquals("gpkg.blob.count", assertThrows(BlobException.class,
            () -> decoder.decode(blob(wkb(9).put((byte) 1).putInt(6).putInt(-1).array()))).key());
    }

    @Test
    void nestedCollectionsAndCurvesStopAtTheDepthLimit() {
        for (int leaf : new int[] {1, 8}) { // a point through JTS, a circular string through CurveWkbReader
            int depth = 100_000;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < depth; i++) {
                out.writeBytes(wkb(9).put((byte) 1).putInt(7).putInt(1).array());
            }
            out.writeBytes(leaf == 1 ? wkb(21).put((byte) 1).putInt(1).putDouble(1).putDouble(2).array()
                : wkb(9).put((byte) 1).putInt(8).putInt(0).array());
            BlobException e = assertThrows(BlobException.class, () -> decoder.decode(blob(out.toByteArray())));
            assertEquals("gpkg.blob.tooDeep", e.key());
        }
    }

    @Test
    void nanAndAbsurdCoordinatesAreRefused() {
        byte[] nan = blob(wkb(21).put((byte) 1).putInt(1).putDouble(Double.NaN).putDouble(3.5e6).array());
        assertEquals("gpkg.blob.nonFinite", assertThrows(BlobException.class, () -> decoder.decode(nan)).key());
        byte[] far = blob(wkb(41).put((byte) 1).putInt(2).putInt(2).putDouble(4e5).putDouble(3.5e6).putDouble(4e5).putDouble(3.5e21).array());
        assertEquals("gpkg.blob.absurdCoordinate", assertThrows(BlobException.class, () -> decoder.decode(far)).key());
    }

    @Test
    void anEmptyPointStaysReadable() throws Exception {
        // GeoPackage writes an empty point as NaN, NaN: that is not a bad coordinate
        Geometry g = decoder.decode(blob(wkb(21).put((byte) 1).putInt(1).putDouble(Double.NaN).putDouble(Double.NaN).array()));
        assertTrue(g.isEmpty() || Double.isNaN(g.getCoordinate().x));
    }

    @Test
    void anUnclosedRingIsClosedAndSaidAShortOneIsRefused() throws Exception {
        double[][] open = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
        ByteBuffer b = wkb(9 + 4 + 16 * open.length).put((byte) 1).putInt(3).putInt(1).putInt(open.length);
        for (double[] p : open) {
            b.putDouble(p[0]).putDouble(p[1]);
        }
        Geometry g = decoder.decode(blob(b.array()));
        assertTrue(decoder.lastHadUnclosedRing());
        assertEquals(100, g.getArea(), 1e-9);
        ByteBuffer shortRing = wkb(9 + 4 + 32).put((byte) 1).putInt(3).putInt(1).putInt(2).putDouble(0).putDouble(0).putDouble(1).putDouble(1);
        assertEquals("gpkg.blob.shortRing", assertThrows(BlobException.class, () -> decoder.decode(blob(shortRing.array()))).key());
    }

    @Test
    void theUnclosedRingIsAWarningAndTheRestOfTheLayerLoads() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("rings.gpkg"), "patches", 3);
        TestGpkg.dropTriggers(p);
        ByteBuffer b = wkb(9 + 4 + 16 * 4).put((byte) 1).putInt(3).putInt(1).putInt(4)
            .putDouble(440000).putDouble(3500000).putDouble(440050).putDouble(3500000).putDouble(440050).putDouble(3500050)
            .putDouble(440000).putDouble(3500050);
        TestGpkg.sql(p, "UPDATE patches SET geom = ? WHERE fid = 2", (Object) blob(b.array()));
        List<ReadProblem> problems = new ArrayList<>();
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            assertEquals(3, s.readAll("patches", problems::add).size());
        }
        assertEquals(1, problems.size());
        assertEquals(ReadProblem.Kind.RING_CLOSED, problems.get(0).kind());
        assertEquals(2, problems.get(0).fid());
    }

    @Test
    void textInTheContentsSrsIdIsNoClassCastException() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("srs-text.gpkg"), "patches", 2);
        TestGpkg.sql(p, "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('notes', 'attributes', 'notes', 'abc')");
        TestGpkg.sql(p, "CREATE TABLE notes (id INTEGER PRIMARY KEY, t TEXT)");
        TestGpkg.sql(p, "UPDATE gpkg_geometry_columns SET srs_id = 'EPSG:4547'");
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            LayerInfo patches = s.layer("patches");
            assertNull(patches.srs(), "an srs_id that is no integer gives no CRS");
            assertNotNull(patches.note());
            assertTrue(patches.note().contains("EPSG:4547"), patches.note());
            assertEquals(2, s.readAll("patches", x -> { }).size());
            assertTrue(s.layer("notes").isSupported());
        }
    }

    @Test
    void aSitesLayerOfNullGeometriesHasNoSiteToCheck() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("null-sites.gpkg"), "sites", 2);
        TestGpkg.dropTriggers(p);
        TestGpkg.sql(p, "UPDATE sites SET geom = NULL");
        cn.basinguard.core.GisException e = assertThrows(cn.basinguard.core.GisException.class,
            () -> cn.basinguard.core.check.DatasetLoader.load(List.of(p), java.util.Map.of()));
        assertEquals("check.noSites", e.key());
    }

    @Test
    void gdalsEmptyPlaceholderTableIsNoLayer() throws Exception {
        Path p = TestGpkg.squares(dir.resolve("raster.gpkg"), "patches", 1);
        TestGpkg.sql(p, "CREATE TABLE ogr_empty_table (fid INTEGER PRIMARY KEY, geom GEOMETRY)");
        TestGpkg.sql(p, "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('ogr_empty_table', 'features', 'ogr_empty_table', 0)");
        TestGpkg.sql(p, "INSERT INTO gpkg_geometry_columns VALUES ('ogr_empty_table', 'geom', 'GEOMETRY', 0, 0, 0)");
        try (GeoPackageSource s = GeoPackageSource.open(p)) {
            assertEquals(List.of("patches"), s.layers().stream().map(LayerInfo::name).toList());
        }
    }

    @Test
    void blobMessagesAreTheProgramsOwnNeverJtsText() {
        byte[] lineOfOnePoint = blob(wkb(25).put((byte) 1).putInt(2).putInt(1).putDouble(1).putDouble(2).array());
        BlobException e = assertThrows(BlobException.class, () -> decoder.decode(lineOfOnePoint));
        assertFalse(e.getMessage().contains("Invalid number of points"), e.getMessage());
        assertEquals("gpkg.blob.shortLine", e.key());
    }
}
