package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.data.SampleData;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --sites} with sites far from the data: a polygon near San Francisco (once judged 符合 with 100 times its
 * area) and one 6.5 km east of the district are 未核查 in the summary and the JSON, with ground distances; the site
 * inside is judged as before.
 */
class CliSiteScopeTest extends CliHarness {
    static final Path FAR = Path.of("src/test/resources/cn/basinguard/app/scope/far-sites.geojson");

    @TempDir
    Path dir;

    @Test
    void farSitesAreNotCheckedInTheSummary() {
        assertEquals(Cli.OK, run("check", SampleData.zengduSample().toString(), "--sites", FAR.toString()), err());
        String out = out();
        assertTrue(out.contains("共 3 个：不符合 0 个，有条件符合 0 个，符合 1 个，未核查 2 个"), out);
        assertTrue(out.contains("旧金山测试地块：未核查（不在核查范围，未测量）"), out);
        assertTrue(out.contains("选址位于西经 122.40°、北纬 37.80°，距流域治理单元范围约 10,348 公里（地面距离）"), out);
        assertTrue(out.contains("区外地块：未核查") && out.contains("约 6.5 公里"), out);
        assertTrue(out.contains("区内地块：符合（所在单元：涢水片区"), out);
        assertTrue(!out.contains("旧金山测试地块：符合"), out);
    }

    @Test
    void englishToo() {
        assertEquals(Cli.OK, run("--lang", "en", "check", SampleData.zengduSample().toString(), "--sites", FAR.toString()), err());
        assertTrue(out().contains("3 in all: 0 non-compliant, 0 conditionally compliant, 1 compliant, 2 not checked"), out());
        assertTrue(out().contains("about 10,348 km (on the ground) from the extent of the basin units"), out());
    }

    @Test
    void theJsonSaysNotCheckedWithNoFigures() throws Exception {
        Path json = dir.resolve("far.json");
        assertEquals(Cli.OK, run("check", SampleData.zengduSample().toString(), "--sites", FAR.toString(), "--json", json.toString()), err());
        List<String> levels = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        String schema = null;
        boolean areaNull = false;
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() != JsonToken.FIELD_NAME) {
                    continue;
                }
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "schema" -> schema = p.getText();
                    case "level" -> levels.add(p.getText());
                    case "status" -> statuses.add(p.getText());
                    case "distance_km" -> distances.add(v == JsonToken.VALUE_NULL ? null : p.getDoubleValue());
                    case "area_m2" -> areaNull |= v == JsonToken.VALUE_NULL;
                    default -> { }
                }
            }
        }
        assertEquals("basinguard-check/2", schema);
        // sections also carry a "status": the sites' scopes are the ones with INSIDE/OUTSIDE values
        assertEquals(List.of("OUTSIDE", "OUTSIDE", "INSIDE"), statuses.stream().filter(s -> s.equals("OUTSIDE") || s.equals("INSIDE")).toList());
        // sections carry a "level" too (国控 …): the sites' verdict levels are the English ones
        assertEquals(List.of("NOT_CHECKED", "NOT_CHECKED", "PASS"), levels.stream().filter(l -> l.matches("[A-Z_]+")).toList());
        assertEquals(10_348, distances.get(0), 1);
        assertEquals(6.5, distances.get(1), 0.1);
        assertEquals(null, distances.get(2));
        assertTrue(areaNull, "a site not measured has no area");
    }

    @Test
    void aMissingZonePrefixIsHinted() throws Exception {
        // the inside site's corner in zone 38 without the prefix, declared as the prefixed grid
        Path file = dir.resolve("unprefixed.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"XMMC\":\"缺带号地块\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[434000,3520000],[434100,3520000],[434100,3520100],[434000,3520100],[434000,3520000]]]}}]}");
        assertEquals(Cli.OK, run("check", SampleData.zengduSample().toString(), "--sites", file.toString(), "--sites-crs", "EPSG:4526"), err());
        assertTrue(out().contains("缺带号地块：未核查"), out());
        assertTrue(out().contains("提示：横坐标没有带号") && out().contains("按 EPSG:4547"), out());
    }
}
