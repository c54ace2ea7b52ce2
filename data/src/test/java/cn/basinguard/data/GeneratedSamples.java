package cn.basinguard.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample of a seed, generated once per test JVM and shared by the test classes that only read it: a full-tiling
 * sample takes tens of seconds to make, and the data module's tests would otherwise make the same one several times.
 * The default seed's is not made here at all when the build has made it already: the module's process-classes step
 * writes the shipped sample before the tests run (see data/pom.xml) and names it in {@code basinguard.builtSample};
 * it is used when its metadata says it was made from that seed at sample scale. Tests that must generate themselves
 * (determinism, shapes, thread counts) still call the generator.
 */
final class GeneratedSamples {
    /** The build's own sample (target/zengdu-sample.gpkg), made from this source by the generator's main. */
    static final String BUILT_SAMPLE = "basinguard.builtSample";
    private static final Map<Long, Path> BY_SEED = new HashMap<>();
    private static Path dir;

    private GeneratedSamples() {
    }

    /** The sample of {@code seed} at sample scale; callers must not modify the file. */
    static synchronized Path of(long seed) throws Exception {
        Path file = BY_SEED.get(seed);
        if (file == null) {
            file = built(seed);
            if (file == null) {
                if (dir == null) {
                    dir = Files.createTempDirectory("basinguard-samples");
                    Runtime.getRuntime().addShutdownHook(new Thread(GeneratedSamples::deleteDir));
                }
                file = dir.resolve("zengdu-" + seed + ".gpkg");
                ZengduSampleGenerator.generate(file, seed, ZengduSampleGenerator.Scale.SAMPLE);
            }
            BY_SEED.put(seed, file);
        }
        return file;
    }

    /** The build's sample when it is that of {@code seed} at sample scale, as its metadata says; else null. */
    private static Path built(long seed) throws Exception {
        String name = System.getProperty(BUILT_SAMPLE);
        if (name == null || name.isBlank() || !Files.isRegularFile(Path.of(name))) {
            return null;
        }
        Path file = Path.of(name);
        String metadata;
        try (var conn = DriverManager.getConnection("jdbc:sqlite:file:" + file.toUri().getRawPath() + "?mode=ro");
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT group_concat(metadata, ';') FROM gpkg_metadata")) {
            metadata = rs.next() ? rs.getString(1) : null;
        }
        return metadata != null && metadata.endsWith("\nseed=" + seed + "; scale=sample") ? file : null;
    }

    private static void deleteDir() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
