package cn.basinguard.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files an output is written to before it is moved into place, named {@code .NAME.PID.RANDOM.SUFFIX}
 * beside the target so the move is a rename on one file system. A process killed mid-write (SIGKILL, power cut)
 * cannot delete its temporary file; the process id in the name lets the next write of the same target delete those
 * of processes that are no longer running ({@link #sweep}), so they do not pile up.
 */
public final class TempFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long PID = ProcessHandle.current().pid();

    private TempFiles() {
    }

    /** A new empty file beside {@code target}, with the folder's default permissions (not the 0600 of createTempFile). */
    public static Path createBeside(Path target, String suffix) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        while (true) {
            Path tmp = dir.resolve(name(target, suffix));
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                // another random part; a clash is a one in 2^63 event
            }
        }
    }

    /** A free name beside {@code target} for a file that another library must create itself (SQLite). */
    public static Path nameBeside(Path target, String suffix) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp;
        do {
            tmp = dir.resolve(name(target, suffix));
        } while (Files.exists(tmp));
        return tmp;
    }

    private static String name(Path target, String suffix) {
        return "." + target.getFileName() + "." + PID + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix;
    }

    /**
     * Deletes the temporary files of {@code target} (and of files a library made from them: {@code -journal},
     * GeoPackageWriter's own {@code ..NAME…}) left by processes that are no longer running. Best effort: a file that
     * cannot be deleted is left for the next time.
     */
    public static void sweep(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Pattern ours = Pattern.compile("\\.{1,2}" + Pattern.quote(abs.getFileName().toString()) + "\\.(\\d{1,10})\\..+");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + "*")) {
            for (Path f : files) {
                Matcher m = ours.matcher(f.getFileName().toString());
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(1));
                    if (pid != PID && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be listed fails the write itself, with its own message
        }
    }

    /**
     * Flushes a folder's entries to disk after a file was moved into it, so the move survives a power cut (POSIX;
     * where a folder cannot be opened, as on Windows, the move is as durable as the system makes it).
     */
    public static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not supported here: nothing more can be done
        }
    }
}
