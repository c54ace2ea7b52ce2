package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.app.postgis.PostGisSourceTest;
import cn.basinguard.app.postgis.TestDatabase;
import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.pack.OfflinePack;
import cn.basinguard.core.pack.PackArea;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.source.pg.PostGisSource;
import cn.basinguard.data.SampleData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stops a pack half-way — the user's cancel (the window's button and the command's interrupt both reach the pack
 * as its cancel check), a disk that fills up, the database connection cut while its rows are read — leaves the pack
 * of an earlier run byte for byte as it was, and no half-written pack, hidden staging file or SQLite journal beside it.
 */
class PackFaultsTest extends CliHarness {
    private static final String UNIT = "涢水片区";

    @TempDir
    Path dir;

    private static OfflinePack.Result pack(DataSource src, Path out, BooleanSupplier cancelled) {
        return OfflinePack.write(new OfflinePack.Request(List.of(src), Map.of(), new PackArea.Unit(UNIT), null, out, SourceOptions.DEFAULT,
                "test"), (stage, done) -> { }, cancelled);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPackCancelledWhileWritingOrVerifyingLeavesTheEarlierPackAsItWas() throws IOException {
        Path out = dir.resolve("洛阳镇.gpkg");
        try (GeoPackageSource src = GeoPackageSource.open(SampleData.zengduSample())) {
            // the earlier pack, and how many times a whole run asks whether it is cancelled
            AtomicInteger asked = new AtomicInteger();
            pack(src, out, () -> {
                asked.incrementAndGet();
                return false;
            });
            byte[] earlier = Files.readAllBytes(out);
            int total = asked.get();
            assertTrue(total > 100, "a pack asks often: " + total);
            // cancelled early in the writing, half-way and at the very end of the verification
            for (int at : new int[] {total / 10, total / 2, total - 2}) {
                AtomicInteger n = new AtomicInteger();
                assertThrows(CancellationException.class, () -> pack(src, out, () -> n.incrementAndGet() >= at), "cancelled at " + at);
                assertArrayEquals(earlier, Files.readAllBytes(out), "the earlier pack after a cancel at " + at + " of " + total);
                assertEquals(List.of("洛阳镇.gpkg"), files(), "nothing else left by a cancel at " + at);
            }
        }
        // a first pack cancelled leaves nothing at all
        Path first = dir.resolve("first.gpkg");
        try (PostGisSource src = PostGisSource.open(TestDatabase.address(TestDatabase.sampleSchema()), SourceOptions.DEFAULT)) {
            AtomicInteger n = new AtomicInteger();
            assertThrows(CancellationException.class, () -> pack(src, first, () -> n.incrementAndGet() >= 500));
        }
        assertEquals(List.of("洛阳镇.gpkg"), files());
    }

    @Test
    void aConnectionCutWhilePackingFromTheDatabaseLeavesTheEarlierPackAsItWas() throws IOException {
        Path out = dir.resolve("pack.gpkg");
        try (PostGisSource src = PostGisSource.open(TestDatabase.address(TestDatabase.sampleSchema()), SourceOptions.DEFAULT)) {
            pack(src, out, () -> false);
            byte[] earlier = Files.readAllBytes(out);
            // an administrator (or the network) ends the server process in the middle of the land-use rows
            int pid = src.serverProcess();
            AtomicInteger n = new AtomicInteger();
            GisException e = assertThrows(GisException.class, () -> pack(src, out, () -> {
                if (n.incrementAndGet() == 300) {
                    PostGisSourceTest.terminate(pid);
                }
                return false;
            }));
            assertEquals("pg.connectionLost", e.key());
            assertTrue(!e.getMessage().contains("\n") && e.getMessage().contains("重试"), e.getMessage());
            assertTrue(n.get() >= 300, "cut while reading: " + n.get());
            assertArrayEquals(earlier, Files.readAllBytes(out));
            assertEquals(List.of("pack.gpkg"), files());
            // the next pack connects again and is whole
            pack(src, out, () -> false);
            assertNotEquals(pid, src.serverProcess());
        }
    }

    /**
     * The disk fills up under a real {@code basinguard pack}: the process may write files no bigger than a fraction of
     * the pack (the shell's {@code ulimit -f}, so SQLite's writes fail as on a full disk, without root or a small
     * file system). One line says it could not be written and that nothing was left; the earlier pack stays.
     */
    @Test
    void aDiskThatFillsUpWhilePackingIsOneLineAndLeavesTheEarlierPack() throws Exception {
        Path out = dir.resolve("pack.gpkg");
        try (GeoPackageSource src = GeoPackageSource.open(SampleData.zengduSample())) {
            pack(src, out, () -> false);
        }
        byte[] earlier = Files.readAllBytes(out);
        long limitKb = Math.max(64, earlier.length / 1024 / 3);
        // SQLite's native library is bigger than that: the child loads it from here instead of unpacking it in /tmp
        Path lib = Files.createTempDirectory("pack-full-disk-sqlite");
        try (var in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream("/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS()
                + "/libsqlitejdbc.so")) {
            Files.copy(in, lib.resolve("libsqlitejdbc.so"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + limitKb + " && exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:-UsePerfData", "-Xshare:off",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Dorg.sqlite.lib.path=" + lib, "-Dorg.sqlite.lib.name=libsqlitejdbc.so",
                "-cp", classPath(), "cn.basinguard.app.Main",
                "pack", SampleData.zengduSample().toString(), "--unit", UNIT, "--out", out.toString()));
        Path log = Files.createTempFile("pack-full-disk", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the pack ends");
            String said = Files.readString(log, StandardCharsets.UTF_8).strip();
            assertEquals(Cli.BAD_INPUT, p.exitValue(), said);
            assertEquals(1, said.lines().count(), said);
            assertTrue(said.contains(out.toAbsolutePath().toString()) && said.contains("没有留下不完整的文件"), said);
            assertTrue(!said.contains("Exception") && !said.contains("\tat "), said);
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(lib.resolve("libsqlitejdbc.so"));
            Files.deleteIfExists(lib);
        }
        assertArrayEquals(earlier, Files.readAllBytes(out));
        assertEquals(List.of("pack.gpkg"), files());
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
