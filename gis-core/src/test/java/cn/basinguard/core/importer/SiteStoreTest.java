package cn.basinguard.core.importer;

import static cn.basinguard.core.importer.CoordinateTxtReaderTest.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.RoleLayer;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Coordinate;

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
