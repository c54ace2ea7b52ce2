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
