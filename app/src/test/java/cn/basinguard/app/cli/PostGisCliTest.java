package cn.basinguard.app.cli;

import static cn.basinguard.app.cli.BureauFolderCliTest.assertSameNumbers;
import static cn.basinguard.app.cli.BureauFolderCliTest.flatten;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.postgis.TestDatabase;
import cn.basinguard.data.SampleData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bureau's database as a source like a file: the Zengdu sample loaded into a real PostGIS by ogr2ogr (Chinese
 * table and column names, a red line known only by its table comment) checks, exports and prints to the figures
 * of the sample GeoPackage.
 */
class PostGisCliTest extends CliHarness {
    static String db;

    @TempDir
    Path dir;

    @BeforeAll
    static void server() {
        db = TestDatabase.address(TestDatabase.sampleSchema());
    }

    @Test
    void theCheckOnPostgisGivesTheFiguresOfTheGeoPackage() throws IOException {
        Path gpkgJson = dir.resolve("gpkg.json");
        Path pgJson = dir.resolve("pg.json");
        assertEquals(0, run("check", SampleData.zengduSample().toString(), "--json", gpkgJson.toString()), err());
        String gpkgText = body(out());
        assertEquals(0, run("check", db, "--json", pgJson.toString()), err());
        String pgText = body(out());
        assertEquals(gpkgText, pgText, "the printed figures are the same to the last digit");
        assertFalse(err().contains("警告"), err());
        assertSameNumbers(flatten(gpkgJson), flatten(pgJson), 1e-9);
    }

    /** The summary without the line that names the JSON file and without the layers' sources. */
    static String body(String text) {
        return text.lines().filter(l -> !l.contains(".json"))
            .map(l -> l.replaceAll("\\S+\\.gpkg / ", "").replaceAll("basinguard_test/\\S+ / ", ""))
            .map(l -> l.toLowerCase(java.util.Locale.ROOT)) // GDAL writes table names in lower case
            .reduce("", (a, b) -> a + b + "\n");
    }
}
