package cn.basinguard.app.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckInput;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.crs.BursaWolf;
import cn.basinguard.core.loaded.LoadedSource;
import cn.basinguard.core.report.CheckJson;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.data.SampleData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's one loaded model gives the checks what the files give the command line: the same report, to the last
 * digit of its JSON, for the sample, for a bureau's Shapefile folder with a datum shift and a control list, for a
 * unit's check, with and without the pieces' outlines. From a damaged file the model's figures are the file's too, and
 * it says every feature it could not read — it read them all — where a check from the file says those it decoded.
 */
class LoadedModelCheckTest {
    @TempDir
    Path dir;

    @Test
    void theSampleGivesTheSameReportFromTheModelAsFromTheFile() throws Exception {
        Path sample = SampleData.zengduSample();
        assertSame(List.of(sample), SourceOptions.DEFAULT, null, null);
        assertSame(List.of(sample), SourceOptions.DEFAULT, null, "涢水片区");
    }

    @Test
    void aBureauFolderWithADatumShiftGivesTheSameReport() throws Exception {
        String target = System.getProperty("basinguard.dataTarget");
        assumeTrue(target != null && Files.isDirectory(Path.of(target, "zengdu-bureau")), "the data module's bureau folder is not built");
        Path folder = Path.of(target, "zengdu-bureau");
        BursaWolf xian80 = BursaWolf.parse("XIAN80:-118.53,62.87,47.35,1.736,-2.185,-3.114,2.618");
        SourceOptions options = new SourceOptions(SourceOptions.DEFAULT.dbfEncoding(), SourceOptions.DEFAULT.recursive(), List.of(xian80));
        assertSame(List.of(folder), options, Path.of(target, "zengdu-control-list.xlsx"), null);
    }

    /**
     * Blobs that do not parse and NULL geometries written behind the spatial index's back: the same figures, and the
     * model says each feature it could not read, where the file's check says only those it decoded (land use that is
     * not cultivated land is decoded only around the sites; one unit's check decodes that unit's).
     */
    @Test
    void damagedGeometriesGiveTheSameFiguresAndTheModelSaysEveryOne() throws Exception {
        Path copy = dir.resolve("damaged.gpkg");
        Files.copy(SampleData.zengduSample(), copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            // bytes changed in the file behind the program's back: the spatial index keeps the boxes it had
            List<String> triggers = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
            }
            for (String t : triggers) {
                c.createStatement().execute("DROP TRIGGER \"" + t + "\"");
            }
            c.createStatement().execute("UPDATE DLTB SET geom = substr(geom, 1, 60) WHERE fid % 97 = 3");
            c.createStatement().execute("UPDATE DLTB SET geom = NULL WHERE fid % 101 = 5");
            c.createStatement().execute("UPDATE YJJBNTTB SET geom = X'4750000300000000' || substr(geom, 9, 5) WHERE fid % 89 = 7");
            c.createStatement().execute("UPDATE YJJBNTTB SET geom = substr(geom, 1, 40) || X'00' WHERE fid % 83 = 2");
        }
        for (String unit : new String[] {null, "涢水片区"}) {
            String fromFile = report(List.of(copy), SourceOptions.DEFAULT, null, unit, false, false);
            String fromModel = report(List.of(copy), SourceOptions.DEFAULT, null, unit, true, false);
            assertEquals(withoutDataQuality(fromFile), withoutDataQuality(fromModel), "the figures, unit " + unit);
            List<String> saidByFile = said(fromFile);
            List<String> saidByModel = said(fromModel);
            assertTrue(saidByFile.size() > 20, saidByFile.toString());
            List<String> missing = new ArrayList<>(saidByFile);
            missing.removeAll(saidByModel);
            assertEquals(List.of(), missing, "unit " + unit + ": the model says all the file says");
            assertTrue(saidByModel.size() > saidByFile.size(), saidByModel.toString());
        }
    }

    private static String withoutDataQuality(String json) {
        int from = json.indexOf("\"data_quality\"");
        int to = json.indexOf("\n  } ]", from);
        assertTrue(from > 0 && to > from, json);
        return json.substring(0, from) + json.substring(to);
    }

    private static List<String> said(String json) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"message\" : \"([^\"]*)\"").matcher(json.substring(json.indexOf("\"data_quality\"")));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private void assertSame(List<Path> paths, SourceOptions options, Path controlList, String unit) throws Exception {
        for (boolean figuresOnly : new boolean[] {true, false}) {
            String fromFile = report(paths, options, controlList, unit, false, figuresOnly);
            String fromModel = report(paths, options, controlList, unit, true, figuresOnly);
            assertTrue(fromFile.contains("\"units\""), fromFile);
            assertEquals(fromFile, fromModel, paths + (unit == null ? "" : " unit " + unit) + (figuresOnly ? "" : " with outlines"));
        }
    }

    /** The check as the command line runs it (sources open, big layers read area by area), from the files or from the model. */
    private static String report(List<Path> paths, SourceOptions options, Path controlList, String unit, boolean model, boolean figuresOnly)
            throws Exception {
        try (DataSources.Opened opened = DataSources.openAll(paths.stream().map(Path::toString).toList(), options)) {
            List<DataSource> sources = new ArrayList<>(opened.sources());
            if (model) {
                sources.replaceAll(s -> LoadedSource.load(s, () -> false));
            }
            try {
                DatasetLoader.Loaded loaded = DatasetLoader.fromSources(sources, Map.of(), unit);
                CheckInput input = controlList == null ? loaded.input() : DatasetLoader.withControlList(loaded.input(), controlList);
                CheckEngine engine = new CheckEngine(CheckParameters.DEFAULT);
                CheckReport r = (figuresOnly ? engine.figuresOnly() : engine).run(input, Progress.NONE);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                CheckJson.write(r, "test", out);
                return out.toString(StandardCharsets.UTF_8) + "\n" + r.conflicts().size() + " conflicts, outlines "
                        + r.conflicts().stream().map(c -> c.geometry() == null ? "-" : c.geometry().toText().hashCode() + "").toList();
            } finally {
                if (model) {
                    sources.forEach(DataSource::close);
                }
            }
        }
    }
}
