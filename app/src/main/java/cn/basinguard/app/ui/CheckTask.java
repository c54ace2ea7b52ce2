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
    private final Map<String, String> roles;

    CheckTask(List<Path> files, Map<String, String> roles) {
        this.files = List.copyOf(files);
        this.roles = Map.copyOf(roles);
    }

    @Override
    protected CheckReport call() {
        updateMessage(UiText.get("check.reading"));
        updateProgress(-1, 1);
        DatasetLoader.Loaded loaded = DatasetLoader.load(files, roles);
        Progress progress = new Progress((stage, done) -> {
            updateMessage(stage);
            updateProgress(done, 1);
        }, this::isCancelled);
        return new CheckEngine(CheckParameters.DEFAULT).run(loaded.input(), progress);
    }
}
