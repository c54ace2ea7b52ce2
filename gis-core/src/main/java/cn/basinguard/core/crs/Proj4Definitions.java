package cn.basinguard.core.crs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * proj4j-epsg's definitions by EPSG code, looked up in its registry file read once. proj4j's own lookup
 * ({@code CRSFactory.createFromName}) runs a StreamTokenizer over the file up to the code's line for every code it is
 * asked: 0.12–0.19 s a code at a program's start, where reading the file whole and finding the line takes ~10 ms.
 * Each definition in the file is one line, {@code <code> +param=value … <>} (CrsRegistryTest holds the two lookups to
 * the same result).
 */
final class Proj4Definitions {
    private static final String RESOURCE = "/proj4/nad/epsg";

    private Proj4Definitions() {
    }

    /** The proj4 parameters of this code, null when proj4j-epsg has no definition of it. */
    static String of(int code) {
        String text = File.TEXT;
        String key = "<" + code + ">";
        int at = text.startsWith(key) ? 0 : -1;
        if (at < 0) {
            int nl = text.indexOf("\n" + key);
            at = nl < 0 ? -1 : nl + 1;
        }
        if (at < 0) {
            return null;
        }
        int end = text.indexOf('\n', at);
        String line = (end < 0 ? text.substring(at) : text.substring(at, end)).substring(key.length()).strip();
        if (!line.endsWith("<>")) {
            return null;
        }
        String definition = line.substring(0, line.length() - 2).strip();
        return definition.isEmpty() ? null : definition;
    }

    /** The file's text, read on first use. */
    private static final class File {
        static final String TEXT = read();

        private static String read() {
            try (InputStream in = Proj4Definitions.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("proj4j-epsg's " + RESOURCE + " is not on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
