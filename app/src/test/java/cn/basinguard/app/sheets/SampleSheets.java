package cn.basinguard.app.sheets;

import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.report.ComplianceSheet;
import cn.basinguard.core.report.DistrictSummarySheet;
import cn.basinguard.core.report.Fingerprint;
import cn.basinguard.core.report.Sheet;
import cn.basinguard.core.report.SheetBuilder;
import cn.basinguard.core.report.SiteReviewSheet;
import cn.basinguard.data.SampleData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Zengdu sample's sheets, built once for all sheet tests, dated 2026-01-01 so the text is reproducible. */
final class SampleSheets {
    static final LocalDate DATE = LocalDate.of(2026, 1, 1);
    private static SampleSheets instance;

    final Path sample;
    final CheckReport report;
    final Fingerprint fingerprint;
    final DistrictSummarySheet summary;
    final List<ComplianceSheet> units;
    final List<SiteReviewSheet> sites;
    /** The workbook's site tables across all sites (land classes … patches). */
    final List<cn.basinguard.core.report.SheetTable> siteTables;
    /** The map every sheet's frame is drawn from: the sample's layers in the report's grid. */
    final cn.basinguard.core.map.MapContent map;

    private SampleSheets() {
        // a fixed file name: the sheets print it, and the sample may come from a jar cache or from the build folder
        try {
            Path dir = java.nio.file.Files.createDirectories(Path.of("target/sheets-sample"));
            sample = java.nio.file.Files.copy(SampleData.zengduSample(), dir.resolve("zengdu-sample.gpkg"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        report = new CheckEngine(CheckParameters.DEFAULT).run(DatasetLoader.load(List.of(sample), Map.of()).input(), Progress.NONE);
        fingerprint = Fingerprint.of(List.of(sample), "test-version", CheckParameters.DEFAULT, Map.of());
        SheetBuilder b = new SheetBuilder(report, DATE, fingerprint);
        summary = b.districtSheet();
        units = b.unitSheets();
        sites = b.siteSheets();
        siteTables = b.siteWorksheets();
        map = cn.basinguard.core.map.MapLayers.fromFiles(List.of(sample), report.grid());
    }

    static synchronized SampleSheets get() {
        if (instance == null) {
            instance = new SampleSheets();
        }
        return instance;
    }

    List<Sheet> all() {
        List<Sheet> all = new ArrayList<>();
        all.add(summary);
        all.addAll(units);
        all.addAll(sites);
        return all;
    }
}
