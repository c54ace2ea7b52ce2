package cn.basinguard.app.ui;

import cn.basinguard.app.Version;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.report.Fingerprint;
import cn.basinguard.core.report.SheetExporter;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.report.RendererMapPainter;
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
    private final List<Path> inputs;
    private final Path dir;
    private final String subject;

    /** @param subject the one unit or site to export, or null for all */
    ExportTask(CheckReport report, List<Path> inputs, Path dir, String subject) {
        this.report = report;
        this.inputs = List.copyOf(inputs);
        this.dir = dir;
        this.subject = subject;
    }

    @Override
    protected List<Path> call() {
        updateMessage(UiText.get("export.running"));
        SheetExporter.checkFolder(dir);
        Fingerprint fingerprint = Fingerprint.of(inputs, Version.get(), CheckParameters.DEFAULT, Map.of());
        return new SheetExporter(new RendererMapPainter(MapLayers.fromFiles(inputs, report.grid()))).export(report, fingerprint, LocalDate.now(), dir,
                EnumSet.allOf(SheetExporter.Format.class), subject, (done, total) -> {
                    updateProgress(done, total);
                    updateMessage(UiText.get("export.progress", done, total));
                });
    }
}
