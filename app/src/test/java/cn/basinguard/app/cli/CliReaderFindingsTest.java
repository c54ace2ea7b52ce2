package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The smaller findings of trying the command line on files nobody here wrote (issue 17), each reproduced. */
class CliReaderFindingsTest extends CliHarness {
    private static final Path SAMPLE = Path.of("../data/target/zengdu-sample.gpkg");
    private static final Path CORPUS = Path.of(System.getProperty("basinguard.corpus", "../../shared/corpus"));

    @TempDir
    Path dir;

    Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void noUsableSiteIsAlwaysExitTwoAndSaysWhy() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE), "the data module builds the sample");
        String emptyMulti = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[]}}]}";
        for (Path f : List.of(write("empty.txt", ""), write("empty.geojson", ""), write("empty-multi.geojson", emptyMulti),
                write("nothing.kml", "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>"),
                write("none.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}"))) {
            int code = run("--lang", "en", "check", SAMPLE.toString(), "--sites", f.toString());
            assertEquals(Cli.BAD_INPUT, code, f + ": " + out() + err());
            String last = err().lines().reduce((a, b) -> b).orElse("");
            assertFalse(last.contains("coordinate system"), "an empty file is empty, not of unknown CRS: " + err());
            // "as the warnings above say" only when warnings were printed above
            boolean warned = err().lines().count() > 1;
            assertEquals(warned, last.contains("warnings above"), err());
            assertFalse(err().matches("(?s).*(Exception|For input string|\\tat ).*"), err());
        }
    }

    @Test
    void theXmlParserPrintsNothingOfItsOwn() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE), "the data module builds the sample");
        PrintStream systemErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Cli.BAD_INPUT, run("--lang", "en", "check", SAMPLE.toString(), "--sites", write("cut.kml", "<kml><Placemark>").toString()));
        } finally {
            System.setErr(systemErr);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "no [Fatal Error] line");
        assertTrue(err().contains("KML syntax error near line 1"), err());
    }

    @Test
    void aCrsKnownOnlyByItsCodeIsPrintedOnce() throws Exception {
        Path gpkg = dir.resolve("utm.gpkg");
        String utm = "PROJCS[\"WGS 84 / UTM zone 49N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
            + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",111],PARAMETER[\"scale_factor\",0.9996],"
            + "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"32649\"]]";
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(new GpkgSrs("WGS 84 / UTM zone 49N", 32649, "EPSG", 32649, utm, ""));
            w.createFeatureTable("sites", "sites", "", "geom", "POLYGON", 32649, List.of(GpkgColumn.text("NAME")));
            GeometryFactory gf = new GeometryFactory();
            w.insertFeature("sites", gf.createPolygon(new Coordinate[] {new Coordinate(717720, 3520571), new Coordinate(718690, 3520571),
                new Coordinate(718690, 3521700), new Coordinate(717720, 3520571)}), "a");
            w.commit();
        }
        for (String lang : List.of("zh", "en")) {
            assertEquals(Cli.OK, run("--lang", lang, "info", gpkg.toString()), err());
            String crsLine = out().lines().filter(l -> l.contains("EPSG:32649")).findFirst().orElseThrow();
            assertEquals(crsLine.indexOf("EPSG:32649"), crsLine.lastIndexOf("EPSG:32649"), crsLine);
        }
    }

    @Test
    void textInTheSrsIdIsAWarningNotAClassCastException() throws Exception {
        Path gpkg = dir.resolve("srs-text.gpkg");
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_ZONE38);
            w.createFeatureTable("sites", "sites", "", "geom", "POLYGON", 4526, List.of(GpkgColumn.text("XMMC")));
            w.commit();
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + gpkg); var st = c.createStatement()) {
            st.execute("UPDATE gpkg_contents SET srs_id = 'abc'");
            st.execute("UPDATE gpkg_geometry_columns SET srs_id = 'EPSG:4526'");
        }
        assertEquals(Cli.WARNINGS, run("--lang", "en", "info", gpkg.toString()), err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("srs_id is \"EPSG:4526\""), err());
        assertFalse(err().contains("ClassCast") || err().contains("Exception"), err());
    }

    @Test
    void gdalsPlaceholderTableIsNoLayerAndTilesAreNotFeatures() {
        Path elevation = CORPUS.resolve("gpkg/ogc-ets-gpkg12/elevation.gpkg");
        assumeTrue(Files.isRegularFile(elevation), "shared corpus absent: " + elevation);
        assertEquals(Cli.OK, run("--lang", "en", "info", elevation.toString()), err());
        assertFalse(out().contains("ogr_empty_table"), out());
        assertTrue(out().contains("Tiles: 1"), out());
        assertFalse(out().contains("Features:"), out());
        assertEquals("", err());
    }
}
