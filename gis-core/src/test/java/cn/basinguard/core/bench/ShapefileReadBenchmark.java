package cn.basinguard.core.bench;

import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.source.shp.ShapefileSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading a county's 三调 land-use Shapefile (every feature, geometry and all attributes) against GDAL reading the same
 * file in the same run: {@code ogrinfo -al -q} and {@code ogr2ogr -f GeoJSON /vsistdout/}. Each reader runs as a user
 * runs it — a fresh process, timed with its peak resident memory by /usr/bin/time — and ours also warm, in process.
 *
 * <pre>mvn -q -pl gis-core -am -Pbench verify -Dbench.main=cn.basinguard.core.bench.ShapefileReadBenchmark \
 *     -Dbench.args="/path/zengdu-county.gpkg"     (or a .shp)</pre>
 * Given a GeoPackage (the data module's county variant, {@code --scale county}), its DLTB layer is first written as a
 * Shapefile with GDAL's writer (GBK text, as bureaus deliver it) into target/bench/.
 */
public final class ShapefileReadBenchmark {
    /** Reads one Shapefile in full and prints features, vertices and milliseconds: the child process of the benchmark. */
    public static final class ReadOnce {
        public static void main(String[] args) {
            long t0 = System.nanoTime();
            long[] n = new long[2];
            try (ShapefileSource s = ShapefileSource.open(Path.of(args[0]), SourceOptions.DEFAULT)) {
                s.read(s.layers().get(0).name(), null, null, f -> {
                    n[0]++;
                    n[1] += f.geometry() == null ? 0 : f.geometry().getNumPoints() + f.attributes().size();
                }, p -> { });
            }
            System.out.printf(Locale.ROOT, "%d features, checksum %d, %.0f ms%n", n[0], n[1], (System.nanoTime() - t0) / 1e6);
        }
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args.length > 0 ? args[0] : "target/bench/DLTB.shp");
        Path shp = input;
        if (input.toString().endsWith(".gpkg")) {
            shp = Path.of("target/bench/county-DLTB/DLTB.shp");
            if (!Files.exists(shp)) {
                Files.createDirectories(shp.getParent());
                run(List.of("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=CP936", shp.getParent().toString(), input.toString(), "DLTB"));
            }
        }
        System.out.printf(Locale.ROOT, "file: %s (.shp %d MB, .dbf %d MB)%n", shp, Files.size(shp) >> 20,
            Files.size(Path.of(shp.toString().replace(".shp", ".dbf"))) >> 20);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        System.out.println("reader                                   wall s   peak RSS MB");
        for (int round = 1; round <= 2; round++) {
            timed("ogrinfo -al -q", List.of("ogrinfo", "-al", "-q", shp.toString()));
            timed("ogr2ogr -f GeoJSON /vsistdout/", List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", shp.toString()));
            timed("BasinGuard, java (no flags)", List.of(java, "-cp", cp, ReadOnce.class.getName(), shp.toString()));
            timed("BasinGuard, java -Xmn64m (launcher)", List.of(java, "-Xmn64m", "-cp", cp, ReadOnce.class.getName(), shp.toString()));
        }
        for (int i = 1; i <= 3; i++) {
            long t0 = System.nanoTime();
            ReadOnce.main(new String[] {shp.toString()});
            System.out.printf(Locale.ROOT, "in process, run %d: %.2f s%n", i, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void timed(String label, List<String> command) throws IOException, InterruptedException {
        File times = File.createTempFile("time", ".txt");
        List<String> c = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", times.getPath()));
        c.addAll(command);
        Process p = new ProcessBuilder(c).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        String[] t = Files.readString(times.toPath(), StandardCharsets.US_ASCII).trim().split("\\s+");
        times.delete();
        System.out.printf(Locale.ROOT, "%-40s %6s   %6d%s%n", label, t[t.length - 2], Long.parseLong(t[t.length - 1]) / 1024,
            exit == 0 ? "" : "  (exit " + exit + ")");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
