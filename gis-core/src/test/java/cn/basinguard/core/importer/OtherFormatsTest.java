package cn.basinguard.core.importer;

import static cn.basinguard.core.importer.CoordinateTxtReaderTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class OtherFormatsTest {
    private static Locale before;

    @BeforeAll
    static void english() {
        before = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(before);
    }

    @Test
    void geoJsonPolygonsWithHolesAndParts() throws Exception {
        ImportedSites s = SiteImporter.read(resource("sites.geojson"));
        assertEquals(4326, s.crs().epsg());
        assertEquals(2, s.sites().size());
        assertEquals(1, s.problems().size(), s.problems().toString());
        assertEquals(3, s.problems().get(0).location());
        ImportedSite a = s.sites().get(0);
        assertEquals("银杏谷游客中心", a.name());
        assertEquals("G1", a.id());
        assertEquals(15.5, a.attributes().get("面积亩"));
        Polygon p = (Polygon) a.geometry();
        assertEquals(1, p.getNumInteriorRing());
        assertEquals(0.01 * 0.01 - 0.003 * 0.003, p.getArea(), 1e-12);
        assertEquals(new Coordinate(113.30, 31.80), p.getCoordinates()[0]);
        assertEquals(2, s.sites().get(1).geometry().getNumGeometries());
        assertTrue(s.sites().get(1).attributes().containsKey("面积亩"));
    }

    @Test
    void legacyCrsMember() throws Exception {
        ImportedSites known = SiteImporter.read(resource("legacy-crs-known.geojson"));
        assertEquals(4526, known.crs().epsg());
        assertTrue(known.problems().get(0).message().contains("legacy crs member"));
        ImportedSites unknown = SiteImporter.read(resource("legacy-crs-unknown.geojson"));
        assertNull(unknown.crs());
        assertEquals(1, unknown.sites().size());
        assertTrue(unknown.problems().get(0).message().contains("--sites-crs"));
    }

    @Test
    void kmlPlacemarks() throws Exception {
        ImportedSites s = SiteImporter.read(resource("sites.kml"));
        assertEquals(4326, s.crs().epsg());
        assertEquals(List.of("白云湖码头", "两河口泵站"), s.sites().stream().map(ImportedSite::name).toList());
        assertEquals("K1", s.sites().get(0).id());
        assertEquals("淅河镇", s.sites().get(0).attributes().get("乡镇"));
        assertEquals(0.01 * 0.01 - 0.003 * 0.003, s.sites().get(0).geometry().getArea(), 1e-12);
        assertTrue(s.sites().get(1).geometry() instanceof MultiPolygon);
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).message().contains("观测点"));
    }

    @Test
    void kmlWithExternalEntityIsRefused() throws Exception {
        ImportedSites s = SiteImporter.read(resource("xxe.kml"));
        assertEquals(List.of(), s.sites());
        assertEquals(1, s.problems().size());
        assertTrue(!s.problems().get(0).message().contains("root:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sites-utf8.shp", "sites-gbk.shp"})
    void shapefileRingsAttributesAndEsriPrj(String file) throws Exception {
        ImportedSites s = SiteImporter.read(resource(file));
        assertEquals(List.of(), s.problems());
        assertEquals(4547, s.crs().epsg());
        assertEquals(2, s.sites().size());
        ImportedSite a = s.sites().get(0);
        assertEquals("白果河泵站", a.name());
        assertEquals(37500.0, a.attributes().get("YDMJ"));
        assertEquals(1L, a.attributes().get("BH"));
        assertEquals(1, ((Polygon) a.geometry()).getNumInteriorRing());
        assertEquals(37_500, a.geometry().getArea(), 1e-6);
        MultiPolygon b = (MultiPolygon) s.sites().get(1).geometry();
        assertEquals(2, b.getNumGeometries());
        assertEquals(20_000, b.getArea(), 1e-6);
        assertEquals("清水河堤防", s.sites().get(1).name());
    }

    @Test
    void shapefileMissingPartsAndTruncation() throws Exception {
        ImportedSites noDbf = SiteImporter.read(resource("sites-nodbf.shp"));
        assertEquals(2, noDbf.sites().size());
        assertEquals("1", noDbf.sites().get(0).name());
        assertTrue(noDbf.problems().get(0).message().contains(".dbf"));
        ImportedSites noPrj = SiteImporter.read(resource("sites-noprj.shp"));
        assertNull(noPrj.crs());
        assertEquals(2, noPrj.sites().size());
        assertTrue(noPrj.problems().get(0).message().contains(".prj"));
        ImportedSites cut = SiteImporter.read(resource("sites-truncated.shp"));
        assertEquals(1, cut.sites().size());
        assertEquals(2, cut.problems().get(0).location());
        assertTrue(cut.problems().get(0).message().contains("truncated"));
    }

    @Test
    void naturalEarthCorpus() {
        Path shp = Path.of("/work/shared/corpus/shapefile/pyogrio-naturalearth/naturalearth_lowres.shp");
        assumeTrue(Files.isRegularFile(shp));
        ImportedSites s = SiteImporter.read(shp);
        assertEquals(177, s.sites().size(), s.problems().toString());
        assertEquals(4326, s.crs().epsg());
        assertTrue(s.sites().stream().allMatch(x -> x.geometry().isValid()));
    }

    @Test
    void unknownExtensionSaysWhatIsSupported() throws Exception {
        Path f = Files.createTempFile("sites", ".dwg");
        try {
            GisException e = assertThrows(GisException.class, () -> SiteImporter.read(f));
            assertEquals("import.unsupported", e.key());
        } finally {
            Files.delete(f);
        }
    }
}
