package cn.basinguard.app.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckInput;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.importer.SiteImporter;
import cn.basinguard.core.report.CsvSheetWriter;
import cn.basinguard.core.report.DistrictSummarySheet;
import cn.basinguard.core.report.SheetBuilder;
import cn.basinguard.core.report.SiteReviewSheet;
import cn.basinguard.core.report.XlsxSheetWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * The sheets of sites outside the data (the sample with app/…/scope/far-sites.geojson as its sites): the site review
 * sheet says 未核查 with rule R4, its reason and dashes for figures it never measured, in PDF (text compared with
 * golden/not-checked-site.txt), XLSX and CSV; the district summary lists them as 未核查.
 */
class NotCheckedSheetsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/cn/basinguard/app/sheets/golden/not-checked-site.txt");
    private static final Path FAR = Path.of("src/test/resources/cn/basinguard/app/scope/far-sites.geojson");

    private static SheetBuilder builder() {
        SampleSheets ss = SampleSheets.get();
        CheckInput input = DatasetLoader.load(List.of(ss.sample), Map.of()).input();
        input = input.with(SiteImporter.read(FAR).toRoleLayer(), FAR.getFileName().toString());
        CheckReport report = new CheckEngine(CheckParameters.DEFAULT).run(input, Progress.NONE);
        return new SheetBuilder(report, SampleSheets.DATE, ss.fingerprint);
    }

    @Test
    void theSiteSheetSaysNotCheckedAndWhy() throws Exception {
        SiteReviewSheet s = builder().siteSheets().get(0);
        assertEquals("旧金山测试地块", s.subject());
        assertNull(s.map(), "no map of a place the data does not cover");
        String actual = GoldenSheetTextTest.normalised(s, PdfSheetTest.text(PdfSheetTest.pdf(s)));
        if (Boolean.getBoolean("basinguard.golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
        String flat = actual.replaceAll("\\s+", "");
        assertTrue(flat.contains("核查结论：未核查（R4）"), actual);
        assertTrue(flat.contains("不在核查范围") && flat.contains("约10,348公里"), actual);
        assertTrue(flat.contains("用地面积：—"), actual);
    }

    @Test
    void xlsxAndCsvSayItToo() throws Exception {
        SheetBuilder b = builder();
        List<SiteReviewSheet> sites = b.siteSheets();
        DistrictSummarySheet summary = b.districtSheet();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        new CsvSheetWriter().write(sites.get(0), csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("未核查（R4）"), text);
        assertTrue(text.contains("R4,未核查,"), text);
        assertTrue(text.contains("永久基本农田,—,—,—"), text);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        new XlsxSheetWriter().write(summary, b.unitSheets(), sites, "项目选址", xlsx);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()), new ReadingOptions(true, false))) {
            List<Row> rows = wb.findSheet(summary.subject()).orElseThrow().read();
            Row sf = rows.stream().filter(r -> r.getCellCount() > 2 && "旧金山测试地块".equals(r.getCellAsString(0).orElse(null)))
                .findFirst().orElseThrow();
            assertEquals("未核查", sf.getCellAsString(1).orElseThrow());
            // the figures it never measured are a dash, not a zero that would read as "no overlap"
            assertEquals("—", sf.getCellAsString(3).orElseThrow());
            Row inside = rows.stream().filter(r -> r.getCellCount() > 2 && "区内地块".equals(r.getCellAsString(0).orElse(null)))
                .findFirst().orElseThrow();
            assertEquals("符合", inside.getCellAsString(1).orElseThrow());
        }
    }
}
