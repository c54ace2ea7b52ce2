package cn.basinguard.core.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The interpolated warp against the exact one, pixel by pixel: a Web Mercator raster drawn into a Gauss–Krüger frame
 * over 40 km (where the mapping bends) puts every frame pixel on the raster pixel the exact per-pixel transformation
 * gives, within one pixel; bilinear sampling gives the colour the exact bilinear gives, within what a quarter of a
 * pixel of position error allows on the pattern's slope; the two-lane bilinear blend matches the one done channel by
 * channel in floating point within 1.5 levels (its corner weight is rounded to 1/256: at most half a 256th of the four
 * pixels' twist, then the final rounding).
 */
class WarpAccuracyTest {
    static final Crs GK = CrsRegistry.fromEpsg(4547);
    static final Crs MERCATOR = CrsRegistry.fromEpsg(3857);
    static final int SIZE = 1600;
    static final double PIXEL = 30;

    /** A raster in Web Mercator over the sample district, computed, not read: each pixel is what {@code pattern} says. */
    private static final class Computed implements RasterSource {
        private final AffineTransform toCrs;
        private final boolean smooth;

        Computed(boolean smooth) {
            double[] corner = GeometryTransformer.shared().transform(420_000, 3_545_000, GK, MERCATOR);
            this.toCrs = new AffineTransform(PIXEL, 0, 0, -PIXEL, corner[0], corner[1]);
            this.smooth = smooth;
        }

        int pattern(int u, int v) {
            if (!smooth) {
                // the pixel's own column and row, so a frame pixel tells which raster pixel it was taken from
                return 0xFF000000 | u << 12 | v;
            }
            int r = (int) Math.round(128 + 100 * Math.sin(u / 10.0));
            int g = (int) Math.round(128 + 100 * Math.cos(v / 10.0));
            int b = (int) Math.round(128 + 100 * Math.sin((u + v) / 14.0));
            return 0xFF000000 | r << 16 | g << 8 | b;
        }

        @Override
        public String name() {
            return "computed";
        }

        @Override
        public Crs crs() {
            return MERCATOR;
        }

        @Override
        public List<RasterLevel> levels() {
            return List.of(new RasterLevel(SIZE, SIZE, 256, 256, toCrs));
        }

        @Override
        public Envelope extent() {
            return new Envelope(toCrs.getTranslateX(), toCrs.getTranslateX() + SIZE * PIXEL, toCrs.getTranslateY() - SIZE * PIXEL,
                    toCrs.getTranslateY());
        }

        @Override
        public int[] block(int level, int column, int row) {
            int[] out = new int[256 * 256];
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    int u = column * 256 + x;
                    int v = row * 256 + y;
                    out[y * 256 + x] = u < SIZE && v < SIZE ? pattern(u, v) : 0;
                }
            }
            return out;
        }

        @Override
        public List<String> problems() {
            return List.of();
        }

        @Override
        public void close() {
        }

        /** Where the centre of frame pixel (px, py) falls in this raster, by the exact transformation. */
        double[] exact(RasterWarp.Frame f, int px, int py) {
            double[] p = GeometryTransformer.shared().transform(f.minX() + (px + 0.5) * f.unitsPerPixel(),
                    f.maxY() - (py + 0.5) * f.unitsPerPixel(), GK, MERCATOR);
            double[] uv = new double[2];
            levels().get(0).crsToPixel().transform(p, 0, uv, 0, 1);
            return uv;
        }
    }

    @Test
    void everyFramePixelComesFromTheRasterPixelTheExactTransformationGives() {
        Computed src = new Computed(false);
        // 800 × 800 px of 50 m: 40 km of Gauss–Krüger over the Mercator raster (which spans ~41 km of ground)
        RasterWarp.Frame f = new RasterWarp.Frame(GK, 420_000, 3_545_000, 50, 800, 800);
        int[] px = new int[800 * 800];
        RasterWarp.Stats stats = RasterWarp.paint(src, RasterWarp.extentIn(src, GK), f, 0, 800, px, 1, RasterWarp.Sampling.NEAREST, () -> false);
        assertTrue(stats.cells() > 0 && stats.maxError() <= RasterWarp.MAX_ERROR, stats.toString());
        int drawn = 0;
        int inside = 0;
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 800; x++) {
                double[] e = src.exact(f, x, y);
                boolean in = e[0] >= 0 && e[1] >= 0 && e[0] < SIZE && e[1] < SIZE;
                int p = px[y * 800 + x];
                if (in) {
                    inside++;
                }
                if (p >>> 24 == 0) {
                    // undrawn only at the raster's edge
                    assertTrue(!in || e[0] < 1 || e[1] < 1 || e[0] > SIZE - 1 || e[1] > SIZE - 1, "pixel " + x + "," + y + " not drawn");
                    continue;
                }
                drawn++;
                int u = p >> 12 & 0xFFF;
                int v = p & 0xFFF;
                assertTrue(Math.abs(u + 0.5 - e[0]) <= 1 && Math.abs(v + 0.5 - e[1]) <= 1,
                        "pixel " + x + "," + y + " took " + u + "," + v + ", exact " + e[0] + "," + e[1]);
            }
        }
        assertTrue(drawn > 400_000, drawn + " pixels drawn");
        assertTrue(Math.abs(drawn - inside) < 800 * 4, drawn + " drawn, " + inside + " inside");
    }

    @Test
    void bilinearColoursMatchTheExactBilinear() {
        Computed src = new Computed(true);
        // 8 m a pixel: the 30 m raster (~25 m of ground here) is magnified, so bilinear is used
        RasterWarp.Frame f = new RasterWarp.Frame(GK, 430_000, 3_530_000, 8, 700, 500);
        int[] px = new int[700 * 500];
        RasterWarp.paint(src, RasterWarp.extentIn(src, GK), f, 0, 500, px, 1, RasterWarp.Sampling.BILINEAR, () -> false);
        int worst = 0;
        for (int y = 0; y < 500; y++) {
            for (int x = 0; x < 700; x++) {
                double[] e = src.exact(f, x, y);
                double u = e[0] - 0.5;
                double v = e[1] - 0.5;
                int iu = (int) Math.floor(u);
                int iv = (int) Math.floor(v);
                double fu = u - iu;
                double fv = v - iv;
                int p = px[y * 700 + x];
                for (int shift = 0; shift <= 16; shift += 8) {
                    double want = (ch(src, iu, iv, shift) * (1 - fu) + ch(src, iu + 1, iv, shift) * fu) * (1 - fv)
                            + (ch(src, iu, iv + 1, shift) * (1 - fu) + ch(src, iu + 1, iv + 1, shift) * fu) * fv;
                    worst = Math.max(worst, (int) Math.ceil(Math.abs((p >> shift & 0xFF) - want)));
                }
                assertEquals(255, p >>> 24, "pixel " + x + "," + y);
            }
        }
        // the pattern's steepest slope is 10 levels a raster pixel: a quarter of a pixel of position error, and rounding
        assertTrue(worst <= 4, "worst channel error " + worst);
    }

    /**
     * A sparse pyramid in the frame's own CRS: 10 m pixels (800 × 800, 16 blocks) with two blocks missing, one of them
     * over a 20 m block that is there and one over a missing one, and a 40 m level whose only block is missing. Each frame
     * pixel is what the pyramid holds at its centre (as {@link RasterWarp#valueAt} gives it one point at a time, walking to
     * the coarser levels, checked at a few points; every pixel against the pyramid's layout): the coarser level shows
     * through the first hole, nothing through the second.
     */
    @Test
    void holesInASparsePyramidShowTheCoarserLevelOrNothing() {
        AffineTransform fine = new AffineTransform(10, 0, 0, -10, 440_000, 3_510_000);
        AffineTransform mid = new AffineTransform(fine);
        mid.scale(2, 2);
        AffineTransform coarse = new AffineTransform(fine);
        coarse.scale(4, 4);
        List<RasterLevel> levels = List.of(new RasterLevel(800, 800, 256, 256, fine), new RasterLevel(400, 400, 256, 256, mid),
                new RasterLevel(200, 200, 256, 256, coarse));
        RasterSource sparse = new RasterSource() {
            @Override
            public String name() {
                return "sparse";
            }

            @Override
            public Crs crs() {
                return GK;
            }

            @Override
            public List<RasterLevel> levels() {
                return levels;
            }

            @Override
            public Envelope extent() {
                return new Envelope(440_000, 448_000, 3_502_000, 3_510_000);
            }

            @Override
            public int[] block(int level, int column, int row) {
                // level 0 lacks (1, 1), over level 1's block (0, 0), and (2, 2), over level 1's missing block (1, 1); level 2 has none
                if (level == 2 || level == 0 && (column == 1 && row == 1 || column == 2 && row == 2) || level == 1 && column == 1 && row == 1) {
                    return null;
                }
                int[] out = new int[256 * 256];
                for (int i = 0; i < out.length; i++) {
                    out[i] = 0xFF000000 | level << 20 | (column * 256 + i % 256) << 10 | (row * 256 + i / 256);
                }
                return out;
            }

            @Override
            public List<String> problems() {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
        // 10 m pixels whose centres are the raster's pixel centres, over the whole raster and a margin of 50 px
        RasterWarp.Frame f = new RasterWarp.Frame(GK, 439_500, 3_510_500, 10, 900, 900);
        int[] px = new int[900 * 900];
        RasterWarp.paint(sparse, RasterWarp.extentIn(sparse, GK), f, 0, 900, px, 1, RasterWarp.Sampling.NEAREST, () -> false);
        java.util.Map<String, int[]> blocks = new java.util.HashMap<>();
        for (int l = 0; l < 2; l++) {
            for (int row = 0; row < 4; row++) {
                for (int col = 0; col < 4; col++) {
                    blocks.put(l + "/" + col + "/" + row, sparse.block(l, col, row));
                }
            }
        }
        int fromMid = 0;
        int empty = 0;
        for (int y = 0; y < 900; y++) {
            for (int x = 0; x < 900; x++) {
                int want = expected(blocks, x - 50, y - 50);
                assertEquals(Integer.toHexString(want), Integer.toHexString(px[y * 900 + x]), "pixel " + x + "," + y);
                fromMid += want >>> 24 != 0 && (want >> 20 & 0xF) == 1 ? 1 : 0;
                empty += want == 0 && x >= 50 && y >= 50 && x < 850 && y < 850 ? 1 : 0;
            }
        }
        assertEquals(256 * 256, fromMid, "the 20 m level shows through the first hole");
        assertEquals(256 * 256, empty, "nothing shows through the second");
        // the general path, one point at a time, agrees where it matters
        for (int[] p : new int[][] {{50 + 300, 50 + 300}, {50 + 600, 50 + 600}, {50 + 100, 50 + 700}}) {
            assertEquals(px[p[1] * 900 + p[0]], RasterWarp.valueAt(sparse, GK, f.minX() + (p[0] + 0.5) * 10, f.maxY() - (p[1] + 0.5) * 10, 10));
        }
    }

    /** What the sparse pyramid shows at its 10 m pixel (u, v): that pixel, else the 20 m one under it, else nothing. */
    private static int expected(java.util.Map<String, int[]> blocks, int u, int v) {
        if (u < 0 || v < 0 || u >= 800 || v >= 800) {
            return 0;
        }
        for (int l = 0; l < 2; l++) {
            int lu = u >> l;
            int lv = v >> l;
            int[] b = blocks.get(l + "/" + lu / 256 + "/" + lv / 256);
            if (b != null) {
                return b[(lv % 256) * 256 + lu % 256];
            }
        }
        return 0;
    }

    private static int ch(Computed src, int u, int v, int shift) {
        return src.pattern(u, v) >> shift & 0xFF;
    }

    @Test
    void twoLaneBilinearMatchesTheChannelByChannelOne() {
        Random rnd = new Random(19);
        for (int i = 0; i < 200_000; i++) {
            int[] p = {rnd.nextInt(), rnd.nextInt(), rnd.nextInt(), rnd.nextInt()};
            if (i % 7 == 0) {
                p[0] = p[1] = p[2] = p[3] = 0xFFFFFFFF;
            }
            int fu = rnd.nextInt(256);
            int fv = rnd.nextInt(256);
            int got = RasterWarp.bilinear(p[0], p[1], p[2], p[3], fu, fv);
            double a = fu / 256.0;
            double b = fv / 256.0;
            for (int shift = 0; shift <= 24; shift += 8) {
                double want = ((p[0] >>> shift & 0xFF) * (1 - a) + (p[1] >>> shift & 0xFF) * a) * (1 - b)
                        + ((p[2] >>> shift & 0xFF) * (1 - a) + (p[3] >>> shift & 0xFF) * a) * b;
                assertTrue(Math.abs((got >>> shift & 0xFF) - want) <= 1.5,
                        Integer.toHexString(got) + " channel " + shift + " want " + want + " for " + fu + "," + fv);
            }
        }
    }
}
