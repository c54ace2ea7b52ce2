package cn.basinguard.core.map;

import cn.basinguard.core.check.LayerRole;
import java.awt.Color;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Set;

/**
 * Anti-aliased filling of a layer's patches straight into one band of a screen frame (premultiplied ARGB ints), by
 * exact area coverage: each edge adds, to the cells of the pixel rows it crosses, the signed share of each cell's area
 * that lies to its right; a running sum along a row is then every pixel's covered share. A frame's thousands of small
 * patches cost work in proportion to their outlines' length in pixels plus one sweep of the rows they touch, where
 * Java2D's anti-aliased fill (Marlin) walks eight sub-scanlines a pixel row and sorts their crossings: at township zoom
 * that fill was most of a frame's time.
 *
 * <p>Coverage is by the non-zero rule per polygon (rings oriented here: shells one way, holes the other, whatever the
 * file's order), and patches that overlap are filled once (their union), where the even-odd fill of one path leaves
 * their overlap empty. That is why it serves only the layers of patches that tile the ground — land use, cultivated
 * land, basic farmland, the ecological red line — whose patches do not overlap (where they do, the topology check
 * reports it); project sites, which do overlap, keep Java2D's fill. Print and PDF never use it (vector output).
 *
 * <p>The edges of a pass are gathered first and then added strip by strip, 32 pixel rows at a time, each strip swept as
 * soon as its edges are in: the cells of one strip stay in the processor's cache, where adding every edge straight
 * into cells for a whole band missed it at almost every pixel row an edge crossed.
 *
 * <p>One instance per band painter thread, reused from frame to frame; not thread-safe.
 */
final class PatchFill {
    /** The layers drawn through it: patches that tile the ground, never overlapping one another. */
    private static final Set<LayerRole> TILING = Set.of(LayerRole.LAND_USE, LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND,
            LayerRole.ECO_REDLINE);
    private static final int RUN_BITS = 3;
    /** Cells a run (8: most patches in a frame are a few dozen pixels across): a run no edge touched has one coverage throughout, painted without a sum per pixel. */
    private static final int RUN = 1 << RUN_BITS;
    private static final int STRIP_BITS = 5;
    /** Pixel rows a strip. */
    private static final int STRIP = 1 << STRIP_BITS;
    /** Coverage below this shows nothing (under half a 1/256 step). */
    private static final float NONE = 1f / 512;
    private static final ThreadLocal<PatchFill> PER_THREAD = ThreadLocal.withInitial(PatchFill::new);

    private int width;
    private int rowFrom;
    private int rowTo;
    /** The pass's edges, top end first, and the sign of their coverage. */
    private float[] edges = new float[5 * 1024];
    private int edgeCount;
    /** (width + 2) cells a row of a strip: coverage deltas, summed along the row when swept; all zero between strips. */
    private float[] cells = new float[0];
    /** First and last cell touched in each row of the strip. */
    private final int[] minCell = new int[STRIP];
    private final int[] maxCell = new int[STRIP];
    /** Which runs of each row of the strip an edge touched. */
    private boolean[] touched = new boolean[0];
    private int runsPerRow;
    /** The edges of each strip, by a counting sort of the pass's edges. */
    private int[] stripStart = new int[0];
    private int[] stripEdges = new int[0];
    /** A ring's pixel coordinates, gathered to find its orientation before its edges are added. */
    private float[] xs = new float[256];
    private float[] ys = new float[256];
    private int n;

    private PatchFill() {
    }

    /** Whether a layer's fill in a screen frame can be drawn by area coverage (see the class comment). */
    static boolean suits(MapLayer layer) {
        return layer.role() != null && TILING.contains(layer.role());
    }

    /** This thread's instance, set to paint rows {@code rowFrom} to {@code rowTo} of a frame {@code width} pixels wide. */
    static PatchFill forBand(int width, int rowFrom, int rowTo) {
        PatchFill f = PER_THREAD.get();
        f.reset(width, rowFrom, rowTo);
        return f;
    }

