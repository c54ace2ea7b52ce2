package cn.basinguard.app.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GDAL's ogrinfo as an independent reader of a GeoPackage, where it is installed (gdal-bin; .ci/run installs it). */
final class Ogr {
    private static final Pattern LAYER = Pattern.compile("(?m)^Layer name: (.+)$");
    private static final Pattern COUNT = Pattern.compile("(?m)^Feature Count: (\\d+)$");

    private Ogr() {
    }

    /** Checks that ogrinfo reads exactly these layers with these feature counts; does nothing without ogrinfo. */
    static void assertReads(Path gpkg, Map<String, Integer> layers) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("ogrinfo", "-ro", "-so", "-al", gpkg.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return; // no GDAL here: the SQLite checks stand alone
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ogrinfo did not finish on " + gpkg);
        }
        assertEquals(0, p.exitValue(), out);
        Map<String, Integer> found = new java.util.TreeMap<>();
        Matcher names = LAYER.matcher(out);
        Matcher counts = COUNT.matcher(out);
        while (names.find() && counts.find()) {
            found.put(names.group(1).strip(), Integer.parseInt(counts.group(1)));
        }
        assertEquals(new java.util.TreeMap<>(layers), found, out);
        assertEquals(-1, out.indexOf("Warning"), out);
    }
}
