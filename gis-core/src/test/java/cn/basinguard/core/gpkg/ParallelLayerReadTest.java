package cn.basinguard.core.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A whole large layer is read by several connections in chunks and handed on in key order, each row once — keys with
 * gaps, keys below zero and a key far beyond the rest included — and a reader that stops early leaves the file usable.
 */
class ParallelLayerReadTest {
    @TempDir
    Path dir;

    private final GeometryFactory gf = new GeometryFactory();

    @Test
    void everyRowOnceInKeyOrderWhateverTheKeys() throws Exception {
        Path file = dir.resolve("patches.gpkg");
        SplittableRandom rnd = new SplittableRandom(5);
        List<Long> keys = new ArrayList<>();
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "2024-12-31T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_ZONE38);
            w.createFeatureTable("P", null, null, "geom", "POLYGON", 4526, List.of(GpkgColumn.text("BSM", 18)));
            long key = -5_000;
            for (int i = 0; i < 45_000; i++) {
                key += i % 1000 == 0 ? 20_000 : 1 + rnd.nextInt(3); // runs of close keys and wide gaps
                keys.add(key);
            }
            keys.add(3_000_000L); // one key far beyond the others: chunks are cut by key, so some hold no row
            for (long k : keys) {
                double x = 38_450_000 + rnd.nextDouble() * 5000;
                double y = 3_520_000 + rnd.nextDouble() * 5000;
                w.insertFeature("P", k, gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 10, y),
                    new Coordinate(x + 10, y + 7), new Coordinate(x, y)}), "B" + k);
            }
            w.commit();
        }
        try (GeoPackageSource s = GeoPackageSource.open(file)) {
            assertTrue(ParallelLayerRead.worthIt(s.layer("P")) || Runtime.getRuntime().availableProcessors() == 1);
            List<Long> read = new ArrayList<>();
            s.read("P", null, List.of("BSM"), f -> {
                assertEquals("B" + f.fid(), f.attributes().get("BSM"));
                read.add(f.fid());
            }, p -> { });
            assertEquals(keys, read, "each row once, in key order");
            // a reader that stops early: the error is the reader's own, and the file reads again at once, whole
            class Enough extends RuntimeException {
            }
            int[] seen = {0};
            assertThrows(Enough.class, () -> s.read("P", null, List.of("BSM"), f -> {
                if (++seen[0] == 10_000) {
                    throw new Enough();
                }
            }, p -> { }));
            List<Long> again = new ArrayList<>();
            s.read("P", null, null, f -> again.add(f.fid()), p -> { });
            assertEquals(keys, again);
        }
    }
}