    private void reset(int w, int from, int to) {
        int size = (w + 2) * STRIP;
        if (cells.length < size) {
            cells = new float[size];
        }
        runsPerRow = (w + 2 + RUN - 1) / RUN;
        if (touched.length < runsPerRow * STRIP) {
            touched = new boolean[runsPerRow * STRIP];
        }
        width = w;
        rowFrom = from;
        rowTo = to;
        edgeCount = 0;
        Arrays.fill(minCell, Integer.MAX_VALUE);
        Arrays.fill(maxCell, -1);
    }

    /** Starts a ring (pixel coordinates follow, with {@link #vertex}). */
    void beginRing() {
        n = 0;
    }

    void vertex(float x, float y) {
        if (n == xs.length) {
            xs = Arrays.copyOf(xs, n * 2);
            ys = Arrays.copyOf(ys, n * 2);
        }
        xs[n] = x;
        ys[n] = y;
        n++;
    }

    /** Ends the ring begun last: a polygon's shell covers, its holes uncover, whichever way the file ran them. */
    void endRing(boolean hole) {
        if (n < 3) {
            return;
        }
        double twiceArea = 0;
        float minY = ys[0];
        float maxY = ys[0];
        for (int i = 0, j = n - 1; i < n; j = i++) {
            twiceArea += (double) xs[j] * ys[i] - (double) xs[i] * ys[j];
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        if (twiceArea == 0 || maxY <= rowFrom || minY >= rowTo) {
            return;
        }
        float sign = (twiceArea > 0) != hole ? 1f : -1f;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            float x0 = xs[j];
            float y0 = ys[j];
            float x1 = xs[i];
            float y1 = ys[i];
            if (y0 == y1) {
                continue;
            }
            float dir = sign;
            if (y0 > y1) {
                float t = x0;
                x0 = x1;
                x1 = t;
                t = y0;
                y0 = y1;
                y1 = t;
                dir = -sign;
            }
            if (y1 <= rowFrom || y0 >= rowTo) {
                continue;
            }
            if (edgeCount * 5 + 5 > edges.length) {
                edges = Arrays.copyOf(edges, edges.length * 2);
            }
            int at = edgeCount * 5;
            edges[at] = x0;
            edges[at + 1] = y0;
            edges[at + 2] = x1;
            edges[at + 3] = y1;
            edges[at + 4] = dir;
            edgeCount++;
        }
    }

    /** The first and last strip (from the band's top) that edge {@code e} crosses. */
    private int firstStrip(int e) {
        return (Math.max(floor(edges[e * 5 + 1]), rowFrom) - rowFrom) >> STRIP_BITS;
    }

    private int lastStrip(int e) {
        return (Math.min(ceil(edges[e * 5 + 3]), rowTo) - 1 - rowFrom) >> STRIP_BITS;
    }

    /** Sorts the pass's edges by the strips they cross (in the order they came, an edge in each strip it crosses). */
    private int sortByStrip(int strips) {
        if (stripStart.length < strips + 1) {
            stripStart = new int[strips + 1];
        }
        Arrays.fill(stripStart, 0, strips + 1, 0);
        int total = 0;
        for (int e = 0; e < edgeCount; e++) {
            int last = lastStrip(e);
            for (int k = firstStrip(e); k <= last; k++) {
                stripStart[k + 1]++;
                total++;
            }
        }
        for (int k = 0; k < strips; k++) {
            stripStart[k + 1] += stripStart[k];
        }
        if (stripEdges.length < total) {
            stripEdges = new int[total];
        }
        int[] next = Arrays.copyOf(stripStart, strips);
        for (int e = 0; e < edgeCount; e++) {
            int last = lastStrip(e);
            for (int k = firstStrip(e); k <= last; k++) {
                stripEdges[next[k]++] = e;
            }
        }
        return total;
    }

