package cn.basinguard.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.measure.EllipsoidalArea;
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

class CoordinateTxtReaderTest {
    // GK scale at easting 441 100 (58.9 km west of CM 114°E), lat 31.7°: k² ≈ 1 + y²/R² with R² = M·N ≈ 4.0557e13
    private static final double SCALE2 = 1 + 58_900.0 * 58_900.0 / 4.0557e13;
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

    static Path resource(String name) throws Exception {
        return Path.of(CoordinateTxtReaderTest.class.getResource("/importer/" + name).toURI());
    }

    static ImportedSites read(String name) throws Exception {
        return new CoordinateTxtReader().read(resource(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plots-utf8.txt", "plots-bom-crlf.txt", "plots-gbk.txt"})
    void readsPlotsWithHolesAndPartsInEveryEncoding(String file) throws Exception {
        ImportedSites s = read(file);
        assertEquals(List.of(), s.problems());
        assertEquals(4526, s.crs().epsg());
        assertEquals(2, s.sites().size());
        ImportedSite a = s.sites().get(0);
        assertEquals("白果河泵站", a.name());
        assertEquals("DK-01", a.id());
        assertEquals("0809", a.attributes().get("地类编码"));
        Polygon p = (Polygon) a.geometry();
        assertEquals(1, p.getNumInteriorRing());
        assertEquals(new Coordinate(38441000, 3508000), p.getExteriorRing().getCoordinateN(0));
        assertEquals(new Coordinate(38441200, 3508000), p.getExteriorRing().getCoordinateN(1));
        assertEquals(37_500, p.getArea(), 1e-6);
        assertEquals(37_497.0, a.declaredAreaM2(), 1e-6);
        assertEquals(37_500 / SCALE2, EllipsoidalArea.standard().area(p, s.crs()), 37_500 * 1e-5);

        ImportedSite b = s.sites().get(1);
        MultiPolygon m = (MultiPolygon) b.geometry();
        assertEquals(2, m.getNumGeometries());
        assertEquals(15_000, m.getArea(), 1e-6);
        assertEquals("其他", b.attributes().get("字段9"));
    }

    @Test
    void withoutPrefixTheZoneComesFromTheHeader() throws Exception {
        ImportedSites s = read("plots-noprefix.txt");
        assertEquals(List.of(), s.problems());
        assertEquals(4547, s.crs().epsg());
        assertEquals(new Coordinate(441000, 3508000), s.sites().get(0).geometry().getCoordinates()[0]);
    }

    @Test
    void swappedColumnsAreReadAndWarned() throws Exception {
        ImportedSites s = read("swapped.txt");
        assertEquals(1, s.problems().size(), s.problems().toString());
        assertTrue(s.problems().get(0).message().contains("swapped"));
        assertEquals(new Coordinate(38441000, 3508000), s.sites().get(0).geometry().getCoordinates()[0]);
        assertEquals(4526, s.crs().epsg());
    }

    @Test
    void chineseCommasAndZoneMismatchAreWarned() throws Exception {
        ImportedSites s = read("fullwidth-comma.txt");
        assertEquals(2, s.sites().size());
        assertEquals(4526, s.crs().epsg(), "the prefix is trusted over 带号");
        assertEquals(2, s.problems().size(), s.problems().toString());
        assertTrue(s.problems().get(0).message().contains("带号=37"));
        assertEquals(14, s.problems().get(1).location());
        assertTrue(s.problems().get(1).message().contains("Chinese commas"));
    }

    @Test
    void badInputNamesLineAndFix() throws Exception {
        ImportedSites s = read("bad.txt");
        List<String> ids = s.sites().stream().map(ImportedSite::id).toList();
        assertEquals(List.of("BAD-COUNT", "BAD-OPEN", "BAD-AREA"), ids);
        List<String> p = s.problems().stream().map(ImportProblem::toString).toList();
        assertEquals(6, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("6: Plot BAD-COUNT declares 6 points but has 5"), p.get(0));
        assertTrue(p.get(1).startsWith("16: Ring 1 of plot BAD-OPEN is not closed"), p.get(1));
        assertTrue(p.get(2).startsWith("17: Plot BAD-FEW has no usable ring"), p.get(2));
        assertTrue(p.get(3).startsWith("18: Ring 1 of plot BAD-FEW has only 2 distinct points"), p.get(3));
        assertTrue(p.get(4).startsWith("22: Plot BAD-ZONE has zone prefix 39"), p.get(4));
        assertTrue(p.get(5).startsWith("27: Plot BAD-AREA declares 2 ha"), p.get(5));
        assertEquals(5, s.sites().get(1).geometry().getNumPoints(), "the unclosed ring is closed");
    }

    @Test
    void missingDatumLeavesCrsUnknown() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("nocrs", ".txt");
        java.nio.file.Files.writeString(tmp, "[地块坐标]\n4,,A,甲,面,,,,@\n1,1,3508000,441000\n2,1,3508000,441100\n"
            + "3,1,3508100,441100\n1,1,3508000,441000\n");
        ImportedSites s = new CoordinateTxtReader().read(tmp);
        assertNull(s.crs());
        assertEquals(1, s.sites().size());
        assertTrue(s.problems().get(0).message().contains("--sites-crs"));
        java.nio.file.Files.delete(tmp);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "1980西安坐标系, 3, 38, 38441000, 2362, true",
        "1954北京坐标系, 3, 38, 441000, 2435, true",
        "CGCS2000, 6, 19, 19641000, 4497, false",
        "2000国家大地坐标系, 6, 19, 641000, 4508, false"})
    void datumWidthAndZoneGiveTheEpsgCode(String datum, int width, int zone, String easting, int epsg, boolean flagged)
        throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("crs", ".txt");
        String e0 = easting;
        String e1 = String.valueOf(Long.parseLong(easting) + 100);
        java.nio.file.Files.writeString(tmp, "[属性描述]\n坐标系=" + datum + "\n几度分带=" + width + "\n带号=" + zone
            + "\n[地块坐标]\n4,,A,甲,面,,,,@\n1,1,3508000," + e0 + "\n2,1,3508000," + e1 + "\n3,1,3508100," + e1
            + "\n1,1,3508000," + e0 + "\n");
        ImportedSites s = new CoordinateTxtReader().read(tmp);
        java.nio.file.Files.delete(tmp);
        assertEquals(epsg, s.crs().epsg());
        assertEquals(flagged ? 1 : 0, s.problems().size(), s.problems().toString());
        assertEquals(5_000, s.sites().get(0).geometry().getArea(), 1e-6);
    }
}
