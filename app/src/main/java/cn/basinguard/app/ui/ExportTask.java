package cn.basinguard.app.ui;

import cn.basinguard.app.Version;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.report.Fingerprint;
import cn.basinguard.core.report.SheetExporter;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.report.RendererMapPainter;
import cn.basinguard.core.source.DataSources;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javafx.concurrent.Task;

/**
 * Writes the sheets of the last check run (PDF, XLSX, CSV, every unit and site and the district summary) off the
 * JavaFX thread, with progress; the same exporter and fingerprint as {@code basinguard export}.
 */
final class ExportTask extends Task<List<Path>> {
    private final CheckReport report;
    private final OpenedData data;
    private final Path dir;
    private final String subject;
    private final cn.basinguard.core.map.MapContent shown;

    /**
     * @param subject the one unit or site to export, or null for all
     * @param shown the window's map, reused for the sheets' maps when it is in the report's grid (else read again)
     */
    ExportTask(CheckReport report, OpenedData data, Path dir, String subject, cn.basinguard.core.map.MapContent shown) {
        this.report = report;
        this.data = data;
        this.dir = dir;
        this.subject = subject;
        this.shown = shown;
    }

    /** A sheet shows every layer, whatever the window has switched off. */
    private static cn.basinguard.core.map.MapContent allVisible(cn.basinguard.core.map.MapContent c) {
        return new cn.basinguard.core.map.MapContent(c.crs(), c.layers().stream().map(l -> l.withVisible(true)).toList());
    }

    @Override
    protected List<Path> call() {
        updateMessage(UiText.get("export.running"));
        SheetExporter.checkFolder(dir);
        // the fingerprint of the files the checks read, the control list included, and of a database's tables as
        // their digests on the server, as `basinguard export` takes it
        try (DataSources.Opened opened = data.open()) {
            Fingerprint fingerprint = Fingerprint.of(data.files(opened), opened.contents(), Version.get(), CheckParameters.DEFAULT, Map.of());
            return new SheetExporter(new RendererMapPainter(
                    shown != null && shown.crs().equals(report.grid()) ? allVisible(shown) : MapLayers.fromSources(opened.sources(), report.grid())))
                    .export(report, fingerprint, LocalDate.now(), dir, EnumSet.allOf(SheetExporter.Format.class), subject, (done, total) -> {
                        updateProgress(done, total);
                        updateMessage(UiText.get("export.progress", done, total));
                    });
        }
    }
}
