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
 * raster's CRS. Tracing each of two million pixels through proj4j costs too much, so the exact inverse is taken on a
 * grid of nodes {@value #STEP} pixels apart and interpolated bilinearly between them; each cell's centre is checked
 * against the exact inverse, and a cell where the interpolation strays by more than {@value #MAX_ERROR} of a raster
 * pixel is traced pixel by pixel. The level read is the coarsest whose pixels are no bigger than the frame's (with a
 * little slack), so a county view reads overviews and a township view the full image.
 */
public final class RasterWarp {
    static final int STEP = 16;
    static final double MAX_ERROR = 0.25;
    /** A level up to this much coarser than the frame is still taken: reading four times the tiles for 20 % sharper is poor value. */
    private static final double SLACK = 1.2;

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
        int nx = (c1 - c0 + STEP - 1) / STEP + 1;
        int ny = (r1 - r0 + STEP - 1) / STEP + 1;
        double[] gx = new double[nx * ny];
        double[] gy = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            int py = Math.min(r0 + j * STEP, r1);
            for (int i = 0; i < nx; i++) {
                int px = Math.min(c0 + i * STEP, c1);
                double[] p = inverse(frame.x(px + 0.5), frame.y(py + 0.5), from, to);
                gx[j * nx + i] = p[0];
                gy[j * nx + i] = p[1];
            }
        }
        double toLevelPixels = 1 / src.levels().get(level).resolution();
        int exact = 0;
        int cells = 0;
        double worst = 0;
        int w = frame.width();
        int alpha = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        double[] xy = new double[2];
        for (int j = 0; j + 1 < ny; j++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            int y0 = Math.min(r0 + j * STEP, r1);
            int y1 = Math.min(r0 + (j + 1) * STEP, r1);
            for (int i = 0; i + 1 < nx; i++) {
                int x0 = Math.min(c0 + i * STEP, c1);
                int x1 = Math.min(c0 + (i + 1) * STEP, c1);
                if (x0 >= x1 || y0 >= y1) {
                    continue;
                }
                cells++;
                int a = j * nx + i;
                int b = a + 1;
                int c = a + nx;
                int d = c + 1;
                double ax = gx[a], ay = gy[a], bx = gx[b], by = gy[b], cx = gx[c], cy = gy[c], dx = gx[d], dy = gy[d];
                boolean nodesOk = !(Double.isNaN(ax + bx + cx + dx + ay + by + cy + dy) || Double.isInfinite(ax + bx + cx + dx + ay + by + cy + dy));
                double spanX = x1 - x0;
                double spanY = y1 - y0;
                boolean perPixel = !nodesOk;
                if (nodesOk) {
                    // the interpolation's error at the cell's centre, in pixels of the level read
                    double mx = (x0 + x1) / 2.0;
                    double my = (y0 + y1) / 2.0;
                    double[] e = inverse(frame.x(mx + 0.5), frame.y(my + 0.5), from, to);
                    double s = (mx - x0) / spanX;
                    double t = (my - y0) / spanY;
                    double ix = (ax * (1 - s) + bx * s) * (1 - t) + (cx * (1 - s) + dx * s) * t;
                    double iy = (ay * (1 - s) + by * s) * (1 - t) + (cy * (1 - s) + dy * s) * t;
                    double err = Math.hypot(ix - e[0], iy - e[1]) * toLevelPixels;
                    if (Double.isNaN(err) || err > MAX_ERROR) {
                        perPixel = true;
                    } else {
                        worst = Math.max(worst, err);
                    }
                }
                if (perPixel) {
                    exact++;
                }
                for (int py = y0; py < y1; py++) {
                    double t = (py - y0) / spanY;
                    int row = py * w;
                    for (int px = x0; px < x1; px++) {
                        double rx;
                        double ry;
                        if (perPixel) {
                            double[] e = inverse(frame.x(px + 0.5), frame.y(py + 0.5), from, to);
                            rx = e[0];
                            ry = e[1];
                        } else {
                            double s = (px - x0) / spanX;
                            rx = (ax * (1 - s) + bx * s) * (1 - t) + (cx * (1 - s) + dx * s) * t;
                            ry = (ay * (1 - s) + by * s) * (1 - t) + (cy * (1 - s) + dy * s) * t;
                        }
                        int argb = sampler.at(rx, ry, xy);
                        if (argb >>> 24 != 0) {
                            dest[row + px] = over(argb, alpha, dest[row + px]);
                        }
                    }
                }
            }
        }
        return new Stats(level, exact, cells, worst);
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
        private final int level;
        private final Sampling sampling;
        private final double[][] inv;
        private final int[][] dims;
        private final Map<Long, int[]> blocks = new HashMap<>();
        private long lastKey = Long.MIN_VALUE;
        private int[] last;

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
        private static final int MISSING = 0x00FF00FF;

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
            long key = (long) l << 56 | (long) bx << 28 | by;
            if (key == lastKey) {
                return last;
            }
            int[] b = blocks.get(key);
            if (b == null && !blocks.containsKey(key)) {
                b = src.block(l, bx, by);
                blocks.put(key, b);
            }
            lastKey = key;
            last = b;
            return b;
        }
    }
}
