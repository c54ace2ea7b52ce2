package cn.basinguard.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Finds the Zengdu demonstration GeoPackage that ships in the data jar. SQLite needs a real file, so when the
 * sample is only inside a jar it is copied once into the per-user cache, named by its content hash so a new
 * release never reads a stale copy.
 */
public final class SampleData {
    public static final String RESOURCE = "/cn/basinguard/data/zengdu-sample.gpkg";

    private SampleData() {
    }

    /** A readable file path of the sample GeoPackage. */
    public static Path zengduSample() {
        URL url = SampleData.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("示例数据未打包 / the sample GeoPackage is not on the classpath: "
                    + "build the data module with 'mvn package' first");
        }
        try {
            return materialize(url, cacheDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sample GeoPackage to " + cacheDir(), e);
        }
    }

    static Path materialize(URL url, Path cacheDir) throws IOException {
        return materialize(url, cacheDir, "zengdu-sample", ".gpkg");
    }

    /**
     * A readable file of a resource that may be inside a jar (the window's bundled font needs one too): the resource
     * itself when it is a file, else a copy in the per-user cache named {@code stem-HASH.extension}, made once.
     */
    public static Path cachedCopy(URL url, String stem, String extension) throws IOException {
        return materialize(url, cacheDir(), stem, extension);
    }

    static Path materialize(URL url, Path cacheDir, String stem, String extension) throws IOException {
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        Files.createDirectories(cacheDir);
        Path temp = Files.createTempFile(cacheDir, "." + stem + "-", ".tmp");
        try {
            String hash;
            try (InputStream in = new DigestInputStream(url.openStream(), sha256())) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                hash = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            Path target = cacheDir.resolve(stem + "-" + hash.substring(0, 16) + extension);
            if (Files.exists(target) && Files.size(target) == Files.size(temp)) {
                return target;
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** %LOCALAPPDATA%\BasinGuard\cache on Windows, $XDG_CACHE_HOME/basinguard or ~/.cache/basinguard elsewhere. */
    public static Path cacheDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String local = System.getenv("LOCALAPPDATA");
        if (os.contains("win") && local != null && !local.isBlank()) {
            return Path.of(local, "BasinGuard", "cache");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "basinguard");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "basinguard");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
