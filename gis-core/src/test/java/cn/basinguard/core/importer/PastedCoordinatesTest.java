package cn.basinguard.core.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.i18n.Messages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class PastedCoordinatesTest {
    /** The outline of plot DK-01 of plots-gbk.txt: X = northing, Y = easting with zone prefix 38. */
    private static final String SQUARE = """
        3508000.000,38441000.000
        3508000.000,38441200.000
        3508200.000,38441200.000
        3508200.000,38441000.000
        3508000.000,38441000.000
        """;
    private static final Coordinate[] SQUARE_XY = {new Coordinate(38441000, 3508000), new Coordinate(38441200, 3508000),
        new Coordinate(38441200, 3508200), new Coordinate(38441000, 3508200), new Coordinate(38441000, 3508000)};

    @TempDir
    Path dir;

    private static ImportProblem problem(int line, String key, Object... args) {
        return new ImportProblem(line, Messages.get(key, args));
    }

    private static Polygon polygon(ImportedSites sites) {
        assertEquals(1, sites.sites().size(), sites.problems().toString());
        return (Polygon) sites.sites().get(0).geometry();
    }

    @Test
    void northingEastingWithZonePrefix() {
        ImportedSites sites = PastedCoordinates.parse(SQUARE, "白果河泵站");
        assertEquals(List.of(), sites.problems());
        assertEquals(4526, sites.crs().epsg());
        assertEquals("白果河泵站", sites.sites().get(0).name());
        assertArrayEquals(SQUARE_XY, polygon(sites).getCoordinates());
        assertEquals(Messages.get("import.paste.source"), sites.sourceName());
    }

    /** Whatever separates the fields, the same points come out. */
    @ParameterizedTest
    @ValueSource(strings = {"3508000.000 38441000.000", "3508000.000\t38441000.000", "3508000.000，38441000.000",
        "3508000.000 , 38441000.000", "J1,3508000.000,38441000.000", "J1\t1\t3508000.000\t38441000.000",
        "1，1，3508000.000，38441000.000", "  J1   1   3508000.000   38441000.000  "})
    void everySeparatorAndColumnLayout(String firstLine) {
        String text = SQUARE.replaceFirst("3508000.000,38441000.000", firstLine);
        ImportedSites sites = PastedCoordinates.parse(text, "s");
        assertEquals(List.of(), sites.problems());
        assertArrayEquals(SQUARE_XY, polygon(sites).getCoordinates());
    }

    @Test
    void aNewRingNumberStartsAHole() {
        ImportedSites sites = PastedCoordinates.parse("""
            J1,1,3508000,38441000
            J2,1,3508000,38441200
            J3,1,3508200,38441200
            J4,1,3508200,38441000
            J1,1,3508000,38441000
            J5,2,3508050,38441050
            J6,2,3508100,38441050
            J7,2,3508100,38441100
            J8,2,3508050,38441100
            J5,2,3508050,38441050
            """, "s");
        assertEquals(List.of(), sites.problems());
        Polygon p = polygon(sites);
        assertArrayEquals(SQUARE_XY, p.getExteriorRing().getCoordinates());
        assertEquals(1, p.getNumInteriorRing());
        assertEquals(new Coordinate(38441050, 3508050), p.getInteriorRingN(0).getCoordinateN(0));
        assertEquals(200 * 200 - 50 * 50, p.getArea(), 0.0);
    }

    @Test
    void aBlankLineStartsAHole() {
        ImportedSites sites = PastedCoordinates.parse(SQUARE + "\n\n3508050,38441050\n3508100,38441050\n"
            + "3508100,38441100\n3508050,38441050\n", "s");
        assertEquals(List.of(), sites.problems());
        assertEquals(1, polygon(sites).getNumInteriorRing());
    }

    @Test
    void longitudeLatitudeDegreesAreCgcs2000() {
        ImportedSites sites = PastedCoordinates.parse("113.30,31.80\n113.31,31.80\n113.31,31.81\n113.30,31.81\n", "s");
        assertEquals(4490, sites.crs().epsg());
        assertEquals(new Coordinate(113.30, 31.80), polygon(sites).getExteriorRing().getCoordinateN(0));
        assertEquals(List.of(problem(4, "import.paste.unclosed", 1)), sites.problems());
    }

    @Test
    void latitudeLongitudeAsWebMapsGiveThemIsReadAndSaid() {
        ImportedSites sites = PastedCoordinates.parse("31.80,113.30\n31.80,113.31\n31.81,113.31\n31.81,113.30\n31.80,113.30\n", "s");
        assertEquals(4490, sites.crs().epsg());
        assertEquals(new Coordinate(113.30, 31.80), polygon(sites).getExteriorRing().getCoordinateN(0));
        assertEquals(List.of(problem(1, "import.paste.latLon")), sites.problems());
    }

    @Test
    void anUnclosedRingIsClosedAndSaid() {
        String text = SQUARE.substring(0, SQUARE.lastIndexOf("3508000.000,38441000.000"));
        ImportedSites sites = PastedCoordinates.parse(text, "s");
        assertArrayEquals(SQUARE_XY, polygon(sites).getCoordinates());
        assertEquals(List.of(problem(4, "import.paste.unclosed", 1)), sites.problems());
    }

    @Test
    void eastingsWithoutPrefixLeaveTheCrsToTheUser() {
        ImportedSites sites = PastedCoordinates.parse(SQUARE.replace(",38", ","), "s");
        assertNull(sites.crs());
        assertEquals(new Coordinate(441000, 3508000), polygon(sites).getExteriorRing().getCoordinateN(0));
        assertEquals(List.of(problem(0, "import.paste.noZone")), sites.problems());
    }

    @Test
    void aSixDegreeZonePrefixGivesTheSixDegreeGrid() {
        ImportedSites sites = PastedCoordinates.parse(SQUARE.replace(",38", ",20"), "s");
        assertEquals(4498, sites.crs().epsg());
    }

    @Test
    void aZonePrefixOutsideChinaLeavesTheCrsUnknown() {
        ImportedSites sites = PastedCoordinates.parse(SQUARE.replace(",38", ",50"), "s");
        assertNull(sites.crs());
        assertEquals(List.of(problem(1, "import.paste.zoneOutOfRange", 50)), sites.problems());
    }

    @Test
    void swappedColumnsAreReadSwappedAndSaid() {
        ImportedSites sites = PastedCoordinates.parse(SQUARE.replaceAll("(\\d+\\.\\d+),(\\d+\\.\\d+)", "$2,$1"), "s");
        assertEquals(4526, sites.crs().epsg());
        assertArrayEquals(SQUARE_XY, polygon(sites).getCoordinates());
        assertEquals(List.of(problem(1, "import.paste.swapped")), sites.problems());
    }

    @Test
    void aRingOfFewerThanThreeDistinctPointsIsRejectedByItsLine() {
        ImportedSites sites = PastedCoordinates.parse(SQUARE + "\n3508050,38441050\n3508100,38441050\n"
            + "3508050,38441050\n", "s");
        assertEquals(0, polygon(sites).getNumInteriorRing());
        assertEquals(List.of(problem(7, "import.paste.tooFewPoints", 7, 2L)), sites.problems());
        assertTrue(sites.problems().get(0).message().contains("7"));
    }

    @Test
    void onlyATooSmallRingGivesNoSite() {
        ImportedSites sites = PastedCoordinates.parse("3508000,38441000\n3508000,38441200\n3508000,38441000\n", "s");
        assertEquals(List.of(), sites.sites());
        assertEquals(List.of(problem(0, "import.paste.noRings"), problem(1, "import.paste.tooFewPoints", 1, 2L)),
            sites.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n  \n", "点号,X坐标,Y坐标"})
    void nothingToReadGivesNoSite(String text) {
        ImportedSites sites = PastedCoordinates.parse(text, "s");
        assertEquals(List.of(), sites.sites());
        assertNull(sites.crs());
        assertTrue(sites.problems().contains(problem(0, "import.paste.noRings")), sites.problems().toString());
    }

    @Test
    void linesThatAreNotPointsAreSkippedByLine() {
        ImportedSites sites = PastedCoordinates.parse("点号,X,Y\n" + SQUARE.replaceFirst("\n", "\nJ9,abc,38441100\n")
            + "1,2,3,4,5\nNaN,38441000\n", "s");
        assertArrayEquals(SQUARE_XY, polygon(sites).getCoordinates());
        assertEquals(List.of(problem(1, "import.paste.badLine", 1, "点号,X,Y"),
            problem(3, "import.paste.badLine", 3, "J9,abc,38441100"),
            problem(8, "import.paste.badLine", 8, "1,2,3,4,5"),
            problem(9, "import.paste.badLine", 9, "NaN,38441000")), sites.problems());
    }

    @Test
    void pointsInAnotherZoneOrOfAnotherKindAreSkipped() {
        ImportedSites sites = PastedCoordinates.parse(SQUARE.replaceFirst("\n", "\n3508100,39441100\n113.3,31.8\n"),
            "s");
        assertArrayEquals(SQUARE_XY, polygon(sites).getCoordinates());
        assertEquals(List.of(problem(2, "import.paste.mixedZone", 2, 39, 38), problem(3, "import.paste.mixedKind", 3)),
            sites.problems());
    }

    @Test
    void aRingOutsideTheFirstIsNotAHole() {
        ImportedSites sites = PastedCoordinates.parse(SQUARE + "\n3508000,38441500\n3508000,38441600\n"
            + "3508100,38441600\n3508000,38441500\n", "s");
        assertEquals(0, polygon(sites).getNumInteriorRing());
        assertEquals(List.of(problem(7, "import.paste.holeOutside", 7)), sites.problems());
    }

    @Test
    void savedAndReadBackUnchanged() {
        ImportedSites sites = PastedCoordinates.parse(SQUARE, "白果河泵站");
        Path gpkg = dir.resolve("work.gpkg");
        SiteStore.save(sites, sites.crs(), gpkg, "手绘选址", Instant.parse("2026-11-29T01:00:00Z"));
        try (GeoPackageSource src = GeoPackageSource.open(gpkg)) {
            Feature f = src.readAll("手绘选址", p -> { throw new AssertionError(p.toString()); }).get(0);
            assertArrayEquals(SQUARE_XY, f.geometry().getCoordinates());
            assertEquals("白果河泵站", f.attributes().get("XMMC"));
            assertEquals(sites.sourceName(), f.attributes().get("source"));
        }
    }
}
