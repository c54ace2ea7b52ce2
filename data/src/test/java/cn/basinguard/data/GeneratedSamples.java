package cn.basinguard.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample of a seed, generated once per test JVM and shared by the test classes that only read it: a full-tiling
 * sample takes tens of seconds to make, and the data module's tests would otherwise make the same one several times.
 * Tests that must generate themselves (determinism, shapes, thread counts) still call the generator.
 */
final class GeneratedSamples {
    private static final Map<Long, Path> BY_SEED = new HashMap<>();
    private static Path dir;

    private GeneratedSamples() {
    }

    /** The sample of {@code seed} at sample scale; callers must not modify the file. */
    static synchronized Path of(long seed) throws Exception {
        Path file = BY_SEED.get(seed);
        if (file == null) {
            if (dir == null) {
                dir = Files.createTempDirectory("basinguard-samples");
                Runtime.getRuntime().addShutdownHook(new Thread(GeneratedSamples::deleteDir));
            }
            file = dir.resolve("zengdu-" + seed + ".gpkg");
            ZengduSampleGenerator.generate(file, seed, ZengduSampleGenerator.Scale.SAMPLE);
            BY_SEED.put(seed, file);
        }
        return file;
    }

    private static void deleteDir() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
