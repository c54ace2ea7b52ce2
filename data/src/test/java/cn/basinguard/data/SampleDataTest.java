package cn.basinguard.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {
    @TempDir
    Path dir;

    @Test
    void copiesOutOfAJarOnceKeyedByContent() throws Exception {
        byte[] payload = "not really a geopackage, just bytes".getBytes();
        Path jar = dir.resolve("data.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os)) {
            jos.putNextEntry(new JarEntry(SampleData.RESOURCE.substring(1)));
            jos.write(payload);
            jos.closeEntry();
        }
        URL url = new URL("jar:" + jar.toUri() + "!" + SampleData.RESOURCE);
        Path cache = dir.resolve("cache");
        Path first = SampleData.materialize(url, cache);
        Path second = SampleData.materialize(url, cache);
        assertEquals(first, second);
        assertTrue(first.getFileName().toString().matches("zengdu-sample-[0-9a-f]{16}\\.gpkg"));
        assertArrayEquals(payload, Files.readAllBytes(first));
        try (var files = Files.list(cache)) {
            assertEquals(1, files.count(), "no temporary copies may remain");
        }
    }

    @Test
    void aPlainFileIsUsedInPlace() throws Exception {
        Path f = Files.writeString(dir.resolve("zengdu-sample.gpkg"), "x");
        assertEquals(f, SampleData.materialize(f.toUri().toURL(), dir.resolve("unused")));
    }
}
