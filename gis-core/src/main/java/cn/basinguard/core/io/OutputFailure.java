package cn.basinguard.core.io;

import cn.basinguard.core.GisException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What to tell the user when writing an output failed: a read-only folder, a full disk, or the system's own reason —
 * each one line that says the earlier file (if any) was left as it was.
 */
public final class OutputFailure {
    /** Below this much free space a failed write is taken for a full disk, whatever the error's text. */
    private static final long NEARLY_FULL = 256 * 1024;

    private OutputFailure() {
    }

    /**
     * @param target the file that was being written
     * @param otherwise the message key for any other failure ({0} = file, {1} = reason)
     */
    public static GisException of(Throwable e, Path target, String otherwise) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (e instanceof AccessDeniedException || readOnly(dir)) {
            return new GisException(e, "io.denied", abs);
        }
        if (diskFull(e, dir)) {
            return new GisException(e, "io.diskFull", abs);
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
            : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new GisException(e, otherwise, abs, reason);
    }

    private static boolean readOnly(Path dir) {
        try {
            return dir != null && Files.getFileStore(dir).isReadOnly();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean diskFull(Throwable e, Path dir) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            // Linux/macOS ENOSPC; Windows ERROR_DISK_FULL; SQLite's SQLITE_FULL
            if (m.contains("no space left") || m.contains("not enough space") || m.contains("sqlite_full") || m.contains("disk is full")) {
                return true;
            }
        }
        try {
            return dir != null && Files.getFileStore(dir).getUsableSpace() < NEARLY_FULL;
        } catch (IOException | RuntimeException ex) {
            return false;
        }
    }
}
