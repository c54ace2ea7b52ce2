package cn.basinguard.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder the window exports into: made when it does not exist yet, or a sentence for the user saying why it cannot be. */
final class ExportFolder {
    private ExportFolder() {
    }

    /** Makes {@code dir} and its missing parents; null when it is there, else what stands in the way, in the UI's language. */
    static String create(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return UiText.get("export.folderIsFile", dir, existing);
        }
        if (existing != null && !existing.equals(dir.toAbsolutePath()) && !Files.isWritable(existing)) {
            return UiText.get("export.folderDenied", dir, existing);
        }
        try {
            Files.createDirectories(dir);
            return null;
        } catch (IOException | SecurityException e) {
            return UiText.get("export.folderFailed", dir, String.valueOf(e.getMessage()));
        }
    }
}
