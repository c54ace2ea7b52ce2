package cn.basinguard.core.raster;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GeometryTransformer;
import java.awt.geom.AffineTransform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws a raster into a frame in the map's CRS by warping, not shifting: every output pixel is traced back into the
 * raster's CRS. Tracing each of two million pixels through proj4j costs too much, so the exact inverse is taken at the
 * corners of cells ({@value #TOP} pixels a side to start with) and interpolated bilinearly between them; each cell is
 * checked against the exact inverse at its centre and its edges' midpoints and cut in four while the interpolation
 * strays by more than {@value #MAX_ERROR} of a raster pixel, down to {@value #STEP} pixels, where a cell that still
 * strays is traced pixel by pixel. The level read is the coarsest whose pixels are no bigger than the frame's (with a
 * little slack), so a county view reads overviews and a township view the full image.
 */
public final class RasterWarp {
    static final int STEP = 16;
    /** The cells a frame starts from, cut in four where the mapping bends too much for them. */
    static final int TOP = STEP * 8;
    static final double MAX_ERROR = 0.25;
    /** A level up to this much coarser than the frame is still taken: reading four times the tiles for 20 % sharper is poor value. */
    private static final double SLACK = 1.2;

    /** A fully transparent magenta: what a read answers for "no block here" (a transparent pixel is skipped anyway). */
    private static final int MISSING_VALUE = 0x00FF00FF;

    /** How output pixels are filled from raster pixels. */
    public enum Sampling { NEAREST, BILINEAR }

    private RasterWarp() {
    }

    /** The frame's geometry: the map CRS, where the frame's top-left corner is, its map units per pixel and its size. */
    public record Frame(Crs mapCrs, double minX, double maxY, double unitsPerPixel, int width, int height) {
        double x(double px) {
            return minX + px * unitsPerPixel;
        }

        double y(double py) {
            return maxY - py * unitsPerPixel;
        }
    }

    /** Statistics of one draw, for tests and the benchmark. */
    public record Stats(int level, int exactCells, int cells, double maxError) {
    }

    /**
     * Blends {@code src} (opacity {@code opacity}) into the premultiplied ARGB {@code dest} ({@code frame.width()} wide),
     * rows {@code rowFrom} to {@code rowTo} only. Returns null when cancelled.
     */
    public static Stats paint(RasterSource src, Envelope extentInMap, Frame frame, int rowFrom, int rowTo, int[] dest, double opacity,
                              Sampling sampling, BooleanSupplier cancelled) {
        int c0 = Math.max(0, (int) Math.floor((extentInMap.getMinX() - frame.minX()) / frame.unitsPerPixel()));
        int c1 = Math.min(frame.width(), (int) Math.ceil((extentInMap.getMaxX() - frame.minX()) / frame.unitsPerPixel()));
        int r0 = Math.max(rowFrom, (int) Math.floor((frame.maxY() - extentInMap.getMaxY()) / frame.unitsPerPixel()));
        int r1 = Math.min(rowTo, (int) Math.ceil((frame.maxY() - extentInMap.getMinY()) / frame.unitsPerPixel()));
        if (c0 >= c1 || r0 >= r1) {
            return new Stats(-1, 0, 0, 0);
        }
        Crs from = frame.mapCrs();
        Crs to = src.crs();
        int level = chooseLevel(src, frame, (c0 + c1) / 2.0, (r0 + r1) / 2.0);
        // bilinear only where the image is magnified: shrinking it, nearest looks the same and costs a quarter
        if (sampling == Sampling.BILINEAR && !magnified(src, level, frame, (c0 + c1) / 2.0, (r0 + r1) / 2.0)) {
            sampling = Sampling.NEAREST;
        }
        Sampler sampler = new Sampler(src, level, sampling);
        int nx = (c1 - c0 + TOP - 1) / TOP + 1;
        int ny = (r1 - r0 + TOP - 1) / TOP + 1;
        double[] gx = new double[nx * ny];
        double[] gy = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            int py = Math.min(r0 + j * TOP, r1);
            for (int i = 0; i < nx; i++) {
                int px = Math.min(c0 + i * TOP, c1);
                double[] p = inverse(frame.x(px + 0.5), frame.y(py + 0.5), from, to);
                gx[j * nx + i] = p[0];
                gy[j * nx + i] = p[1];
            }
        }
        Draw draw = new Draw(sampler, frame, dest, (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255),
                1 / src.levels().get(level).resolution());
        for (int j = 0; j + 1 < ny; j++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            int y0 = Math.min(r0 + j * TOP, r1);
            int y1 = Math.min(r0 + (j + 1) * TOP, r1);
            for (int i = 0; i + 1 < nx; i++) {
                int x0 = Math.min(c0 + i * TOP, c1);
                int x1 = Math.min(c0 + (i + 1) * TOP, c1);
                int a = j * nx + i;
                int c = a + nx;
                draw.cell(x0, x1, y0, y1, new double[] {gx[a], gy[a], gx[a + 1], gy[a + 1], gx[c], gy[c], gx[c + 1], gy[c + 1]});
            }
        }
        return new Stats(level, draw.exact, draw.cells, draw.worst);
    }

    /**
     * One draw's cells. A cell is interpolated from its corners when the exact inverse at its centre and at its edges'
     * midpoints is within {@link #MAX_ERROR} of the interpolation; else it is cut in four, the five exact points being
     * the new corners, down to {@link #STEP} pixels, below which it is traced pixel by pixel. Where the mapping is near
     * affine (any view within one Gauss–Krüger zone, a township in Web Mercator) a {@value #TOP}-pixel cell passes at
     * once: about a thousand exact inverses a frame instead of thirteen thousand, which cost more than the pixels did.
     */
    private static final class Draw {
        private final Sampler sampler;
        private final Frame frame;
        private final int[] dest;
        private final int alpha;
        private final double toLevelPixels;
        private final double[] xy = new double[2];
        int exact;
        int cells;
        double worst;

        Draw(Sampler sampler, Frame frame, int[] dest, int alpha, double toLevelPixels) {
            this.sampler = sampler;
            this.frame = frame;
            this.dest = dest;
            this.alpha = alpha;
            this.toLevelPixels = toLevelPixels;
        }

        /** Cell [x0, x1) × [y0, y1) whose corner nodes (pixel centres x0/x1, y0/y1) map to {@code n}: ax, ay, bx, by, cx, cy, dx, dy. */
        void cell(int x0, int x1, int y0, int y1, double[] n) {
            if (x0 >= x1 || y0 >= y1) {
                return;
            }
            boolean split = Math.max(x1 - x0, y1 - y0) > STEP;
            if (!finite(n)) {
                if (split) {
                    quarter(x0, x1, y0, y1, n);
                } else {
                    exact++;
                    paintExact(sampler, frame, x0, x1, y0, y1, dest, alpha, xy);
                }
                return;
            }
            int xm = (x0 + x1) >>> 1;
            int ym = (y0 + y1) >>> 1;
            double s = (double) (xm - x0) / (x1 - x0);
            double t = (double) (ym - y0) / (y1 - y0);
            double err = Math.max(Math.max(error(xm, y0, n, s, 0), error(xm, y1, n, s, 1)),
                    Math.max(Math.max(error(x0, ym, n, 0, t), error(x1, ym, n, 1, t)), error(xm, ym, n, s, t)));
            if (err <= MAX_ERROR) {
                cells++;
                worst = Math.max(worst, err);
                paintCell(sampler, x0, x1, y0, y1, n, dest, frame.width(), alpha, xy);
            } else if (split) {
                quarter(x0, x1, y0, y1, n);
            } else {
                cells++;
                exact++;
                paintExact(sampler, frame, x0, x1, y0, y1, dest, alpha, xy);
            }
        }

        private void quarter(int x0, int x1, int y0, int y1, double[] n) {
            int xm = (x0 + x1) >>> 1;
            int ym = (y0 + y1) >>> 1;
            double[] top = at(xm, y0);
            double[] left = at(x0, ym);
            double[] mid = at(xm, ym);
            double[] right = at(x1, ym);
            double[] bottom = at(xm, y1);
            cell(x0, xm, y0, ym, new double[] {n[0], n[1], top[0], top[1], left[0], left[1], mid[0], mid[1]});
            cell(xm, x1, y0, ym, new double[] {top[0], top[1], n[2], n[3], mid[0], mid[1], right[0], right[1]});
            cell(x0, xm, ym, y1, new double[] {left[0], left[1], mid[0], mid[1], n[4], n[5], bottom[0], bottom[1]});
            cell(xm, x1, ym, y1, new double[] {mid[0], mid[1], right[0], right[1], bottom[0], bottom[1], n[6], n[7]});
        }

        /** The distance, in pixels of the level read, between the exact inverse at node (px, py) and the interpolation at (s, t). */
        private double error(int px, int py, double[] n, double s, double t) {
            double[] e = at(px, py);
            double ix = (n[0] * (1 - s) + n[2] * s) * (1 - t) + (n[4] * (1 - s) + n[6] * s) * t;
            double iy = (n[1] * (1 - s) + n[3] * s) * (1 - t) + (n[5] * (1 - s) + n[7] * s) * t;
            double err = Math.hypot(ix - e[0], iy - e[1]) * toLevelPixels;
            return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
        }

        private double[] at(int px, int py) {
            return inverse(frame.x(px + 0.5), frame.y(py + 0.5), frame.mapCrs(), sampler.crs());
        }

        private static boolean finite(double[] n) {
            double sum = 0;
            for (double v : n) {
                sum += v;
            }
            return Double.isFinite(sum);
        }
    }

    /** A cell whose nodes were found too far apart to interpolate: every pixel traced through the exact inverse. */
    private static void paintExact(Sampler sampler, Frame frame, int x0, int x1, int y0, int y1, int[] dest, int alpha, double[] xy) {
        int w = frame.width();
        Crs from = frame.mapCrs();
        Crs to = sampler.crs();
        for (int py = y0; py < y1; py++) {
            int row = py * w;
            for (int px = x0; px < x1; px++) {
                double[] e = inverse(frame.x(px + 0.5), frame.y(py + 0.5), from, to);
                int argb = sampler.at(e[0], e[1], xy);
                if (argb >>> 24 != 0) {
                    dest[row + px] = over(argb, alpha, dest[row + px]);
                }
            }
        }
    }

    /** Fixed-point positions in level pixels: 16 bits of fraction (a 128-px row strays by 128 / 65536 px at most). */
    private static final int FIX = 16;
    private static final double ONE = 1 << FIX;

    /**
     * An interpolated cell, the hot loop of a frame. The nodes go into pixel coordinates of the level read once, so a
     * pixel costs two fixed-point additions along its row, and a row is painted in runs: the block under the run's first
     * pixel is looked up once and its pixels are taken straight from its int[] for as long as the row stays inside it
     * (every few hundred pixels). A missing block (coarser levels stand in) or a bilinear neighbour across a block's edge
     * take the general {@link Sampler#at} path, from the same interpolated position.
     */
    private static void paintCell(Sampler sampler, int x0, int x1, int y0, int y1, double[] n, int[] dest, int w, int alpha, double[] xy) {
        double[] m = sampler.inv[sampler.level];
        double spanX = x1 - x0;
        double spanY = y1 - y0;
        boolean bilinear = sampler.sampling == Sampling.BILINEAR;
        // bilinear weighs the four pixels around the position, whose top-left one is half a pixel up and left of it
        double shift = bilinear ? 0.5 : 0;
        int lw = sampler.width;
        int lh = sampler.height;
        // a bilinear run needs the pixel right of and below its position in the same block
        int edge = bilinear ? 1 : 0;
        long half = bilinear ? 1L << (FIX - 1) : 0;
        for (int py = y0; py < y1; py++) {
            double t = (py - y0) / spanY;
            // the row's ends in the raster's CRS, as the bilinear interpolation of the four nodes gives them at s = 0 and s = 1
            double lx = n[0] * (1 - t) + n[4] * t;
            double ly = n[1] * (1 - t) + n[5] * t;
            double rx = n[2] * (1 - t) + n[6] * t;
            double ry = n[3] * (1 - t) + n[7] * t;
            double u0 = m[0] * lx + m[1] * ly + m[2];
            double v0 = m[3] * lx + m[4] * ly + m[5];
            double du = (m[0] * rx + m[1] * ry + m[2] - u0) / spanX;
            double dv = (m[3] * rx + m[4] * ry + m[5] - v0) / spanX;
            long uf = (long) Math.floor((u0 - shift) * ONE);
            long vf = (long) Math.floor((v0 - shift) * ONE);
            long duf = Math.round(du * ONE);
            long dvf = Math.round(dv * ONE);
            int row = py * w;
            int px = x0;
            while (px < x1) {
                // outside the level, where the position itself (not the bilinear top-left pixel) lies: transparent
                long us = uf + half;
                long vs = vf + half;
                if (us < 0 || vs < 0 || us >> FIX >= lw || vs >> FIX >= lh) {
                    px++;
                    uf += duf;
                    vf += dvf;
                    continue;
                }
                int iu = (int) (uf >> FIX);
                int iv = (int) (vf >> FIX);
                int[] b = iu < 0 || iv < 0 ? null : sampler.blockAt(iu, iv, edge);
                if (b == null && sampler.missingHere && sampler.nothingUnder(iu, iv)) {
                    // a sparse cache's hole, no coarser level under it either: the rest of the row in this block is empty
                    int bx = iu / sampler.bw;
                    int by = iv / sampler.bh;
                    do {
                        px++;
                        uf += duf;
                        vf += dvf;
                    } while (px < x1 && (uf >> FIX) >= (long) bx * sampler.bw && (uf >> FIX) < (long) (bx + 1) * sampler.bw
                            && (vf >> FIX) >= (long) by * sampler.bh && (vf >> FIX) < (long) (by + 1) * sampler.bh);
                    continue;
                }
                if (b == null) {
                    // no block here, or a bilinear neighbour beyond this block or the level's edge: the general path
                    double s = (px - x0) / spanX;
                    int argb = sampler.at(lx + (rx - lx) * s, ly + (ry - ly) * s, xy);
                    if (argb >>> 24 != 0) {
                        dest[row + px] = over(argb, alpha, dest[row + px]);
                    }
                    px++;
                    uf += duf;
                    vf += dvf;
                    continue;
                }
                int bu = sampler.cu;
                int bv = sampler.cv;
                int bw = sampler.bw;
                int lastU = Math.min(bw, lw - bu) - edge;
                int lastV = Math.min(sampler.bh, lh - bv) - edge;
                if (bilinear) {
                    do {
                        int i = (iv - bv) * bw + (iu - bu);
                        int argb = bilinear(b[i], b[i + 1], b[i + bw], b[i + bw + 1], (int) (uf >> (FIX - 8)) & 0xFF,
                                (int) (vf >> (FIX - 8)) & 0xFF);
                        if (argb >>> 24 != 0) {
                            dest[row + px] = over(argb, alpha, dest[row + px]);
                        }
                        px++;
                        uf += duf;
                        vf += dvf;
                        iu = (int) (uf >> FIX);
                        iv = (int) (vf >> FIX);
                    } while (px < x1 && iu >= bu && iv >= bv && iu - bu < lastU && iv - bv < lastV);
                } else {
                    do {
                        int argb = b[(iv - bv) * bw + (iu - bu)];
                        if (argb >>> 24 != 0) {
                            dest[row + px] = over(argb, alpha, dest[row + px]);
                        }
                        px++;
                        uf += duf;
                        vf += dvf;
                        iu = (int) (uf >> FIX);
                        iv = (int) (vf >> FIX);
                    } while (px < x1 && iu >= bu && iv >= bv && iu - bu < lastU && iv - bv < lastV);
                }
            }
        }
    }

    /**
     * Bilinear blend of four ARGB pixels, {@code fu} and {@code fv} (0–255) of the way right and down, two channels at
     * once: weights in 256ths keep each 16-bit lane of a product below 2^16.
     */
    static int bilinear(int p00, int p10, int p01, int p11, int fu, int fv) {
        int w11 = (fu * fv + 128) >> 8;
        int w10 = fu - w11;
        int w01 = fv - w11;
        int w00 = 256 - fu - fv + w11;
        int rb = (p00 & 0xFF00FF) * w00 + (p10 & 0xFF00FF) * w10 + (p01 & 0xFF00FF) * w01 + (p11 & 0xFF00FF) * w11;
        int ag = (p00 >>> 8 & 0xFF00FF) * w00 + (p10 >>> 8 & 0xFF00FF) * w10 + (p01 >>> 8 & 0xFF00FF) * w01 + (p11 >>> 8 & 0xFF00FF) * w11;
        return ((ag + 0x800080) & 0xFF00FF00) | ((rb + 0x800080) >>> 8 & 0xFF00FF);
    }

    /** The raster's ARGB at map point (x, y) from the level a frame of {@code unitsPerPixel} would read; 0 outside. */
    public static int valueAt(RasterSource src, Crs mapCrs, double x, double y, double unitsPerPixel) {
        Frame f = new Frame(mapCrs, x - unitsPerPixel / 2, y + unitsPerPixel / 2, unitsPerPixel, 1, 1);
        int level = chooseLevel(src, f, 0, 0);
        double[] p = inverse(x, y, mapCrs, src.crs());
        if (Double.isNaN(p[0] + p[1])) {
            return 0;
        }
        return new Sampler(src, level, Sampling.NEAREST).at(p[0], p[1], new double[2]);
    }

    /** The raster's extent in the map's CRS: its outline, 32 points a side, moved into the map's CRS. */
    public static Envelope extentIn(RasterSource src, Crs mapCrs) {
        Envelope e = src.extent();
        Envelope out = new Envelope();
        int n = 32;
        for (int k = 0; k <= n; k++) {
            double fx = e.getMinX() + e.getWidth() * k / n;
            double fy = e.getMinY() + e.getHeight() * k / n;
            for (double[] q : new double[][] {{fx, e.getMinY()}, {fx, e.getMaxY()}, {e.getMinX(), fy}, {e.getMaxX(), fy}}) {
                double[] p = GeometryTransformer.shared().transform(q[0], q[1], src.crs(), mapCrs);
                if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                    out.expandToInclude(p[0], p[1]);
                }
            }
        }
        return out;
    }

    /**
     * The level whose pixels best match the frame's around frame pixel (px, py): the coarsest no more than
     * {@link #SLACK} times coarser than a frame pixel measured in the raster's CRS.
     */
    static int chooseLevel(RasterSource src, Frame f, double px, double py) {
        double[] o = inverse(f.x(px), f.y(py), f.mapCrs(), src.crs());
        double[] ex = inverse(f.x(px + 1), f.y(py), f.mapCrs(), src.crs());
        double[] ey = inverse(f.x(px), f.y(py + 1), f.mapCrs(), src.crs());
        double need = Math.sqrt(Math.abs((ex[0] - o[0]) * (ey[1] - o[1]) - (ex[1] - o[1]) * (ey[0] - o[0])));
        List<RasterLevel> levels = src.levels();
        int best = 0;
        if (!(need > 0)) {
            return best;
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).resolution() <= need * SLACK) {
                best = i;
            }
        }
        return best;
    }

    /** Whether a frame pixel near (px, py) is smaller than a pixel of {@code level}. */
    private static boolean magnified(RasterSource src, int level, Frame f, double px, double py) {
        double[] o = inverse(f.x(px), f.y(py), f.mapCrs(), src.crs());
        double[] ex = inverse(f.x(px + 1), f.y(py), f.mapCrs(), src.crs());
        return Math.hypot(ex[0] - o[0], ex[1] - o[1]) < src.levels().get(level).resolution();
    }

    private static double[] inverse(double x, double y, Crs from, Crs to) {
        try {
            return GeometryTransformer.shared().transform(x, y, from, to);
        } catch (RuntimeException e) {
            // proj4j refuses points outside a projection's domain (a GK frame far beyond its zone, the poles in Mercator)
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    /** Source-over of non-premultiplied {@code argb} at {@code opacity} (0–255) onto premultiplied {@code d}. */
    static int over(int argb, int opacity, int d) {
        if (opacity == 255 && argb >>> 24 == 255) {
            return argb;
        }
        int a = (argb >>> 24) * opacity / 255;
        if (a == 0) {
            return d;
        }
        int r = ((argb >>> 16) & 0xFF) * a / 255;
        int g = ((argb >>> 8) & 0xFF) * a / 255;
        int b = (argb & 0xFF) * a / 255;
        if (a == 255) {
            return 0xFF000000 | r << 16 | g << 8 | b;
        }
        int keep = 255 - a;
        return (a + (d >>> 24) * keep / 255) << 24 | (r + ((d >>> 16) & 0xFF) * keep / 255) << 16
                | (g + ((d >>> 8) & 0xFF) * keep / 255) << 8 | (b + (d & 0xFF) * keep / 255);
    }

    /**
     * Reads raster pixels at raster-CRS points for one draw: blocks looked up once and kept for the draw, a block that is
     * missing at the chosen level (a sparse cache, a corrupt tile, a level without tiles) taken from coarser levels.
     */
    static final class Sampler {
        private final RasterSource src;
        final int level;
        final Sampling sampling;
        final double[][] inv;
        /** The size of {@link #level} and its blocks. */
        final int width;
        final int height;
        final int bw;
        final int bh;
        /** The block of {@link #level} the hot loop last used, and where it starts. */
        private int[] cur;
        int cu = Integer.MIN_VALUE / 2;
        int cv = Integer.MIN_VALUE / 2;
        private final int[][] dims;
        private final Map<Long, int[]> blocks = new HashMap<>();
        private final long[] lastKeys;
        private final int[][] lastBlocks;
        private final boolean[] lastKnown;

        Crs crs() {
            return src.crs();
        }

        Sampler(RasterSource src, int level, Sampling sampling) {
            this.src = src;
            this.level = level;
            this.sampling = sampling;
            List<RasterLevel> ls = src.levels();
            inv = new double[ls.size()][];
            dims = new int[ls.size()][];
            for (int i = 0; i < ls.size(); i++) {
                RasterLevel rl = ls.get(i);
                dims[i] = new int[] {rl.width(), rl.height(), rl.blockWidth(), rl.blockHeight()};
                AffineTransform t = ls.get(i).crsToPixel();
                inv[i] = new double[] {t.getScaleX(), t.getShearX(), t.getTranslateX(), t.getShearY(), t.getScaleY(), t.getTranslateY()};
            }
            lastKeys = new long[ls.size()];
            lastBlocks = new int[ls.size()][];
            lastKnown = new boolean[ls.size()];
            width = dims[level][0];
            height = dims[level][1];
            bw = dims[level][2];
            bh = dims[level][3];
        }

        /**
         * The block of {@link #level} holding pixel (u, v), made the current one ({@link #cu}, {@link #cv} where it
         * starts), when it is there and also holds pixel (u + edge, v + edge); else null.
         */
        int[] blockAt(int u, int v, int edge) {
            missingHere = false;
            if (cur == null || u < cu || v < cv || u - cu >= bw || v - cv >= bh) {
                int bx = u / bw;
                int by = v / bh;
                int[] b = block(level, bx, by);
                if (b == null) {
                    missingHere = true;
                    return null;
                }
                cur = b;
                cu = bx * bw;
                cv = by * bh;
            }
            return u + edge - cu < bw && v + edge - cv < bh && u + edge < width && v + edge < height ? cur : null;
        }

        /** Whether the last {@link #blockAt} found no block there at all (not a bilinear neighbour beyond its block). */
        boolean missingHere;
        /** Per block of {@link #level} found missing: whether no coarser level has a block under it either. */
        private final Map<Long, Boolean> holes = new HashMap<>();
        private long lastHole;
        private boolean lastHoleKnown;
        private boolean lastHoleEmpty;

        /**
         * Whether nothing would be drawn anywhere in the block of {@link #level} holding pixel (u, v), which is missing:
         * no coarser level has a block under any of its corners. A coarser level's block covers at least as much ground
         * as one of this level (else the answer is no, and the pixels take the general path), so the blocks under the
         * four corners are all the coarser blocks the block's ground touches.
         */
        boolean nothingUnder(int u, int v) {
            int bx = u / bw;
            int by = v / bh;
            // mixed as the block keys are: bx << 32 | by hashes to bx ^ by, the same for a whole diagonal of blocks
            long key = ((long) bx << 32 | by) * 0x9E3779B97F4A7C15L;
            if (key == lastHole && lastHoleKnown) {
                // the pixels of a hole over a coarser tile ask this for each of them, in runs
                return lastHoleEmpty;
            }
            Boolean known = holes.get(key);
            if (known == null) {
                known = probeCoarser(bx, by);
                holes.put(key, known);
            }
            lastHole = key;
            lastHoleKnown = true;
            lastHoleEmpty = known;
            return known;
        }

        private boolean probeCoarser(int bx, int by) {
            List<RasterLevel> ls = src.levels();
            RasterLevel here = ls.get(level);
            double blockGround = here.resolution() * Math.max(bw, bh);
            // the corners, a thousandth of a pixel inside, so that a corner on a coarser block's edge counts for the block it bounds
            double e = 1e-3;
            double[] corners = {bx * bw + e, by * bh + e, (bx + 1) * bw - e, by * bh + e, bx * bw + e, (by + 1) * bh - e,
                (bx + 1) * bw - e, (by + 1) * bh - e};
            double[] crs = new double[8];
            here.pixelToCrs().transform(corners, 0, crs, 0, 4);
            for (int l = level + 1; l < ls.size(); l++) {
                int[] d = dims[l];
                if (ls.get(l).resolution() * Math.min(d[2], d[3]) < blockGround) {
                    return false;
                }
                double[] m = inv[l];
                for (int k = 0; k < 8; k += 2) {
                    double cu = m[0] * crs[k] + m[1] * crs[k + 1] + m[2];
                    double cv = m[3] * crs[k] + m[4] * crs[k + 1] + m[5];
                    if (cu < 0 || cv < 0 || cu >= d[0] || cv >= d[1]) {
                        continue;
                    }
                    if (block(l, (int) cu / d[2], (int) cv / d[3]) != null) {
                        return false;
                    }
                }
            }
            return true;
        }

        int at(double x, double y, double[] scratch) {
            for (int l = level; l < inv.length; l++) {
                double[] m = inv[l];
                double u = m[0] * x + m[1] * y + m[2];
                double v = m[3] * x + m[4] * y + m[5];
                int[] d = dims[l];
                if (u < 0 || v < 0 || u >= d[0] || v >= d[1]) {
                    return 0;
                }
                int value = sampling == Sampling.BILINEAR && l == level ? bilinear(l, d, u - 0.5, v - 0.5) : pixel(l, d, (int) u, (int) v);
                if (value != MISSING) {
                    return value;
                }
            }
            return 0;
        }

        /** A value no ARGB pixel read from a block takes here: a pixel whose block could not be read. */
        private static final int MISSING = MISSING_VALUE;

        private int pixel(int l, int[] d, int u, int v) {
            int bx = u / d[2];
            int by = v / d[3];
            int[] b = block(l, bx, by);
            if (b == null) {
                return MISSING;
            }
            int p = b[(v - by * d[3]) * d[2] + (u - bx * d[2])];
            return p == MISSING ? 0 : p;
        }

        private int bilinear(int l, int[] d, double u, double v) {
            int iu = (int) Math.floor(u);
            int iv = (int) Math.floor(v);
            double fu = u - iu;
            double fv = v - iv;
            int p00 = edge(l, d, iu, iv);
            int p10 = edge(l, d, iu + 1, iv);
            int p01 = edge(l, d, iu, iv + 1);
            int p11 = edge(l, d, iu + 1, iv + 1);
            if (p00 == MISSING || p10 == MISSING || p01 == MISSING || p11 == MISSING) {
                return p00 == MISSING ? MISSING : p00;
            }
            int out = 0;
            for (int shift = 0; shift <= 24; shift += 8) {
                double c = (((p00 >>> shift) & 0xFF) * (1 - fu) + ((p10 >>> shift) & 0xFF) * fu) * (1 - fv)
                        + (((p01 >>> shift) & 0xFF) * (1 - fu) + ((p11 >>> shift) & 0xFF) * fu) * fv;
                out |= ((int) Math.round(c) & 0xFF) << shift;
            }
            return out;
        }

        private int edge(int l, int[] d, int u, int v) {
            return pixel(l, d, Math.max(0, Math.min(d[0] - 1, u)), Math.max(0, Math.min(d[1] - 1, v)));
        }

        private int[] block(int l, int bx, int by) {
            // multiplied by an odd constant (one-to-one): packed as it is, the key's low bits, which pick HashMap's bin, hold
            // only the row, so a frame's blocks shared a few bins and the lookups walked trees (half a frame's time)
            long key = ((long) l << 56 | (long) bx << 28 | by) * 0x9E3779B97F4A7C15L;
            // the last block of each level: a pixel whose block is missing falls back level by level, and a run of such
            // pixels (a sparse cache's hole over a coarser tile) asks the same two or three blocks again and again
            if (lastKnown[l] && key == lastKeys[l]) {
                return lastBlocks[l];
            }
            int[] b = blocks.get(key);
            if (b == null && !blocks.containsKey(key)) {
                b = src.block(l, bx, by);
                blocks.put(key, b);
            }
            lastKnown[l] = true;
            lastKeys[l] = key;
            lastBlocks[l] = b;
            return b;
        }
    }
}
