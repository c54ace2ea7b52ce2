package cn.basinguard.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.measure.EllipsoidalArea;
import cn.basinguard.core.testing.HandmadeShapefile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * One hand-made input per defect class the fuzzing of issue 17 found in the site readers. Each reader returns the
 * sites it can read and says what is wrong with the rest, in its own words (never a Java exception text), without
 * exhausting the heap or the stack and without taking minutes.
 */
class HostileSitesTest {
    private static final String JAVA_TEXT = "(?s).*(Exception|For input string|out of bounds|Cannot invoke|java\\.).*";
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

    static void noJavaText(ImportedSites s) {
        SiteInvariants.check(s);
        for (ImportProblem p : s.problems()) {
            assertFalse(p.message().matches(JAVA_TEXT), p.message());
        }
    }

    // ---- Shapefile and .dbf

    /** A .shp of polygon records, each given as its rings (x, y pairs). */
    static byte[] shp(double[][]... records) {
        return HandmadeShapefile.polygons(records);
    }

    static final double[] SQUARE = {441000, 3508000, 441000, 3508100, 441100, 3508100, 441100, 3508000, 441000, 3508000};

    ImportedSites readShp(byte[] shp, byte[] dbf) {
        List<ImportProblem> problems = new ArrayList<>();
        List<Map<String, Object>> rows = dbf == null ? List.of() : ShapefileReader.attributes(dbf, null, problems);
        return new ShapefileReader().read(null, shp, CrsRegistry.fromEpsg(4547), rows, problems);
    }

    @Test
    void shpPointCountBeyondTheRecordSkipsThatRecordOnly() {
        byte[] file = shp(new double[][] {SQUARE}, new double[][] {SQUARE});
        // record 1 claims 2^30 points: the reader would have allocated 2^30 coordinates
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(100 + 8 + 40, 1 << 30);
        ImportedSites s = readShp(file, null);
        noJavaText(s);
        assertEquals(List.of("2"), s.sites().stream().map(ImportedSite::id).toList());
        assertTrue(s.problems().get(0).message().contains("Record 1"), s.problems().toString());
    }

    @Test
    void shpUnclosedRingIsClosedWithAWarningAndAShortOneSkipped() {
        double[] open = java.util.Arrays.copyOf(SQUARE, 8);
        double[] twoPoints = {441000, 3508000, 441100, 3508100};
        ImportedSites s = readShp(shp(new double[][] {open}, new double[][] {twoPoints}), null);
        noJavaText(s);
        assertEquals(1, s.sites().size());
        assertEquals(10_000, s.sites().get(0).geometry().getArea(), 1e-6);
        assertTrue(s.problems().stream().anyMatch(p -> p.location() == 1 && p.message().contains("was closed")), s.problems().toString());
        assertTrue(s.problems().stream().anyMatch(p -> p.location() == 2 && p.message().contains("distinct points")), s.problems().toString());
    }

    /** A .dbf with one character field NAME of {@code width} and the given rows. */
    static byte[] dbf(int width, String... rows) {
        return HandmadeShapefile.dbf("NAME", width, rows);
    }

    /** A site whose rings wind against the rule throughout (an outer ring counter-clockwise around a clockwise hole). */
    @Test
    void shpRingsWoundAgainstTheRuleKeepTheHoleAHole() {
        double[] outerCcw = {441000, 3508000, 441100, 3508000, 441100, 3508100, 441000, 3508100, 441000, 3508000};
        double[] holeCw = {441025, 3508025, 441025, 3508075, 441075, 3508075, 441075, 3508025, 441025, 3508025};
        ImportedSites s = readShp(shp(new double[][] {outerCcw, holeCw}, new double[][] {SQUARE}), dbf(10, "reversed", "rule"));
        noJavaText(s);
        assertEquals(7_500, s.sites().get(0).geometry().getArea(), 1e-6, s.sites().get(0).geometry().toString());
        assertTrue(s.sites().get(0).geometry().isValid());
        assertEquals(10_000, s.sites().get(1).geometry().getArea(), 1e-6);
    }

