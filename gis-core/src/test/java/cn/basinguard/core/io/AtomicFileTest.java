package cn.basinguard.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing outputs whole: the temporary files, what a failure leaves, and the permissions of what is written. */
class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedWriteLeavesTheEarlierFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("sheet.csv"), "earlier");
        GisException e = assertThrows(GisException.class, () -> AtomicFile.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("the writer broke");
        }));
        assertEquals("io.failed", e.key());
        assertTrue(e.getMessage().contains("the writer broke"), e.getMessage());
        assertEquals("earlier", Files.readString(target));
        assertEquals(List.of("sheet.csv"), names());
    }

    @Test
    void temporaryFilesOfEndedProcessesAreDeletedByTheNextWrite() throws Exception {
        Process ended = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
        ended.getInputStream().readAllBytes();
        assertTrue(ended.waitFor(60, TimeUnit.SECONDS));
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            Path target = dir.resolve("units.pdf");
            Files.writeString(dir.resolve(".units.pdf." + ended.pid() + ".x1.part"), "left by a killed export");
            Files.writeString(dir.resolve("..units.pdf." + ended.pid() + ".x2.tmp-77.tmp"), "left by a library");
            Files.writeString(dir.resolve(".units.pdf." + running.pid() + ".x3.part"), "being written by another process");
            Files.writeString(dir.resolve(".other.pdf." + ended.pid() + ".x4.part"), "another target's");
            AtomicFile.write(target, out -> out.write(1));
            assertEquals(List.of(".other.pdf." + ended.pid() + ".x4.part", ".units.pdf." + running.pid() + ".x3.part", "units.pdf"), names());
        } finally {
            running.destroyForcibly();
        }
    }

    @Test
    void aNewFileHasTheFolderDefaultPermissionsAndAReplacedOneKeepsItsOwn() throws Exception {
        Path target = dir.resolve("sheet.pdf");
        AtomicFile.write(target, out -> out.write(1));
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        // those of any file made here (the user's umask), not the owner-only 0600 of Files.createTempFile: colleagues
        // on a shared folder must be able to read a sheet
        assertEquals(plain, Files.getPosixFilePermissions(target));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFile.write(target, out -> out.write(2));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aWriterThatClosesItsStreamStillWritesTheWholeFile() throws Exception {
        Path target = dir.resolve("report.json");
        AtomicFile.write(target, out -> {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.close(); // as Jackson's JsonGenerator does when it is closed
        });
        assertEquals("{}", Files.readString(target));
        assertEquals(List.of("report.json"), names());
    }

    @Test
    void aFolderWhereTheFileShouldGoIsRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("units.pdf"));
        GisException e = assertThrows(GisException.class, () -> AtomicFile.write(folder, out -> out.write(1)));
        assertEquals("io.isFolder", e.key());
        assertFalse(names().stream().anyMatch(n -> n.startsWith(".")));
    }

    @Test
    void aFileALibraryMakesReplacesTheTargetOnlyWhenItsMakerReturns() throws Exception {
        Path target = Files.writeString(dir.resolve("pack.gpkg"), "earlier");
        // the maker fails after making its file (and a journal beside it), as a pack that fails its verification
        GisException e = assertThrows(GisException.class, () -> AtomicFile.writeFile(target, ".gpkg", file -> {
            assertTrue(file.getFileName().toString().startsWith(".pack.gpkg.") && file.toString().endsWith(".gpkg"), file.toString());
            assertFalse(Files.exists(file), "a free name: the library makes the file");
            Files.writeString(file, "half of the new");
            Files.writeString(Path.of(file + "-journal"), "journal");
            throw new GisException("io.failed", file, "verification failed");
        }));
        assertEquals("io.failed", e.key());
        assertEquals("earlier", Files.readString(target));
        assertEquals(List.of("pack.gpkg"), names());

        AtomicFile.writeFile(target, ".gpkg", file -> Files.writeString(file, "the new"));
        assertEquals("the new", Files.readString(target));
        assertEquals(List.of("pack.gpkg"), names());
        GisException missing = assertThrows(GisException.class,
            () -> AtomicFile.writeFile(dir.resolve("no-such-folder").resolve("pack.gpkg"), ".gpkg", file -> Files.writeString(file, "x")));
        assertEquals("io.noFolder", missing.key());
    }
}
