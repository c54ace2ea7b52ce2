package cn.basinguard.core.gpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKTReader;

class GeoPackageWriterTest {
    @TempDir
    Path dir;

    private Path writeSample() throws Exception {
        Path file = dir.resolve("t.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "2024-12-31T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_ZONE38);
            w.addSrs(GpkgSrs.CGCS2000);
            w.createFeatureTable("地块 \"A\"", "地块", "test parcels", "geom", "MULTIPOLYGON", 4526,
                    List.of(GpkgColumn.text("NAME", 20), GpkgColumn.real("AREA"), GpkgColumn.integer("N")));
            Geometry poly = new WKTReader().read(
                    "MULTIPOLYGON(((38450000 3520000, 38451000 3520000, 38451000 3521000, 38450000 3520000)))");
            w.insertFeature("地块 \"A\"", poly, "一号", poly.getArea(), 7);
            w.createFeatureTable("pts", null, null, "geom", "POINT", 4490, List.of(GpkgColumn.text("NAME")));
            w.insertFeature("pts", new GeometryFactory().createPoint(new Coordinate(113.3, 31.7)), "p");
            w.createAttributeTable("attrs", "属性", "", List.of(GpkgColumn.text("K"), GpkgColumn.text("V")));
            w.insertRow("attrs", "k", "v");
            w.addFileMetadata("https://basinguard.cn/note", "text/plain", "示意数据");
            w.commit();
        }
        return file;
    }

    @Test
    void writesAValidGeoPackage() throws Exception {
        Path file = writeSample();
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 100);
        assertEquals(GeoPackageWriter.APPLICATION_ID_GPKG, ByteBuffer.wrap(head, 68, 4).getInt());
        assertEquals(GeoPackageWriter.USER_VERSION_1_3, ByteBuffer.wrap(head, 60, 4).getInt());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                assertFalse(rs.next(), "foreign keys must hold");
            }
            try (ResultSet rs = st.executeQuery("SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id")) {
                StringBuilder ids = new StringBuilder();
                while (rs.next()) {
                    ids.append(rs.getInt(1)).append(' ');
                }
                assertEquals("-1 0 4326 4490 4526 ", ids.toString());
            }
            try (ResultSet rs = st.executeQuery("SELECT data_type, min_x, max_y FROM gpkg_contents"
                    + " WHERE table_name='地块 \"A\"'")) {
                assertTrue(rs.next());
                assertEquals("features", rs.getString(1));
                assertEquals(38450000, rs.getDouble(2));
                assertEquals(3521000, rs.getDouble(3));
            }
            try (ResultSet rs = st.executeQuery("SELECT data_type FROM gpkg_contents WHERE table_name='attrs'")) {
                assertTrue(rs.next());
                assertEquals("attributes", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM gpkg_extensions WHERE extension_name IN"
                    + " ('gpkg_rtree_index','gpkg_metadata')")) {
                rs.next();
                assertEquals(4, rs.getInt(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT id, minx, maxy FROM \"rtree_地块 \"\"A\"\"_geom\"")) {
                assertTrue(rs.next());
                assertEquals(38450000, rs.getDouble(2), 1);
            }
            try (ResultSet rs = st.executeQuery("SELECT geom, NAME FROM \"地块 \"\"A\"\"\"")) {
                assertTrue(rs.next());
                byte[] blob = rs.getBytes(1);
                assertArrayEquals("GP".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(blob, 2));
                assertEquals(0, blob[2]);
                assertEquals(0x03, blob[3]);
                ByteBuffer bb = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(4526, bb.getInt(4));
                assertEquals(38450000, bb.getDouble(8));
                Geometry g = new WKBReader().read(Arrays.copyOfRange(blob, 40, blob.length));
                assertEquals(500000, g.getArea(), 1e-6);
                assertEquals("一号", rs.getString(2));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='trigger'"
                    + " AND tbl_name='pts' AND name LIKE 'rtree_pts_geom_%'")) {
                rs.next();
                assertEquals(6, rs.getInt(1), "insert, update1-4 and delete triggers");
            }
            try (ResultSet rs = st.executeQuery("SELECT metadata FROM gpkg_metadata")) {
                assertTrue(rs.next());
                assertEquals("示意数据", rs.getString(1));
            }
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary or journal file may remain");
        }
    }

    /**
     * A bulk load indexed on commit holds the same R-tree rows as one indexed as it goes, and a WKB written as given
     * (a ring whose last point is not its first, which JTS cannot hold) keeps its bytes.
     */
    @Test
    void indexAtCommitMatchesIndexAsInsertedAndWkbIsKeptAsGiven() throws Exception {
        byte[] unclosed = java.nio.ByteBuffer.allocate(1 + 4 + 4 + 1 + 4 + 4 + 4 + 3 * 16)
                .order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).putInt(6).putInt(1).put((byte) 1).putInt(3).putInt(1)
                .putInt(3).putDouble(38450000).putDouble(3520000).putDouble(38450010).putDouble(3520000)
                .putDouble(38450010).putDouble(3520010).array();
        org.locationtech.jts.geom.Envelope unclosedEnv = new org.locationtech.jts.geom.Envelope(38450000, 38450010,
                3520000, 3520010);
        String[] rtrees = new String[2];
        int k = 0;
        for (FeatureTableWriter.SpatialIndex mode : FeatureTableWriter.SpatialIndex.values()) {
            Path file = dir.resolve(mode + ".gpkg");
            try (GeoPackageWriter w = GeoPackageWriter.create(file, "2024-12-31T00:00:00.000Z", mode)) {
                w.addSrs(GpkgSrs.CGCS2000_GK3_ZONE38);
                w.createFeatureTable("t", null, null, "geom", "MULTIPOLYGON", 4526, List.of(GpkgColumn.integer("N")));
                WKTReader wkt = new WKTReader();
                for (int i = 0; i < 50; i++) {
                    double x = 38450000 + 37.0 * i;
                    w.insertFeature("t", wkt.read("MULTIPOLYGON(((" + x + " 3520000, " + (x + 10) + " 3520000, "
                            + (x + 10) + " 3520005, " + x + " 3520000)))"), i);
                }
                w.insertFeature("t", new GeometryFactory().createMultiPolygon(), 50);
                w.insertFeatureWkb("t", unclosed, unclosedEnv, 51);
                w.commit();
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
                StringBuilder sb = new StringBuilder();
                try (ResultSet rs = st.executeQuery("SELECT id, minx, maxx, miny, maxy FROM rtree_t_geom ORDER BY id")) {
                    while (rs.next()) {
                        sb.append(rs.getLong(1)).append(':').append(rs.getDouble(2)).append(',').append(rs.getDouble(3))
                                .append(',').append(rs.getDouble(4)).append(',').append(rs.getDouble(5)).append(';');
                    }
                }
                rtrees[k++] = sb.toString();
                assertTrue(sb.toString().startsWith("1:3.845E7,"), sb.toString());
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM rtree_t_geom")) {
                    rs.next();
                    assertEquals(51, rs.getInt(1), "every non-empty geometry indexed, the empty one not");
                }
                try (ResultSet rs = st.executeQuery("SELECT geom FROM t WHERE N = 51")) {
                    rs.next();
                    byte[] blob = rs.getBytes(1);
                    assertArrayEquals(unclosed, Arrays.copyOfRange(blob, 40, blob.length));
                }
                try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1));
                }
            }
        }
        assertEquals(rtrees[0], rtrees[1]);
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws Exception {
        Path file = dir.resolve("abandoned.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "2024-12-31T00:00:00.000Z")) {
            w.createAttributeTable("a", null, null, List.of(GpkgColumn.text("x")));
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void gdalOpensItWithoutWarnings() throws Exception {
        Path file = writeSample();
        String out = Ogrinfo.summary("-al", file.toString());
        assertFalse(out.contains("Warning") || out.contains("ERROR"), out);
        assertTrue(out.contains("Feature Count: 1"), out);
    }
}
