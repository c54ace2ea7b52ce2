package cn.basinguard.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryTest {
    @TempDir
    Path cache;

    @Test
    void copiesTheLibraryOnceAndReplacesADamagedCopy() throws Exception {
        Path lib = SqliteLibrary.cachedCopy(cache);
        assertNotNull(lib, "the platform's library is in sqlite-jdbc's jar");
        assertTrue(lib.startsWith(cache.resolve("native")), lib.toString());
        byte[] original;
        String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            original = in.readAllBytes();
        }
        assertArrayEquals(original, Files.readAllBytes(lib));

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(lib, old);
        assertEquals(lib, SqliteLibrary.cachedCopy(cache));
        assertEquals(old, Files.getLastModifiedTime(lib), "a good copy is used as it is, not written again");

        byte[] damaged = original.clone();
        damaged[damaged.length / 2] ^= 0x5a; // same size, other bytes
        Files.write(lib, damaged);
        assertEquals(lib, SqliteLibrary.cachedCopy(cache));
        assertArrayEquals(original, Files.readAllBytes(lib), "a damaged copy is replaced");
        try (var files = Files.list(lib.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }
    }
}