    /**
     * Adds edge {@code e} to the rows {@code from} to {@code to} of the frame (one strip): in each pixel row it crosses,
     * the area of each cell to its right.
     */
    private void edge(int e, int from, int to) {
        float x0 = edges[e * 5];
        float y0 = edges[e * 5 + 1];
        float x1 = edges[e * 5 + 2];
        float y1 = edges[e * 5 + 3];
        float dir = edges[e * 5 + 4];
        float dxdy = (x1 - x0) / (y1 - y0);
        int stride = width + 2;
        int endRow = Math.min(ceil(y1), to);
        for (int row = Math.max(floor(y0), from); row < endRow; row++) {
            // each row's ends from the edge's own ends, not summed from the row above: a band paints its rows exactly as
            // the whole frame does
            float yTop = Math.max(row, y0);
            float yBottom = Math.min(row + 1, y1);
            float dy = yBottom - yTop;
            float x = x0 + (yTop - y0) * dxdy;
            float xNext = x0 + (yBottom - y0) * dxdy;
            // beyond the frame's sides an edge still counts, at the side: what lies to its right is still covered
            float a = Math.min(Math.max(Math.min(x, xNext), 0), width);
            float b = Math.min(Math.max(Math.max(x, xNext), 0), width);
            int r = row - from;
            int at = r * stride;
            float d = dy * dir;
            int ia = (int) a;
            int ib = ceil(b);
            if (ib <= ia + 1) {
                // within one cell: its share right of the edge's middle, the rest to the next cell
                float mid = 0.5f * (a + b) - ia;
                cells[at + ia] += d * (1 - mid);
                cells[at + ia + 1] += d * mid;
                touch(r, ia, ia + 1);
            } else {
                // across several cells: a triangle in the first and the last, a constant slope of area between
                float s = 1 / (b - a);
                float fa = a - ia;
                float first = 0.5f * s * (1 - fa) * (1 - fa);
                float fb = b - (ib - 1);
                float last = 0.5f * s * fb * fb;
                cells[at + ia] += d * first;
                if (ib == ia + 2) {
                    cells[at + ia + 1] += d * (1 - first - last);
                } else {
                    float second = s * (1.5f - fa);
                    cells[at + ia + 1] += d * (second - first);
                    for (int c = ia + 2; c < ib - 1; c++) {
                        cells[at + c] += d * s;
                    }
                    float upToLast = second + (ib - ia - 3) * s;
                    cells[at + ib - 1] += d * (1 - upToLast - last);
                }
                cells[at + ib] += d * last;
                touch(r, ia, ib);
            }
        }
    }

    /** Math.floor and Math.ceil of a float as an int: profiles of this JDK showed the library ones calling StrictMath. */
    private static int floor(float v) {
        int i = (int) v;
        return v < i ? i - 1 : i;
    }

    private static int ceil(float v) {
        int i = (int) v;
        return v > i ? i + 1 : i;
    }

    private void touch(int r, int from, int to) {
        if (from < minCell[r]) {
            minCell[r] = from;
        }
        if (to > maxCell[r]) {
            maxCell[r] = to;
        }
        int at = r * runsPerRow;
        for (int k = from >> RUN_BITS; k <= to >> RUN_BITS; k++) {
            touched[at + k] = true;
        }
    }

