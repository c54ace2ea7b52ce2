package cn.basinguard.app.ui;

import cn.basinguard.app.Version;
import cn.basinguard.core.pack.OfflinePack;
import cn.basinguard.core.pack.PackArea;
import cn.basinguard.core.source.DataSources;
import java.nio.file.Path;
import java.util.Map;
import javafx.concurrent.Task;

/**
 * Makes an offline pack off the JavaFX thread, with progress and a cancel button: the same {@link OfflinePack} as
 * {@code basinguard pack}, verified before it is saved. Reads the open data as the checks read it (its files, or the
 * database the window is connected to, which stays connected), with its options and the imported control list.
 */
final class PackTask extends Task<OfflinePack.Result> {
    private final OpenedData data;
    private final PackArea area;
    private final Path out;

    PackTask(OpenedData data, PackArea area, Path out) {
        this.data = data;
        this.area = area;
        this.out = out;
    }

    @Override
    protected OfflinePack.Result call() {
        updateMessage(UiText.get("pack.running"));
        updateProgress(-1, 1);
        try (DataSources.Opened opened = data.open()) {
            return OfflinePack.write(new OfflinePack.Request(opened.sources(), Map.of(), area, data.controlList(), out, data.options(),
                    Version.get()), (stage, done) -> {
                        updateMessage(stage);
                        updateProgress(done, 1);
                    }, this::isCancelled);
        }
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
