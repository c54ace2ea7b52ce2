package cn.basinguard.core.io;

import cn.basinguard.core.GisException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Writes an output file so that it is never half-written: the content goes to a temporary file beside the target
 * ({@link TempFiles}), is forced to disk, and then replaces the target in one rename. Whenever the process stops —
 * an error, a full disk, SIGKILL, a power cut — the target is the earlier file (if any) or the complete new one. A
 * failure says why in one line and leaves no temporary file; one left by a killed process is deleted the next time
 * the same target is written.
 */
public final class AtomicFile {
    /** Writes the content; may throw IOException. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Makes the file at the path it is given (which does not exist yet); may throw IOException. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Refuses a target that cannot be written — its folder missing or read-only, or a folder in its place — with one
     * clear message; callers with minutes of work before the write call it first.
     */
    public static void checkTarget(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new GisException("io.noFolder", dir);
        }
        if (Files.isDirectory(abs)) {
            throw new GisException("io.isFolder", abs);
        }
        if (!Files.isWritable(dir)) {
            throw new GisException("io.denied", abs);
        }
    }

    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        checkTarget(abs);
        TempFiles.sweep(abs);
        Path tmp = null;
        try {
            tmp = TempFiles.createBeside(abs, ".part");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                // writers that close their stream (Jackson's generator does) must not close the channel before it is forced
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch)) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            replace(tmp, abs);
            tmp = null;
        } catch (IOException e) {
            throw OutputFailure.of(e, abs, "io.failed");
        } catch (UncheckedIOException e) {
            // writers that cannot throw IOException (PDFBox callbacks, image writers) wrap it
            throw OutputFailure.of(e.getCause(), abs, "io.failed");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed and says so; the next write of this target deletes the file
                }
            }
        }
    }

    /**
     * As {@link #write}, for a file that a library must create and fill itself (a GeoPackage, through SQLite):
     * {@code content} is given a free hidden name beside the target (ending in {@code suffix}) to make the file at,
     * and may open it again to verify it before it returns. The file is then forced to disk and replaces the target in
     * one rename. An exception leaves the target as it was and deletes the file; one left by a killed process is
     * deleted the next time the same target is written.
     */
    public static void writeFile(Path target, String suffix, FileContent content) {
        Path abs = target.toAbsolutePath();
        checkTarget(abs);
        TempFiles.sweep(abs);
        Path tmp = TempFiles.nameBeside(abs, suffix);
        try {
            content.writeTo(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            replace(tmp, abs);
            tmp = null;
        } catch (IOException e) {
            throw OutputFailure.of(e, abs, "io.failed");
        } finally {
            if (tmp != null) {
                for (Path p : new Path[] {tmp, Path.of(tmp + "-journal"), Path.of(tmp + "-wal"), Path.of(tmp + "-shm")}) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // the write already failed and says so; the next write of this target deletes the file
                    }
                }
            }
        }
    }

    /** Moves the finished temporary file over the target and makes the move durable. */
    private static void replace(Path tmp, Path target) throws IOException {
        keepPermissions(target, tmp);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        TempFiles.syncFolder(target.getParent());
    }

    /** A replaced file keeps its permissions (someone may have made it readable to colleagues). */
    private static void keepPermissions(Path target, Path tmp) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (view != null && Files.exists(target)) {
                Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
            }
        } catch (IOException | RuntimeException e) {
            // the new file keeps the folder's default permissions
        }
    }
}
