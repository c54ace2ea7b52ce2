package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import cn.basinguard.data.SampleData;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The command line on good and bad input: one line and a non-zero exit for every problem, never a stack trace. */
class CliInputTest extends CliHarness {
    @TempDir
    Path dir;





    void assertOneLineRefusal(int code, String mentions) {
        assertEquals(Cli.BAD_INPUT, code, out() + err());
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains(mentions), err());
        assertFalse(err().contains("Exception") || err().contains("\tat "), "no stack trace: " + err());
    }

    @Test
    void infoRefusesWhatIsNotAGeoPackage() throws Exception {
        assertOneLineRefusal(run("info", dir.resolve("missing.gpkg").toString()), "missing.gpkg");
        assertOneLineRefusal(run("info", dir.toString()), dir.toString());
        Path empty = Files.createFile(dir.resolve("empty.gpkg"));
        assertOneLineRefusal(run("info", empty.toString()), "empty.gpkg");
        Path text = Files.writeString(dir.resolve("sites.gpkg"), "J1,1,3520000.0,38443000.0\n");
        assertOneLineRefusal(run("info", text.toString()), "sites.gpkg");
        assertOneLineRefusal(run("info"), "basinguard info");
    }

    @Test
    void infoListsTheSampleAsJson() throws Exception {
        assertEquals(Cli.OK, run("info", SampleData.zengduSample().toString(), "--json"));
        Set<String> layers = new HashSet<>();
        Set<Integer> epsg = new HashSet<>();
        try (JsonParser p = new JsonFactory().createParser(out.toByteArray())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("name") && p.getParsingContext().getParent().inArray()) {
                    p.nextToken();
                    layers.add(p.getText());
                } else if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("epsg")) {
                    p.nextToken();
                    epsg.add(p.getIntValue());
                }
            }
        }
        assertTrue(layers.containsAll(List.of("LYZLDY", "DLTB", "YJJBNTTB", "STBHHX", "SKSM", "JCDM", "XMXZ", "DXZB")), layers.toString());
        assertEquals(Set.of(4526, 4490, 4547), epsg);
    }

    @Test
    void infoAndCheckLeaveTheInputUntouched() throws Exception {
        Path file = Files.copy(SampleData.zengduSample(), dir.resolve("input.gpkg"));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L));
        byte[] before = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        var mtime = Files.getLastModifiedTime(file);
        assertEquals(Cli.OK, run("info", file.toString()));
        assertEquals(Cli.OK, run("check", file.toString(), "--json", dir.resolve("out.json").toString()));
        assertTrue(java.util.Arrays.equals(before, java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        assertEquals(mtime, Files.getLastModifiedTime(file));
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("input.gpkg", "out.json"), files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "no journal or temporary file is left beside the input");
        }
    }

    @Test
    void infoWarnsOfAnUnknownCrs() throws Exception {
        Path p = small("odd.gpkg", false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p)) {
            c.createStatement().execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('site grid', 99999, 'LOCAL', 1, 'LOCAL_CS[\"x\"]', '')");
            c.createStatement().execute("UPDATE gpkg_geometry_columns SET srs_id = 99999 WHERE table_name = 'XMXZ'");
        }
        assertEquals(Cli.WARNINGS, run("info", p.toString()));
        assertTrue(out().contains("XMXZ"));
        assertTrue(err().contains("XMXZ") && err().contains("LOCAL:1"), err());
        assertOneLineRefusal(run("check", p.toString()), "XMXZ");
    }

    @Test
    void checkRunsOnTheSampleAndWritesTheJson() throws Exception {
        Path json = dir.resolve("result.json");
        assertEquals(Cli.OK, run("check", SampleData.zengduSample().toString(), "--json", json.toString()));
        assertTrue(out().contains("涢水片区") && out().contains("㵐水片区"), out());
        String text = Files.readString(json, StandardCharsets.UTF_8);
        for (String key : List.of("\"units\"", "\"cultivated_m2\"", "\"cultivated_planar_m2\"", "\"basic_farmland_m2\"", "\"eco_redline_planar_m2\"",
                "\"sites\"", "\"area_m2\"", "\"overlaps\"", "\"basic_farmland_eco_redline_m2\"", "\"data_quality\"")) {
            assertTrue(text.contains(key), key);
        }
        assertEquals(Cli.OK, run("--lang", "en", "check", SampleData.zengduSample().toString()));
        assertTrue(out().contains("Project sites"), out());
    }

    @Test
    void checkRefusesBadRolesClearly() throws Exception {
        String sample = SampleData.zengduSample().toString();
        assertOneLineRefusal(run("check", sample, "--role", "farms=DLTB"), "farms");
        assertOneLineRefusal(run("check", sample, "--role", "units=流域"), "流域");
        assertOneLineRefusal(run("check", sample, "--role", "units"), "--role");
        assertOneLineRefusal(run("check", sample, "--bogus"), "--bogus");
        assertOneLineRefusal(run("check", small("two.gpkg", true).toString()), "basic_farmland");
        assertOneLineRefusal(run("check", small("nosites.gpkg", false).toString(), "--role", "sites=EMPTY"), "EMPTY");
    }

    @Test
    void explicitRolesAcrossTwoFiles() throws Exception {
        Path a = small("a.gpkg", false);
        String sample = SampleData.zengduSample().toString();
        // both files hold LYZLDY, XMXZ and YJJBNTTB: without roles the program will not guess, and says how to choose
        assertOneLineRefusal(run("check", a.toString(), sample), "a.gpkg:");
        assertEquals(Cli.OK, run("check", a.toString(), sample, "--role", "sites=a.gpkg:XMXZ", "--role", "basic_farmland=a.gpkg:YJJBNTTB",
                "--role", "units=" + SampleData.zengduSample().getFileName() + ":LYZLDY"), err());
        assertTrue(out().contains("小项目"), out());
    }

    /** units, a site, and (optionally) two layers that both look like permanent basic farmland; plus an empty layer. */
    Path small(String name, boolean twoBasicFarmlands) throws Exception {
        GeometryFactory gf = new GeometryFactory();
        Path p = dir.resolve(name);
        try (GeoPackageWriter w = GeoPackageWriter.create(p, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
            w.createFeatureTable("LYZLDY", "units", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("DYMC")));
            w.insertFeature("LYZLDY", box(gf, 440000, 3500000, 10000), "测试片区");
            w.createFeatureTable("XMXZ", "sites", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("XMMC")));
            w.insertFeature("XMXZ", box(gf, 441000, 3501000, 100), "小项目");
            w.createFeatureTable("EMPTY", "empty sites", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("XMMC")));
            w.createFeatureTable("YJJBNTTB", "YJJBNTTB", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM")));
            w.insertFeature("YJJBNTTB", box(gf, 441050, 3501050, 100), "B1");
            if (twoBasicFarmlands) {
                w.createFeatureTable("永久基本农田", "永久基本农田", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM")));
                w.insertFeature("永久基本农田", box(gf, 442000, 3502000, 100), "B2");
            }
            w.commit();
        }
        return p;
    }

    static Geometry box(GeometryFactory gf, double x, double y, double s) {
        return gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + s, y), new Coordinate(x + s, y + s),
                new Coordinate(x, y + s), new Coordinate(x, y)});
    }
}
