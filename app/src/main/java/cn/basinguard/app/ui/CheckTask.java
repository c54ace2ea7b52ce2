package cn.basinguard.app.ui;

import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckInput;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.source.DataSources;
import java.util.Map;
import javafx.concurrent.Task;

/**
 * Runs all checks off the JavaFX thread, on the sources of the opened data read as {@code basinguard check} reads
 * them (the same loader, the imported control list in place of the data's targets, the sources open while the big
 * layers are read area by area), so a folder gives the window the command line's figures. Progress and the stage
 * name reach the status bar through the Task's properties; cancel() stops the engine at its next check point.
 */
final class CheckTask extends Task<CheckReport> {
    private final OpenedData data;
    private final Map<String, String> roles;
    private final cn.basinguard.core.check.RoleLayer sites;
    private volatile ResultRows.Tables rows;

    /** @param sites project sites to check instead of those of the data (imported from TXT, Shapefile …), or null */
    CheckTask(OpenedData data, Map<String, String> roles, cn.basinguard.core.check.RoleLayer sites) {
        this.data = data;
        this.roles = Map.copyOf(roles);
        this.sites = sites;
    }

    @Override
    protected CheckReport call() {
        updateMessage(UiText.get("check.reading"));
        updateProgress(-1, 1);
        try (DataSources.Opened opened = data.open()) {
            DatasetLoader.Loaded loaded = DatasetLoader.fromSources(opened.sources(), roles);
            CheckInput input = data.controlList() == null ? loaded.input() : DatasetLoader.withControlList(loaded.input(), data.controlList());
            if (sites != null) {
                input = input.with(sites, sites.source());
            }
            Progress progress = new Progress((stage, done) -> {
                updateMessage(stage);
                updateProgress(done, 1);
            }, this::isCancelled);
            CheckReport report = new CheckEngine(CheckParameters.DEFAULT).run(input, progress);
            rows = ResultRows.of(report);
            return report;
        }
    }

    /** The result tables' rows, made here rather than on the JavaFX thread; set once the task has succeeded. */
    ResultRows.Tables rows() {
        return rows;
    }
}
