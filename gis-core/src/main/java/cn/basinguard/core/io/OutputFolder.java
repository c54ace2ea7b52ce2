package cn.basinguard.core.io;

import cn.basinguard.core.GisException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder that output goes into, created when it does not exist yet (as most tools do with an output folder). What
 * stands in the way — a file where a folder should be, a folder the user may not write in — is one clear message,
 * said by {@link #check} before any long computation, so nothing is created for a run that cannot write.
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * Refuses a folder that exists but cannot take files, or that could not be created: a file in its place or in
     * the place of one of its parents, or a nearest existing parent the user may not write in. Creates nothing.
     */
    public static void check(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            if (!Files.isWritable(abs)) {
                throw new GisException("io.denied", abs);
            }
            return;
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new GisException("io.folderFailed", abs, abs.getRoot());
        }
        if (!Files.isDirectory(existing)) {
            throw new GisException("io.folderBlocked", abs, existing);
        }
        if (!Files.isWritable(existing)) {
            throw new GisException("io.folderDenied", abs, existing);
        }
    }

    /** Checks the folder, then creates it and its missing parents. */
    public static void create(Path dir) {
        check(dir);
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
        } catch (FileAlreadyExistsException e) {
            throw new GisException(e, "io.folderBlocked", abs, e.getFile());
        } catch (AccessDeniedException e) {
            throw new GisException(e, "io.folderDenied", abs, e.getFile() == null ? abs : e.getFile());
        } catch (FileSystemException e) {
            // a read-only file system, for one: the root user passes every permission test, then fails here
            throw new GisException(e, "io.folderFailed", abs, e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
        } catch (IOException e) {
            throw new GisException(e, "io.folderFailed", abs, e.getMessage());
        }
    }
}
