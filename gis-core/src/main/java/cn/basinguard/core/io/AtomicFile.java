package cn.basinguard.core.io;

import cn.basinguard.core.GisException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file so that it is never half-written: the content goes to a temporary file beside the target,
 * which then replaces the target in one move. A failure leaves the old file (if any) as it was and says why.
 */
public final class AtomicFile {
    /** Writes the content; may throw IOException. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new GisException("io.noFolder", dir);
        }
        if (Files.isDirectory(abs)) {
            throw new GisException("io.isFolder", abs);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".part");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new GisException(e, "io.denied", abs);
        } catch (FileSystemException e) {
            throw new GisException(e, "io.failed", abs, e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
        } catch (IOException e) {
            throw new GisException(e, "io.failed", abs, e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed and says so; a stray .part file is the lesser harm
                }
            }
        }
    }
}
