package cn.basinguard.core.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GeoTIFF read by several threads at once (the bands of a frame) through several SIS stores gives the same pixels as
 * one thread reading block after block; a block asked for by several threads at once is decoded once; closing the
 * raster while threads read ends their reads without an error or a hang.
 */
class ConcurrentReadsTest {
    @TempDir
    static Path dir;
    /** The GDAL pattern grown three times (1200 × 1200 px, 128-px tiles, overviews 2 and 4): 25 blocks of 256 at full size. */
    static Path tif;

    @BeforeAll
    static void make() throws Exception {
        Path small = GdalRasters.gkTiff(dir);
        tif = dir.resolve("big.tif");
        GdalRasters.run("gdal_translate", "-q", "-outsize", "300%", "300%", "-r", "nearest", "-co", "TILED=YES", "-co", "BLOCKXSIZE=128",
                "-co", "BLOCKYSIZE=128", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2", small.toString(), tif.toString());
        GdalRasters.run("gdaladdo", "-q", "-r", "average", tif.toString(), "2", "4");
    }

    private record Block(int level, int column, int row) {
    }

    private static List<Block> blocks(RasterSource r) {
        List<Block> out = new ArrayList<>();
        for (int l = 0; l < r.levels().size(); l++) {
            RasterLevel level = r.levels().get(l);
            for (int row = 0; row < level.blocksDown(); row++) {
                for (int col = 0; col < level.blocksAcross(); col++) {
                    out.add(new Block(l, col, row));
                }
            }
        }
        return out;
    }

    @Test
    void concurrentReadsGiveTheSamePixelsAsSerialOnes() throws Exception {
        List<int[]> serial = new ArrayList<>();
        List<Block> all;
        try (GeoTiffRaster r = GeoTiffRaster.open(tif)) {
            all = blocks(r);
            for (Block b : all) {
                serial.add(r.block(b.level(), b.column(), b.row()));
            }
            assertEquals(1, r.readersOpen(), "one thread needs one store");
        }
        for (int[] b : serial) {
            assertNotNull(b, "every block reads");
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (GeoTiffRaster r = GeoTiffRaster.open(tif)) {
            // six threads, each over every block in its own order, released together so that they read at once
            CountDownLatch start = new CountDownLatch(1);
            List<Future<int[][]>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < all.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(seed));
                    int[][] got = new int[all.size()][];
                    start.await();
                    for (int i : order) {
                        Block b = all.get(i);
                        got[i] = r.block(b.level(), b.column(), b.row());
                    }
                    return got;
                }));
            }
            start.countDown();
            for (Future<int[][]> f : results) {
                int[][] got = f.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < all.size(); i++) {
                    assertArrayEquals(serial.get(i), got[i], "block " + all.get(i));
                }
            }
            // more than one store did read (six threads started together on blocks that take milliseconds each), never too many
            assertTrue(r.readersOpen() >= 2 && r.readersOpen() <= GeoTiffRaster.READERS, r.readersOpen() + " stores open");
            assertTrue(r.problems().isEmpty(), r.problems().toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBlockAskedForByManyThreadsAtOnceIsDecodedOnce() throws Exception {
        BlockCache cache = new BlockCache(1_000_000);
        BlockCache.Key key = new BlockCache.Key(this, 0, 1, 2);
        AtomicInteger decodes = new AtomicInteger();
        int[] pixels = new int[16];
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<int[]>> got = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                got.add(pool.submit(() -> {
                    start.await();
                    return cache.get(key, () -> {
                        decodes.incrementAndGet();
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return pixels;
                    });
                }));
            }
            start.countDown();
            for (Future<int[]> f : got) {
                assertSame(pixels, f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, decodes.get());
            // a read that fails fails for those who waited for it too, and is tried again by the next asker
            BlockCache.Key bad = new BlockCache.Key(this, 0, 9, 9);
            assertEquals("boom", org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> cache.get(bad, () -> {
                        throw new IllegalStateException("boom");
                    })).getMessage());
            assertSame(pixels, cache.get(bad, () -> pixels));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingWhileThreadsReadEndsTheirReads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            GeoTiffRaster r = GeoTiffRaster.open(tif);
            List<Block> all = blocks(r);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int read = 0;
                    for (Block b : all) {
                        if (r.block(b.level(), b.column(), b.row()) != null) {
                            read++;
                        }
                    }
                    return read;
                }));
            }
            start.countDown();
            r.close();
            for (Future<Integer> f : results) {
                assertTrue(f.get(60, TimeUnit.SECONDS) <= all.size());
            }
            // after close nothing more is read, and nothing is said to be wrong
            Block last = all.get(all.size() - 1);
            assertNull(r.block(last.level(), last.column(), last.row()));
            assertTrue(r.problems().isEmpty(), r.problems().toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