    /**
     * Blends the rings added since the band was set into {@code pixels} (the whole frame's, premultiplied ARGB) in
     * {@code fill}, or in {@code texture}'s tile repeated from the frame's corner when given, at {@code opacity}; then
     * forgets them, ready for the next pass.
     */
    void paint(int[] pixels, Color fill, TexturePaint texture, double opacity) {
        if (edgeCount == 0) {
            return;
        }
        int[] tile;
        int tw = 1;
        int th = 1;
        if (texture != null) {
            BufferedImage img = texture.getImage();
            tw = img.getWidth();
            th = img.getHeight();
            tile = new int[tw * th];
            for (int y = 0; y < th; y++) {
                for (int x = 0; x < tw; x++) {
                    tile[y * tw + x] = premultiplied(img.getRGB(x, y));
                }
            }
        } else {
            tile = new int[] {fill == null ? 0 : premultiplied(fill.getRGB())};
        }
        int extra = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 256);
        int strips = (rowTo - rowFrom + STRIP - 1) >> STRIP_BITS;
        sortByStrip(strips);
        for (int k = 0; k < strips; k++) {
            int from = rowFrom + (k << STRIP_BITS);
            int to = Math.min(from + STRIP, rowTo);
            for (int i = stripStart[k]; i < stripStart[k + 1]; i++) {
                edge(stripEdges[i], from, to);
            }
            for (int y = from; y < to; y++) {
                sweep(y, y - from, pixels, tile, tw, th, extra);
            }
        }
        edgeCount = 0;
    }

    /** Sums row {@code r} of the strip (frame row {@code y}) into coverage, blends it into the frame, clears it. */
    private void sweep(int y, int r, int[] pixels, int[] tile, int tw, int th, int extra) {
        if (minCell[r] > maxCell[r]) {
            return;
        }
        int stride = width + 2;
        int at = r * stride;
        int runs = r * runsPerRow;
        int line = y * width;
        int tileRow = (y % th) * tw;
        float sum = 0;
        // the tile's column at each run's start, advanced run by run (a division per run showed in profiles)
        int runTx = ((minCell[r] >> RUN_BITS) << RUN_BITS) % tw;
        for (int k = minCell[r] >> RUN_BITS; k <= maxCell[r] >> RUN_BITS; k++, runTx = tw == 1 ? 0 : wrap(runTx + RUN, tw)) {
            int x0 = k << RUN_BITS;
            int x1 = Math.min(x0 + RUN, width);
            int tx = runTx;
            if (!touched[runs + k]) {
                // no edge in this run: the coverage carried into it holds throughout
                float cover = Math.abs(sum);
                if (cover >= NONE) {
                    int c = (int) (Math.min(1f, cover) * 256 + 0.5f) * extra >> 8;
                    for (int x = x0; x < x1; x++) {
                        int src = tile[tileRow + tx];
                        pixels[line + x] = c == 256 && src >>> 24 == 255 ? src : over(src, pixels[line + x], c);
                        if (++tx == tw) {
                            tx = 0;
                        }
                    }
                }
                continue;
            }
            touched[runs + k] = false;
            for (int x = x0; x < x1; x++) {
                sum += cells[at + x];
                cells[at + x] = 0;
                float cover = Math.abs(sum);
                if (cover >= NONE) {
                    int src = tile[tileRow + tx];
                    if (cover >= 1 - NONE) {
                        pixels[line + x] = extra == 256 && src >>> 24 == 255 ? src : over(src, pixels[line + x], extra);
                    } else {
                        pixels[line + x] = over(src, pixels[line + x], (int) (cover * 256 + 0.5f) * extra >> 8);
                    }
                }
                if (++tx == tw) {
                    tx = 0;
                }
            }
            // the cells past the frame's right side (edges beyond it count there) are cleared, not painted
            for (int x = x1; x < Math.min(x0 + RUN, stride); x++) {
                cells[at + x] = 0;
            }
        }
        minCell[r] = Integer.MAX_VALUE;
        maxCell[r] = -1;
    }

    private static int wrap(int t, int n) {
        while (t >= n) {
            t -= n;
        }
        return t;
    }

    /** {@code src} (premultiplied) scaled by {@code k}/256, over {@code dst} (premultiplied). */
    private static int over(int src, int dst, int k) {
        int sa = ((src >>> 24) * k) >> 8;
        int keep = 255 - sa;
        int a = sa + div255((dst >>> 24) * keep);
        int r = (((src >>> 16) & 0xFF) * k >> 8) + div255(((dst >>> 16) & 0xFF) * keep);
        int g = (((src >>> 8) & 0xFF) * k >> 8) + div255(((dst >>> 8) & 0xFF) * keep);
        int b = ((src & 0xFF) * k >> 8) + div255((dst & 0xFF) * keep);
        return Math.min(255, a) << 24 | Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b);
    }

    /** v / 255 rounded, for v in 0 … 255²: by shifts, not a division per channel and pixel. */
    private static int div255(int v) {
        int t = v + 128;
        return (t + (t >> 8)) >> 8;
    }

    private static int premultiplied(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb;
        }
        return a << 24 | (((argb >>> 16) & 0xFF) * a + 127) / 255 << 16 | (((argb >>> 8) & 0xFF) * a + 127) / 255 << 8
                | ((argb & 0xFF) * a + 127) / 255;
    }
}
