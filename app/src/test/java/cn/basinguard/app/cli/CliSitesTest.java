package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code check --sites}: sites from a coordinate TXT replace the sample's own sites. */
class CliSitesTest extends CliHarness {
    private static final Path SAMPLE = Path.of("../data/target/zengdu-sample.gpkg");
    private static final Path TXT = Path.of("../gis-core/src/test/resources/importer/plots-utf8.txt");
    private static final Path BAD = Path.of("../gis-core/src/test/resources/importer/bad.txt");

    @Test
    void coordinateTxtSitesAreChecked() {
        assumeTrue(Files.isRegularFile(SAMPLE), "the data module builds the sample");
        assertEquals(Cli.OK, run("check", SAMPLE.toString(), "--sites", TXT.toString(), "--lang", "en"), err());
        assertTrue(out().contains("[Project sites] 2 in all"), out());
        assertTrue(out().contains("白果河泵站: Non-compliant"), out());
        assertTrue(out().contains("site area 37496.79 m²"), out());
        assertEquals("", err());
    }

    @Test
    void importProblemsAreWarningsAndReadableSitesStillChecked() {
        assumeTrue(Files.isRegularFile(SAMPLE), "the data module builds the sample");
        assertEquals(Cli.OK, run("check", SAMPLE.toString(), "--sites", BAD.toString(), "--lang", "en"));
        assertTrue(err().contains("Warning: bad.txt: 6: Plot BAD-COUNT declares 6 points"), err());
        assertTrue(out().contains("[Project sites] 3 in all"), out());
    }

    @Test
    void unknownCrsExitsTwoSayingWhatToGive() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE), "the data module builds the sample");
        Path txt = Files.createTempFile("nocrs", ".txt");
        Files.writeString(txt, "[地块坐标]\n4,,A,甲,面,,,,@\n1,1,3508000,441000\n2,1,3508000,441100\n"
            + "3,1,3508100,441100\n1,1,3508000,441000\n");
        try {
            assertEquals(Cli.BAD_INPUT, run("check", SAMPLE.toString(), "--sites", txt.toString(), "--lang", "en"));
            assertTrue(err().contains("--sites-crs EPSG:CODE"), err());
            assertEquals(Cli.OK, run("check", SAMPLE.toString(), "--sites", txt.toString(), "--sites-crs", "EPSG:4547",
                "--lang", "en"));
            assertTrue(out().contains("[Project sites] 1 in all"), out());
        } finally {
            Files.delete(txt);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sites-gbk.shp", "sites.geojson", "sites.kml"})
    void otherFormatsAreCheckedToo(String file) {
        assumeTrue(Files.isRegularFile(SAMPLE), "the data module builds the sample");
        Path sites = Path.of("../gis-core/src/test/resources/importer", file);
        assertEquals(Cli.OK, run("check", SAMPLE.toString(), "--sites", sites.toString(), "--lang", "en"), err());
        assertTrue(out().contains("[Project sites] 2 in all"), out());
    }
}
