package cn.basinguard.app.ui;

import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.concurrent.Task;

/**
 * Runs all checks off the JavaFX thread. Progress and the stage name reach the status bar through the Task's
 * properties; cancel() stops the engine at its next check point.
 */
final class CheckTask extends Task<CheckReport> {
    private final List<Path> files;
    private final List<cn.basinguard.core.source.DataSource> sources;
    private final Map<String, String> roles;
    private final cn.basinguard.core.check.RoleLayer sites;
    private volatile ResultRows.Tables rows;

    /** @param sites project sites to check instead of those of the files (imported from TXT, Shapefile …), or null */
    CheckTask(List<Path> files, Map<String, String> roles, cn.basinguard.core.check.RoleLayer sites) {
        this(files, null, roles, sites);
    }

    /**
     * A check of sources the window keeps open (a connected database): their big layers are read area by area while
     * the checks run, and they stay open afterwards.
     */
    static CheckTask ofSources(List<cn.basinguard.core.source.DataSource> sources, cn.basinguard.core.check.RoleLayer sites) {
        return new CheckTask(List.of(), sources, Map.of(), sites);
    }

    private CheckTask(List<Path> files, List<cn.basinguard.core.source.DataSource> sources, Map<String, String> roles,
                      cn.basinguard.core.check.RoleLayer sites) {
        this.files = List.copyOf(files);
        this.sources = sources == null ? null : List.copyOf(sources);
        this.roles = Map.copyOf(roles);
        this.sites = sites;
    }

    @Override
    protected CheckReport call() {
        updateMessage(UiText.get("check.reading"));
        updateProgress(-1, 1);
        DatasetLoader.Loaded loaded = sources != null ? DatasetLoader.fromSources(sources, roles) : DatasetLoader.load(files, roles);
        var input = sites == null ? loaded.input() : loaded.input().with(sites, sites.source());
        Progress progress = new Progress((stage, done) -> {
            updateMessage(stage);
            updateProgress(done, 1);
        }, this::isCancelled);
        CheckReport report = new CheckEngine(CheckParameters.DEFAULT).run(input, progress);
        rows = ResultRows.of(report);
        return report;
    }

    /** The result tables' rows, made here rather than on the JavaFX thread; set once the task has succeeded. */
    ResultRows.Tables rows() {
        return rows;
    }
}
