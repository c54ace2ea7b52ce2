package cn.basinguard.core.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** GDAL's `ogrinfo -so`, the independent reader our GeoPackages are checked with; a test skips where GDAL is absent. */
public final class Ogrinfo {
    private Ogrinfo() {
    }

    /** The summary ogrinfo prints for {@code args} (a file, then layers or -al); it must exit 0. */
    public static String summary(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-so"));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "ogrinfo not installed; skipping the GDAL cross-check");
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
