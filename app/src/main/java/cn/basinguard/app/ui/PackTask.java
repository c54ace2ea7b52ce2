package cn.basinguard.app.ui;

import cn.basinguard.app.Version;
import cn.basinguard.core.pack.OfflinePack;
import cn.basinguard.core.pack.PackArea;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.concurrent.Task;

/**
 * Makes an offline pack off the JavaFX thread, with progress and a cancel button: the same {@link OfflinePack} as
 * {@code basinguard pack}, verified before it is saved. Reads from the database the window is connected to, or from
 * the open file.
 */
final class PackTask extends Task<OfflinePack.Result> {
    private final DataSource database;
    private final Path file;
    private final PackArea area;
    private final Path out;

    /** @param database the connected database (left open), or null to read {@code file} */
    PackTask(DataSource database, Path file, PackArea area, Path out) {
        this.database = database;
        this.file = file;
        this.area = area;
        this.out = out;
    }

    @Override
    protected OfflinePack.Result call() {
        updateMessage(UiText.get("pack.running"));
        updateProgress(-1, 1);
        if (database != null) {
            return write(List.of(database));
        }
        try (DataSources.Opened opened = DataSources.open(file.toString(), SourceOptions.DEFAULT)) {
            return write(opened.sources());
        }
    }

    private OfflinePack.Result write(List<DataSource> sources) {
        return OfflinePack.write(new OfflinePack.Request(sources, Map.of(), area, null, out, SourceOptions.DEFAULT, Version.get()),
                (stage, done) -> {
                    updateMessage(stage);
                    updateProgress(done, 1);
                }, this::isCancelled);
    }

    /** What the pack holds and that it was verified, for the dialog at the end. */
    static String summary(OfflinePack.Result r) {
        StringBuilder b = new StringBuilder(UiText.get("pack.done.file", r.file(), r.area())).append('\n');
        for (OfflinePack.PackedLayer l : r.layers()) {
            b.append(UiText.get("pack.done.layer", l.table(), UiText.get("pack.role." + l.role()), l.count())).append('\n');
            l.notes().forEach(n -> b.append("    ").append(n).append('\n'));
        }
        if (!r.left().isEmpty()) {
            b.append(UiText.get("pack.done.left", String.join("、", r.left()))).append('\n');
        }
        b.append(r.figuresCompared() > 0 ? UiText.get("pack.done.verified", r.figuresCompared(), r.fingerprint().substring(0, 12))
                : UiText.get("pack.done.verifiedNoCheck", r.fingerprint().substring(0, 12)));
        return b.toString();
    }
}
