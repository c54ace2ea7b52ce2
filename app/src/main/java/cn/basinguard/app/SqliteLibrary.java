package cn.basinguard.app;

import cn.basinguard.core.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * Keeps SQLite's native library in the user's cache, so that a start loads it from there instead of unpacking it
 * anew: sqlite-jdbc writes its library into the temp folder on every start (~0.15 s of CPU of each check's start) and
 * leaves the file behind whenever the program is killed. The copy is named by sqlite-jdbc's version and platform,
 * written as every output is ({@link AtomicFile}), and checked against the jar entry's CRC before each use; when
 * anything here fails, sqlite-jdbc is left to do as it always does.
 */
final class SqliteLibrary {
    static final String PATH = "org.sqlite.lib.path";
    static final String NAME = "org.sqlite.lib.name";

    private SqliteLibrary() {
    }

    /** Points sqlite-jdbc at the cached copy in {@code cacheDir}, making it when missing or different; false when it did not. */
    static boolean useCachedCopy(Path cacheDir) {
        if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
            return false; // chosen by whoever started the program
        }
        Path lib = cachedCopy(cacheDir);
        if (lib == null) {
            return false;
        }
        System.setProperty(PATH, lib.getParent().toString());
        System.setProperty(NAME, lib.getFileName().toString());
        return true;
    }

    /** The library for this platform in {@code cacheDir}, copied there when missing or different; null when it cannot be. */
    static Path cachedCopy(Path cacheDir) {
        try {
            String folder = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath();
            String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
            URL url = org.sqlite.SQLiteJDBCLoader.class.getResource(folder + "/" + name);
            if (url == null) {
                return null;
            }
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return null; // not packed in a jar: sqlite-jdbc loads it where it is
            }
            connection.setUseCaches(false);
            JarEntry entry = jar.getJarEntry();
            String platform = folder.substring(folder.indexOf("/native/") + "/native/".length()).replace('/', '-');
            Path dir = cacheDir.resolve("native").resolve("sqlite-jdbc-" + org.sqlite.SQLiteJDBCLoader.getVersion() + "-" + platform);
            Path lib = dir.resolve(name);
            if (!sameBytes(lib, entry)) {
                extract(url, dir, lib);
                if (!sameBytes(lib, entry)) {
                    return null;
                }
            }
            return lib;
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean sameBytes(Path file, JarEntry entry) throws IOException {
        if (!Files.isRegularFile(file) || entry.getSize() < 0 || Files.size(file) != entry.getSize() || entry.getCrc() < 0) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue() == entry.getCrc();
    }

    /** Writes the library as every output of the program is written: to a temporary file beside it, then moved into place. */
    private static void extract(URL url, Path dir, Path lib) throws IOException {
        Files.createDirectories(dir);
        AtomicFile.write(lib, out -> {
            URLConnection c = url.openConnection();
            c.setUseCaches(false); // a cached jar file would stay open for the life of the program
            try (InputStream in = c.getInputStream()) {
                in.transferTo(out);
            }
        });
    }
}