    @Test
    void dbfHeaderFieldAndCountsPastTheEndAreProblemsNotExceptions() {
        byte[] shp = shp(new double[][] {SQUARE}, new double[][] {SQUARE});
        byte[] good = dbf(10, "site A", "site B");
        assertEquals("site A", readShp(shp, good).sites().get(0).name());

        byte[] headerPastEnd = good.clone();
        ByteBuffer.wrap(headerPastEnd).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) 60000);
        byte[] fieldPastRecord = good.clone();
        fieldPastRecord[32 + 16] = (byte) 200; // NAME claims 200 bytes in an 11-byte record
        byte[] hugeCount = good.clone();
        ByteBuffer.wrap(hugeCount).order(ByteOrder.LITTLE_ENDIAN).putInt(4, Integer.MAX_VALUE);
        byte[] zeroRecord = good.clone();
        ByteBuffer.wrap(zeroRecord).order(ByteOrder.LITTLE_ENDIAN).putShort(10, (short) 0).putInt(4, Integer.MAX_VALUE);
        for (byte[] dbf : List.of(headerPastEnd, fieldPastRecord, hugeCount, zeroRecord, new byte[7])) {
            ImportedSites s = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> readShp(shp, dbf));
            noJavaText(s);
            assertEquals(2, s.sites().size(), "the geometry still loads: " + s.problems());
            assertFalse(s.problems().isEmpty());
        }
    }

    // ---- GeoJSON

    ImportedSites geojson(String text) {
        return new GeoJsonReader().read(text.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void emptyGeoJsonSaysSoWithoutANullPointerException() {
        for (String empty : List.of("", "   \n")) {
            ImportedSites s = geojson(empty);
            noJavaText(s);
            assertEquals(List.of(), s.sites());
            assertTrue(s.problems().get(0).message().contains("empty"), s.problems().toString());
        }
    }

    @Test
    void geoJsonUnclosedRingIsClosedShortRingAndNaNSkipped() {
        String open = "[[113.30,31.80],[113.31,31.80],[113.31,31.81],[113.30,31.81]]";
        String text = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + open + "]}},"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[113.3,31.8],[113.31,31.8]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[\"NaN\",31.8],[1,2],[3,4]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1e400,31.8],[1,2],[3,4]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[]}},"
            + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[200,31.8],[201,31.8],[201,32]]]}}]}";
        ImportedSites s = geojson(text);
        noJavaText(s);
        assertEquals(List.of("1"), s.sites().stream().map(ImportedSite::id).toList());
        assertTrue(s.problems().stream().anyMatch(p -> p.location() == 1 && p.message().contains("was closed")), s.problems().toString());
        for (int feature = 2; feature <= 6; feature++) {
            int f = feature;
            assertTrue(s.problems().stream().anyMatch(p -> p.location() == f), "feature " + f + ": " + s.problems());
        }
    }

    @Test
    void deeplyNestedGeoJsonIsRefusedNotAStackOverflow() {
        ImportedSites s = geojson("[".repeat(100_000) + "]".repeat(100_000));
        noJavaText(s);
        assertTrue(s.problems().get(0).message().contains("deep"), s.problems().toString());
    }

    // ---- KML

    ImportedSites kml(String text) throws Exception {
        return new KmlReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
    }

    @Test
    void nestedKmlIsRefusedAndTheParserPrintsNothing() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (int twice = 0; twice < 2; twice++) { // the parser is reused: its limits must survive reset()
                ImportedSites deep = kml("<kml>" + "<Folder>".repeat(100_000) + "</Folder>".repeat(100_000) + "</kml>");
                noJavaText(deep);
                assertTrue(deep.problems().get(0).message().contains("deep"), deep.problems().toString());
            }
            ImportedSites empty = kml("");
            noJavaText(empty);
            assertTrue(empty.problems().get(0).message().contains("empty"), empty.problems().toString());
            noJavaText(kml("<kml><Placemark>"));
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "no [Fatal Error] lines on stderr");
    }

    @Test
    void kmlUnclosedRingIsClosedAndBadTuplesAreMessages() throws Exception {
        String pm = "<Placemark><name>%s</name><Polygon><outerBoundaryIs><LinearRing><coordinates>%s</coordinates>"
            + "</LinearRing></outerBoundaryIs></Polygon></Placemark>";
        ImportedSites s = kml("<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
            + String.format(pm, "open", "113.30,31.80 113.31,31.80 113.31,31.81 113.30,31.81")
            + String.format(pm, "text", "113.30,abc 113.31,31.80 113.31,31.81")
            + String.format(pm, "single", "113.30")
            + String.format(pm, "short", "113.30,31.80 113.31,31.80 113.30,31.80")
            + "<Placemark><name>nocoords</name><Polygon><outerBoundaryIs><LinearRing/></outerBoundaryIs></Polygon></Placemark>"
            + "</Document></kml>");
        noJavaText(s);
        assertEquals(List.of("open"), s.sites().stream().map(ImportedSite::name).toList());
        assertTrue(s.problems().stream().anyMatch(p -> p.message().contains("\"open\"") && p.message().contains("was closed")), s.problems().toString());
        assertEquals(5, s.problems().size(), s.problems().toString());
    }

    // ---- land-approval TXT

    static final String HEADER = "[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=%s\n[地块坐标]\n";

    ImportedSites txt(String text) {
        return new CoordinateTxtReader().read(null, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFarOffCoordinateIsAMessageForItsPlotFastNotALoopOf2To31Steps() {
        String plots = "5,1.0000,A,甲,面,,,,@\n1,1,3508000,38441000\n2,1,3508000,38441100\n3,1,3508100,38441100\n4,1,3508100,38441000\n1,1,3508000,38441000\n"
            + "5,1.0000,B,乙,面,,,,@\n1,1,3508000,38441000\n2,1,3508000,38441100\n3,1,3508100e15,38441100\n4,1,3508100,38441000\n1,1,3508000,38441000\n";
        ImportedSites s = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> txt(String.format(HEADER, "38") + plots));
        noJavaText(s);
        assertEquals(List.of("A"), s.sites().stream().map(ImportedSite::id).toList());
        assertTrue(s.problems().stream().anyMatch(p -> p.location() == 15 && p.message().contains("Plot B")), s.problems().toString());
        // the area computation itself refuses a northing beyond the poles rather than densifying 2^31 times
        var far = new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(38441000, 3508000),
            new Coordinate(38441100, 3508000), new Coordinate(38441100, 3.5e21), new Coordinate(38441000, 3508000)});
        GisException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
            () -> assertThrows(GisException.class, () -> EllipsoidalArea.standard().area(far, CrsRegistry.fromEpsg(4526))));
        assertEquals("area.northingOutsideEarth", e.key());
    }

    @Test
    void oversizedZoneNumberIsAMessageNotANumberFormatException() {
        String plot = "5,1.0000,A,甲,面,,,,@\n1,1,3508000,441000\n2,1,3508000,441100\n3,1,3508100,441100\n4,1,3508100,441000\n1,1,3508000,441000\n";
        ImportedSites s = txt(String.format(HEADER, "99999999999999999999") + plot);
        noJavaText(s);
        assertNull(s.crs());
        assertEquals(1, s.sites().size());
        assertTrue(s.problems().stream().anyMatch(p -> p.message().contains("带号")), s.problems().toString());
    }

    @Test
    void nanCoordinatesSkipThePlot() {
        String plot = "4,,A,甲,面,,,,@\n1,1,NaN,38441000\n2,1,3508000,38441100\n3,1,3508100,38441100\n1,1,NaN,38441000\n";
        ImportedSites s = txt(String.format(HEADER, "38") + plot);
        noJavaText(s);
        assertEquals(List.of(), s.sites());
        assertTrue(s.problems().stream().anyMatch(p -> p.message().contains("not a number")), s.problems().toString());
    }

    @Test
    void anEmptyTxtIsEmptyNotOfUnknownCrs() {
        ImportedSites s = txt("");
        assertEquals(1, s.problems().size(), s.problems().toString());
        assertTrue(s.problems().get(0).message().contains("no plots"), s.problems().toString());
    }

    // ---- pasted coordinates and whole files

    @Test
    void pastedAbsurdNumbersAreSkippedLines() {
        ImportedSites s = PastedCoordinates.parse("3508000,38441000\n3508000,38441100\n3508100e300,38441100\n3508100,38441100\n", "x");
        noJavaText(s);
        assertEquals(1, s.sites().size());
        assertTrue(s.problems().stream().anyMatch(p -> p.location() == 3), s.problems().toString());
    }

    @Test
    void aHugeSiteFileIsRefusedBeforeItIsRead() throws Exception {
        Path f = Files.createTempFile("huge", ".geojson");
        try (var raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(SiteImporter.MAX_BYTES + 1); // sparse: no disk used
        }
        try {
            assertEquals("import.tooLarge", assertThrows(GisException.class, () -> SiteImporter.read(f)).key());
        } finally {
            Files.delete(f);
        }
    }
}
