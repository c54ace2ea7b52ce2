package cn.basinguard.core.importer;

import static cn.basinguard.core.importer.CoordinateTxtReaderTest.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.RoleLayer;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.Ogrinfo;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

class SiteStoreTest {
    private static final Instant AT = Instant.parse("2026-11-29T01:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"plots-gbk.txt", "sites.geojson", "sites.kml", "sites-gbk.shp"})
    void everyFormatRoundTrips(String file) throws Exception {
        ImportedSites sites = SiteImporter.read(resource(file));
        Path gpkg = dir.resolve("work.gpkg");
        SiteStore.save(sites, sites.crs(), gpkg, "项目选址", AT);
        try (GeoPackageSource src = GeoPackageSource.open(gpkg)) {
            List<Feature> back = src.readAll("项目选址", p -> { throw new AssertionError(p.toString()); });
            assertEquals(sites.sites().size(), back.size());
            assertEquals("EPSG:" + sites.crs().epsg(), src.layer("项目选址").srs().code());
            for (int i = 0; i < back.size(); i++) {
                ImportedSite s = sites.sites().get(i);
                Feature f = back.get(i);
                assertArrayEquals(s.geometry().getCoordinates(), f.geometry().getCoordinates());
                assertTrue(s.geometry().equalsExact(f.geometry()), file + " #" + i);
                assertEquals(s.name(), f.attributes().get("XMMC"));
                assertEquals(s.id(), f.attributes().get("site_id"));
                assertEquals(file, f.attributes().get("source"));
                assertEquals("2026-11-29T01:00:00.000Z", String.valueOf(f.attributes().get("imported_at")));
                for (Map.Entry<String, Object> e : s.attributes().entrySet()) {
                    Object got = f.attributes().get(e.getKey());
                    if (e.getValue() instanceof Number n && got instanceof Number m) {
                        // GeoPackageSource gives small INTEGERs as Integer; the value is what must survive
                        assertEquals(n.doubleValue(), m.doubleValue(), 0.0, file + " " + e.getKey());
                    } else {
                        assertEquals(e.getValue(), got, file + " " + e.getKey());
                    }
                }
            }
        }
    }

    @Test
    void addsALayerButNeverOverwritesOne() throws Exception {
        ImportedSites sites = SiteImporter.read(resource("plots-utf8.txt"));
        Path gpkg = dir.resolve("work.gpkg");
        SiteStore.save(sites, sites.crs(), gpkg, "第一批", AT);
        SiteStore.save(sites, sites.crs(), gpkg, "第二批", AT);
        byte[] before = Files.readAllBytes(gpkg);
        GisException e = assertThrows(GisException.class, () -> SiteStore.save(sites, sites.crs(), gpkg, "第一批", AT));
        assertEquals("import.store.layerExists", e.key());
        assertArrayEquals(before, Files.readAllBytes(gpkg));
        try (GeoPackageSource src = GeoPackageSource.open(gpkg)) {
            assertEquals(2, src.readAll("第二批", p -> { }).size());
        }
    }

    @Test
    void refusesRedLineDataFiles() throws Exception {
        Path gpkg = dir.resolve("delivered.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "2026-01-01T00:00:00Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_ZONE38);
            w.createFeatureTable("YJJBNTTB", "YJJBNTTB", "", "geom", "MULTIPOLYGON", 4526, List.of(GpkgColumn.text("DLBM")));
            w.commit();
        }
        byte[] before = Files.readAllBytes(gpkg);
        ImportedSites sites = SiteImporter.read(resource("plots-utf8.txt"));
        GisException e = assertThrows(GisException.class, () -> SiteStore.save(sites, sites.crs(), gpkg, "sites", AT));
        assertEquals("import.store.redLineFile", e.key());
        assertArrayEquals(before, Files.readAllBytes(gpkg));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    /** A working file another program made, holding a layer that is not red-line data. */
    private Path workingFile() throws Exception {
        Path gpkg = dir.resolve("work.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "2026-01-01T00:00:00.000Z")) {
            w.createFeatureTable("水库", "水库", "", "geom", "POLYGON", 4326, List.of(GpkgColumn.text("SKMC")));
            w.insertFeature("水库", new GeometryFactory().toGeometry(new Envelope(113.3, 113.4, 31.7, 31.8)), "白云湖");
            w.commit();
        }
        return gpkg;
    }

    @Test
    void anAddedLayerIsIndexedAndItsCrsDefined() throws Exception {
        ImportedSites sites = SiteImporter.read(resource("plots-gbk.txt"));
        Path gpkg = workingFile();
        SiteStore.save(sites, sites.crs(), gpkg, "项目选址", AT);
        Envelope extent = new Envelope();
        sites.sites().forEach(s -> extent.expandToInclude(s.geometry().getEnvelopeInternal()));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*), min(minx), min(miny), max(maxx), max(maxy)"
                + " FROM \"rtree_项目选址_geom\"")) {
                assertEquals(sites.sites().size(), rs.getInt(1));
                assertEquals(extent, new Envelope(rs.getDouble(2), rs.getDouble(4), rs.getDouble(3), rs.getDouble(5)));
            }
            try (ResultSet rs = st.executeQuery("SELECT min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents"
                + " WHERE table_name = '项目选址'")) {
                assertEquals(extent, new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4)));
                assertEquals(4526, rs.getInt(5));
            }
            try (ResultSet rs = st.executeQuery("SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4526")) {
                assertNotEquals("undefined", rs.getString(1));
                assertEquals(sites.crs(), CrsRegistry.fromWkt(rs.getString(1)).orElseThrow());
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM gpkg_extensions WHERE table_name = '项目选址'"
                + " AND column_name = 'geom' AND extension_name = 'gpkg_rtree_index'")) {
                assertEquals(1, rs.getInt(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                + " AND tbl_name = '项目选址' AND name LIKE 'rtree_项目选址_geom_%'")) {
                assertEquals(6, rs.getInt(1));
            }
        }
        try (GeoPackageSource src = GeoPackageSource.open(gpkg)) {
            assertTrue(src.layer("项目选址").hasSpatialIndex());
            List<Feature> hit = new ArrayList<>();
            // the first plot only: the window's and the checks' bbox reads go through the R-tree
            src.read("项目选址", new Envelope(38441000, 38441100, 3508000, 3508100), hit::add, p -> { });
            assertEquals(List.of("白果河泵站"), hit.stream().map(f -> f.attributes().get("XMMC")).toList());
            assertEquals(1, src.readAll("水库", p -> { }).size());
        }
    }

    @Test
    void gdalReadsTheAddedLayerWithoutWarnings() throws Exception {
        ImportedSites sites = SiteImporter.read(resource("plots-gbk.txt"));
        Path gpkg = workingFile();
        SiteStore.save(sites, sites.crs(), gpkg, "项目选址", AT);
        String out = Ogrinfo.summary(gpkg.toString(), "项目选址");
        assertFalse(out.contains("Warning") || out.contains("ERROR"), out);
        assertTrue(out.contains("Feature Count: 2"), out);
        assertTrue(out.contains("CGCS2000 / 3-degree Gauss-Kruger zone 38"), out);
    }

    @Test
    void theLayerIsDeclaredPolygonWhenEverySiteIsOne() throws Exception {
        ImportedSites square = PastedCoordinates.parse(
            "J1,3508000,38441000\nJ2,3508000,38441100\nJ3,3508100,38441100\nJ4,3508100,38441000\nJ1,3508000,38441000\n", "方块");
        assertEquals("POLYGON", SiteStore.geometryType(square));
        assertEquals("GEOMETRY", SiteStore.geometryType(SiteImporter.read(resource("plots-gbk.txt"))), "a polygon and a multipolygon");
        Path gpkg = dir.resolve("square.gpkg");
        SiteStore.save(square, square.crs(), gpkg, "方块", AT);
        String out = Ogrinfo.summary(gpkg.toString(), "方块");
        assertTrue(out.contains("Geometry: Polygon"), out);
    }

    @Test
    void thePlaceholderEarlierVersionsWroteIsReplaced() throws Exception {
        Path gpkg = dir.resolve("old.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "2026-01-01T00:00:00.000Z")) {
            w.addSrs(new GpkgSrs("CGCS2000 / 3-degree Gauss-Kruger zone 38", 4526, "EPSG", 4526, "undefined", ""));
            w.commit();
        }
        ImportedSites sites = SiteImporter.read(resource("plots-gbk.txt"));
        SiteStore.save(sites, sites.crs(), gpkg, "项目选址", AT);
        try (GeoPackageSource src = GeoPackageSource.open(gpkg)) {
            assertEquals(GpkgSrs.CGCS2000_GK3_ZONE38.definition(), src.layer("项目选址").srs().definition());
        }
    }

    @Test
    void aCrsWithoutADefinitionIsRefused() throws Exception {
        ImportedSites sites = SiteImporter.read(resource("plots-gbk.txt"));
        Path gpkg = workingFile();
        byte[] before = Files.readAllBytes(gpkg);
        GisException e = assertThrows(GisException.class,
            () -> SiteStore.save(sites, CrsRegistry.fromEpsg(32650), gpkg, "项目选址", AT));
        assertEquals("import.store.crsNotWritable", e.key());
        assertArrayEquals(before, Files.readAllBytes(gpkg));
    }

    /** Delivered files name their layers with county codes, prefixes and identifiers, as the checks recognise them. */
    @ParameterizedTest
    @CsvSource({"YJJBNTTB_421303,", "曾都区生态保护红线,", "DLTB,", "layer1,永久基本农田", "GDTB,耕地图斑"})
    void refusesRedLineFilesByTheRoleRules(String table, String identifier) throws Exception {
        Path gpkg = dir.resolve("delivered.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "2026-01-01T00:00:00.000Z")) {
            w.createFeatureTable(table, identifier, "", "geom", "POLYGON", 4326, List.of());
            w.commit();
        }
        byte[] before = Files.readAllBytes(gpkg);
        ImportedSites sites = SiteImporter.read(resource("plots-utf8.txt"));
        GisException e = assertThrows(GisException.class, () -> SiteStore.save(sites, sites.crs(), gpkg, "sites", AT));
        assertEquals("import.store.redLineFile", e.key());
        assertTrue(e.getMessage(Locale.SIMPLIFIED_CHINESE).contains("工作文件"), e.getMessage(Locale.SIMPLIFIED_CHINESE));
        assertTrue(e.getMessage(Locale.ENGLISH).contains("working file"), e.getMessage(Locale.ENGLISH));
        assertArrayEquals(before, Files.readAllBytes(gpkg));
    }

    @ParameterizedTest
    @ValueSource(strings = {"水库", "SKMC_TABLE", "rtree_水库_geom"})
    void refusesALayerNameTakenInAnyCase(String name) throws Exception {
        Path gpkg = workingFile();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE skmc_table (x TEXT)"); // not registered in gpkg_contents, but there
        }
        byte[] before = Files.readAllBytes(gpkg);
        ImportedSites sites = SiteImporter.read(resource("plots-utf8.txt"));
        GisException e = assertThrows(GisException.class, () -> SiteStore.save(sites, sites.crs(), gpkg, name, AT));
        assertEquals(name.startsWith("rtree_") ? "import.store.badLayerName" : "import.store.layerExists", e.key());
        assertTrue(e.getMessage(Locale.ENGLISH).contains("Choose another layer name"), e.getMessage(Locale.ENGLISH));
        assertTrue(e.getMessage(Locale.SIMPLIFIED_CHINESE).contains("请换一个图层名"));
        assertArrayEquals(before, Files.readAllBytes(gpkg));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "gpkg_contents", "GPKG_x", "sqlite_sequence"})
    void refusesReservedLayerNamesBeforeTouchingTheFile(String name) throws Exception {
        ImportedSites sites = SiteImporter.read(resource("plots-utf8.txt"));
        Path gpkg = dir.resolve("new.gpkg");
        GisException e = assertThrows(GisException.class, () -> SiteStore.save(sites, sites.crs(), gpkg, name, AT));
        assertEquals("import.store.badLayerName", e.key());
        assertFalse(Files.exists(gpkg));
    }

    @Test
    void roleLayerForTheCheckEngine() throws Exception {
        ImportedSites sites = SiteImporter.read(resource("plots-utf8.txt"));
        RoleLayer layer = sites.toRoleLayer();
        assertEquals(LayerRole.SITES, layer.role());
        assertEquals("plots-utf8.txt", layer.source());
        assertEquals(4526, layer.crs().epsg());
        assertEquals("白果河泵站", layer.features().get(0).text("XMMC"));
        assertEquals(2, layer.features().get(1).fid());
        assertEquals(new GeometryFactory().createPoint(new Coordinate(38441000, 3508000)).getCoordinate(),
            layer.features().get(0).geometry().getCoordinates()[0]);
        assertEquals(new ArrayList<>(sites.sites()).size(), layer.features().size());
    }
}
