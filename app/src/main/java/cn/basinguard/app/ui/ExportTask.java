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
    private final cn.basinguard.core.map.MapContent shown;
    private final cn.basinguard.core.source.DataSource database;

    /**
     * @param subject the one unit or site to export, or null for all
     * @param shown the window's map, reused for the sheets' maps when it is in the report's grid (else read again)
     */
    ExportTask(CheckReport report, List<Path> inputs, Path dir, String subject, cn.basinguard.core.map.MapContent shown) {
        this(report, inputs, null, dir, subject, shown);
    }

    /** @param database the connected database the report was made from (its tables' digests are the fingerprint), or null */
    ExportTask(CheckReport report, List<Path> inputs, cn.basinguard.core.source.DataSource database, Path dir, String subject,
               cn.basinguard.core.map.MapContent shown) {
        this.database = database;
        this.report = report;
        this.inputs = List.copyOf(inputs);
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
        Fingerprint fingerprint = Fingerprint.of(inputs, database == null ? List.of() : database.contents(), Version.get(),
                CheckParameters.DEFAULT, Map.of());
        cn.basinguard.core.map.MapContent map = shown != null && shown.crs().equals(report.grid()) ? allVisible(shown)
                : database != null ? MapLayers.fromSources(List.of(database), report.grid()) : MapLayers.fromFiles(inputs, report.grid());
        return new SheetExporter(new RendererMapPainter(map)).export(report, fingerprint, LocalDate.now(), dir,
                EnumSet.allOf(SheetExporter.Format.class), subject, (done, total) -> {
                    updateProgress(done, total);
                    updateMessage(UiText.get("export.progress", done, total));
                });
    }
}
