package cn.basinguard.core.gpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, listing and reading every layer leaves the file's bytes, its mtime and its folder exactly as they were. */
class ReadOnlyTest {
    @TempDir
    Path dir;

    record Snapshot(List<String> names, byte[] sha256, FileTime mtime) {
    }

    static Snapshot snapshot(Path file) throws Exception {
        List<String> names;
        try (Stream<Path> s = Files.list(file.getParent())) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        return new Snapshot(names, MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)), Files.getLastModifiedTime(file));
    }

    static void readEverything(Path file) {
        try (GeoPackageSource src = GeoPackageSource.open(file)) {
            for (LayerInfo l : src.layers()) {
                if (l.isSupported()) {
                    src.readAll(l.name(), p -> { });
                    if (l.extent() != null) {
                        src.read(l.name(), l.extent(), f -> { }, p -> { });
                    }
                }
            }
            src.metadata();
            src.formatVersion();
        }
    }

    static void assertUnchanged(Snapshot before, Path file) throws Exception {
        Snapshot after = snapshot(file);
        assertEquals(before.names(), after.names(), "no journal, WAL or shm file appears beside the input");
        assertArrayEquals(before.sha256(), after.sha256(), "the bytes are unchanged");
        assertEquals(before.mtime(), after.mtime(), "the modification time is unchanged");
    }

    @Test
    void aFullReadChangesNothing() throws Exception {
        Path file = TestGpkg.squares(dir.resolve("squares.gpkg"), "patches", 50);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_600_000_000_000L));
        Snapshot before = snapshot(file);
        readEverything(file);
        assertUnchanged(before, file);
    }

    @Test
    void aCorpusFileIsUnchangedToo() throws Exception {
        Path src = CorpusTest.corpus("ogc-ets-gpkg12/gdal_sample_v1.2_spatial_index_extension.gpkg");
        Path file = Files.copy(src, dir.resolve("gdal.gpkg"));
        Snapshot before = snapshot(file);
        readEverything(file);
        assertUnchanged(before, file);
    }

    @Test
    void aWalModeFileIsReadWithItsWalAndLeftAlone() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        Path file = TestGpkg.squares(work.resolve("wal.gpkg"), "patches", 3);
        Path copyDir = Files.createDirectory(dir.resolve("delivered"));
        Path copy = copyDir.resolve("wal.gpkg");
        // keep a writer open so the WAL is not checkpointed, and take the file and its WAL as a user would find them
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("DELETE FROM patches WHERE fid = 1");
            Files.copy(file, copy);
            Files.copy(Path.of(file + "-wal"), Path.of(copy + "-wal"));
        }
        Snapshot before = snapshot(copy);
        byte[] walBefore = Files.readAllBytes(Path.of(copy + "-wal"));
        try (GeoPackageSource src = GeoPackageSource.open(copy)) {
            assertEquals(2, src.readAll("patches", p -> { }).size(), "the change in the WAL is seen");
        }
        assertUnchanged(before, copy);
        assertArrayEquals(walBefore, Files.readAllBytes(Path.of(copy + "-wal")));
    }
}
