package cn.basinguard.app.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test: a disk that really fills up, or a folder that is really read-only (the tests run
 * as root in CI, and root writes into any folder whatever its permission bits). Mounting needs root or password-less
 * sudo and a system that allows it; where it is not allowed {@link #tmpfs} says why and the test is skipped.
 */
final class ScratchMount implements AutoCloseable {
    final Path dir;
    private final List<String> sudo;

    private ScratchMount(Path dir, List<String> sudo) {
        this.dir = dir;
        this.sudo = sudo;
    }

    /** Whether this process runs as root (root ignores permission bits: a read-only folder then needs a mount). */
    static boolean root() {
        try {
            return "0".equals(run(List.of("id", "-u")).strip());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A tmpfs of {@code bytes} at {@code dir} (created), writable by this process.
     *
     * @throws org.opentest4j.TestAbortedException (the test is skipped) where no tmpfs can be mounted
     */
    static ScratchMount tmpfs(Path dir, long bytes) throws IOException {
        Files.createDirectories(dir);
        List<List<String>> ways = root() ? List.of(List.of()) : List.of(List.of("sudo", "-n"));
        String why = "";
        for (List<String> sudo : ways) {
            List<String> cmd = new ArrayList<>(sudo);
            cmd.addAll(List.of("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=1777", "tmpfs", dir.toString()));
            try {
                run(cmd);
                return new ScratchMount(dir, sudo);
            } catch (IOException e) {
                why = e.getMessage();
            }
        }
        org.junit.jupiter.api.Assumptions.abort("skipped: a tmpfs cannot be mounted here (needs root or password-less sudo, "
            + "and a system that allows mounts; .ci/run runs as root): " + why);
        throw new AssertionError("unreachable");
    }

    /** Makes the whole mount read-only, as a write-protected share or card would be. */
    void readOnly() throws IOException {
        List<String> cmd = new ArrayList<>(sudo);
        cmd.addAll(List.of("mount", "-o", "remount,ro", dir.toString()));
        run(cmd);
    }

    /** Fills the disk up to {@code leave} free bytes with a file of zeros. */
    void fillLeaving(long leave) throws IOException {
        long free = Files.getFileStore(dir).getUsableSpace();
        long size = free - leave;
        if (size <= 0) {
            return;
        }
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(dir.resolve("filler.bin"))) {
            for (long written = 0; written < size; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    @Override
    public void close() throws IOException {
        List<String> cmd = new ArrayList<>(sudo);
        // lazy: a file a failed test left open must not keep the mount (and the build's target folder) busy
        cmd.addAll(List.of("umount", "-l", dir.toString()));
        run(cmd);
    }

    private static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + ": exit " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }
}
