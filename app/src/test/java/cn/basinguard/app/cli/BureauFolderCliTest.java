package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.data.SampleData;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Zengdu sample as a district bureau delivers it (a folder of Shapefiles, the control list in Excel, the reservoirs
 * still in Xi'an 1980) gives the figures of the sample GeoPackage, and layers of both mix in one check.
 */
class BureauFolderCliTest extends CliHarness {
    /** The seven parameters the data module moved the reservoirs to Xi'an 1980 with (data/README.md). */
    static final String XIAN80 = "XIAN80:-118.53,62.87,47.35,1.736,-2.185,-3.114,2.618";

    @TempDir
    Path dir;

    static Path dataTarget() {
        String p = System.getProperty("basinguard.dataTarget");
        assumeTrue(p != null && Files.isDirectory(Path.of(p, "zengdu-bureau")), "the data module's bureau folder is not built");
        return Path.of(p);
    }

    @Test
    void theFolderWithItsControlListGivesTheFiguresOfTheGeoPackage() throws IOException {
        Path folder = dataTarget().resolve("zengdu-bureau");
        Path list = dataTarget().resolve("zengdu-control-list.xlsx");
        Path gpkgJson = dir.resolve("gpkg.json");
        Path folderJson = dir.resolve("folder.json");
        assertEquals(0, run("check", SampleData.zengduSample().toString(), "--json", gpkgJson.toString()), err());
        String gpkgText = out();
        assertEquals(0, run("check", folder.toString(), "--targets", list.toString(), "--datum-shift", XIAN80,
            "--json", folderJson.toString()), err());
        String folderText = out();
        assertEquals(body(gpkgText), body(folderText), "the printed figures are the same to the last digit");
        assertFalse(err().contains("警告"), err());
        assertSameNumbers(flatten(gpkgJson), flatten(folderJson), 1e-9, 1e-6);
    }

    /** info on the folder lists every source in it, one after another, as the checks take them (as JSON, an array). */
    @Test
    void infoOnTheFolderListsEverySourceInIt() throws IOException {
        Path folder = dataTarget().resolve("zengdu-bureau");
        assertEquals(0, run("info", folder.toString()), err());
        String text = out();
        List<String> shps = List.of("DLTB.shp", "JCDM.shp", "SKSM.shp", "XMXZ.shp", "YJJBNTTB.shp", "流域治理单元.shp", "生态保护红线.shp");
        int last = -1;
        for (String shp : shps) {
            int at = text.indexOf(folder.resolve(shp).toAbsolutePath().normalize().toString());
            assertTrue(at > last, shp + " listed after the one before it: " + text);
            last = at;
        }
        assertEquals(0, run("info", folder.toString(), "--json"), err());
        try (JsonParser p = new JsonFactory().createParser(out())) {
            assertEquals(JsonToken.START_ARRAY, p.nextToken());
            int sources = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                sources++;
                p.skipChildren();
            }
            assertEquals(shps.size(), sources);
        }
    }

    @Test
    void layersFromAGeoPackageAndShapefilesMixInOneCheck() throws IOException {
        Path folder = dataTarget().resolve("zengdu-bureau");
        Path units = dir.resolve("units.gpkg");
        // the units and the targets from the GeoPackage, the land from the bureau's Shapefiles
        assertEquals(0, run("check", SampleData.zengduSample().toString(), "--json", dir.resolve("a.json").toString()), err());
        String whole = body(out());
        Files.copy(SampleData.zengduSample(), units);
        assertEquals(0, run("check", units.toString(), folder.resolve("DLTB.shp").toString(),
            folder.resolve("YJJBNTTB.shp").toString(), folder.resolve("生态保护红线.shp").toString(),
            "--role", "units=LYZLDY", "--role", "cultivated=DLTB.shp:DLTB", "--role", "basic_farmland=" + folder.resolve("YJJBNTTB.shp"),
            "--role", "eco_redline=生态保护红线", "--json", dir.resolve("b.json").toString()), err());
        assertEquals(whole, body(out()));
        assertSameNumbers(flatten(dir.resolve("a.json")), flatten(dir.resolve("b.json")), 1e-9, 1e-6);
    }

    /** Without the seven parameters the Xi'an 80 reservoirs are placed approximately: every figure they feed says so. */
    @Test
    void withoutTheSevenParametersTheFiguresOfTheXian80LayerAreMarkedApproximate() throws IOException {
        Path folder = dataTarget().resolve("zengdu-bureau");
        String list = dataTarget().resolve("zengdu-control-list.xlsx").toString();
        Path json = dir.resolve("approx.json");
        assertEquals(0, run("check", folder.toString(), "--targets", list, "--json", json.toString()), err());
        String text = out();
        assertTrue(text.lines().anyMatch(l -> l.contains("SKSM.shp") && l.contains("--datum-shift") && l.contains("≈")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("  ≈中型水库数量")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("  耕地保有量")), "figures that do not use the reservoirs are not marked: " + text);
        String j = Files.readString(json);
        assertTrue(j.contains("\"approximate_layers\" : [ {") && j.contains("\"role\" : \"reservoirs\""), j);
        Map<String, Double> numbers = flatten(json);
        assertFalse(numbers.isEmpty());
        assertTrue(j.matches("(?s).*\"code\" : \"SK_ZX\".*?\"approximate\" : true.*"), "the reservoir counts are approximate");
        assertTrue(j.matches("(?s).*\"code\" : \"GD_BYL\".*?\"approximate\" : false.*"), "cultivated land is not");
        // the sheets say it where the figure is, and why in their notes
        Path sheets = Files.createDirectories(dir.resolve("sheets"));
        assertEquals(0, run("export", folder.toString(), "--targets", list, "--out", sheets.toString(), "--csv"), err());
        String unitSheet;
        try (var files = Files.list(sheets)) {
            Path csv = files.filter(p -> p.getFileName().toString().contains("涢水片区")).findFirst().orElseThrow();
            unitSheet = Files.readString(csv);
        }
        assertTrue(unitSheet.lines().anyMatch(l -> l.contains("中型水库数量") && l.contains("（近似）")), unitSheet);
        assertTrue(unitSheet.lines().anyMatch(l -> l.contains("耕地保有量") && !l.contains("近似")), unitSheet);
        assertTrue(unitSheet.contains("SKSM.shp") && unitSheet.contains("七参数"), unitSheet);
    }

    @Test
    void badControlListsAndParametersAreOneLineNamingTheRow() throws IOException {
        Path folder = dataTarget().resolve("zengdu-bureau");
        Path csv = dir.resolve("清单.csv");
        Files.writeString(csv, "流域治理单元,指标名称,目标值,计量单位\n涢水片区,耕地保有量,31.26,万亩\n漂水片区,永久基本农田面积,21.87,万亩\n");
        assertEquals(2, run("check", folder.toString(), "--targets", csv.toString()));
        assertTrue(err().contains("第 3 行") && err().contains("漂水片区") && err().lines().count() == 1, err());
        Files.writeString(csv, "流域治理单元,指标名称,目标值\n涢水片区,耕地保有量,约三十万\n");
        assertEquals(2, run("check", folder.toString(), "--targets", csv.toString()));
        assertTrue(err().contains("第 2 行") && err().contains("约三十万"), err());
        Files.writeString(csv, "单元名,指标,数\n涢水片区,耕地保有量,31.26\n");
        assertEquals(2, run("check", folder.toString(), "--targets", csv.toString()));
        assertTrue(err().contains("表头"), err());
        assertEquals(2, run("check", folder.toString(), "--datum-shift", "XIAN80:1,2,3"));
        assertTrue(err().contains("XIAN80:dx,dy,dz"), err());
    }

    /** The summary without the line that names the JSON file. */
    private static String body(String text) {
        return text.lines().filter(l -> !l.contains(".json")).map(l -> l.replaceAll("\\S+\\.(gpkg|shp) / ", "")).reduce("", (a, b) -> a + b + "\n");
    }

    /** Every number of a check's JSON by its path (sites by position), inputs and ids left out. */
    static Map<String, Double> flatten(Path json) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            List<String> path = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        String key = field != null ? field : index.isEmpty() ? "" : "[" + bump(index) + "]";
                        path.add(key);
                        index.add(t == JsonToken.START_ARRAY ? 0 : -1);
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.remove(path.size() - 1);
                        index.remove(index.size() - 1);
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        String key = String.join("/", path) + "/" + (field != null ? field : "[" + bump(index) + "]");
                        if (!key.contains("inputs") && !key.endsWith("/id")) {
                            out.put(key, p.getDoubleValue());
                        }
                        field = null;
                    }
                    default -> {
                        if (field == null && !index.isEmpty()) {
                            bump(index);
                        }
                        field = null;
                    }
                }
            }
        }
        return out;
    }

    private static int bump(List<Integer> index) {
        int last = index.size() - 1;
        int i = index.get(last);
        if (i >= 0) {
            index.set(last, i + 1);
        }
        return i;
    }

    /** Every figure equal to {@code relative}. */
    static void assertSameNumbers(Map<String, Double> expected, Map<String, Double> actual, double relative) {
        assertSameNumbers(expected, actual, relative, 0);
    }

    /**
     * Every figure equal to {@code relative}, or within {@code absolute} where that is looser: a piece of a few m² cut
     * at zone-38 eastings (38 xxx xxx m) carries ~10⁻⁸ m² of floating-point noise that depends on its rings' vertex
     * order, which a Shapefile (clockwise outer rings) and a GeoPackage need not share — 10⁻⁹ of 12 m² is below it.
     */
    static void assertSameNumbers(Map<String, Double> expected, Map<String, Double> actual, double relative, double absolute) {
        assertEquals(expected.keySet(), actual.keySet());
        assertTrue(expected.size() > 100, "the JSON holds the figures");
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            double a = e.getValue();
            double b = actual.get(e.getKey());
            // a site's piece difference is its area less the sum of its pieces: it carries the noise of all of them
            double floor = e.getKey().contains("piece_difference") ? absolute * PIECES_PER_SITE : absolute;
            assertTrue(a == b || Math.abs(a - b) <= Math.max(relative * Math.max(Math.abs(a), Math.abs(b)), floor),
                    e.getKey() + ": " + a + " vs " + b);
        }
    }

    /** Pieces a sample site is cut into, at most (a few hundred patches of land use). */
    private static final int PIECES_PER_SITE = 500;
}
