package cn.basinguard.data;

import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;

/**
 * The jittered grid whose Voronoi cells become land patches in the tiled generator. Everything about grid position
 * (i, j) — where its seed point lies and the random draws that decide its use — comes from a random stream seeded by
 * (seed, i, j) alone, so any tile can recompute any cell, in any order and on any thread, and get the same bits.
 */
final class CellGrid {
    /** Share of cultivated patches that carry basic farmland, as in the in-memory generator. */
    static final double PBF_PATCH_SHARE = 0.88;

    final double x0;
    final double y0;
    final double spacing;
    final int nx;
    final int ny;
    private final long base;

    /** The draws of one grid position. */
    record Draws(double x, double y, double hillNoise, double restNoise, double hostDraw, long hash) {
        boolean host() {
            return hostDraw < PBF_PATCH_SHARE;
        }

        /** A further independent 64-bit value for one purpose ({@code salt}) of this cell. */
        long hash(int salt) {
            return mix(hash + 0x9E3779B97F4A7C15L * (salt + 1));
        }
    }

    /** A grid over the district's envelope, one spacing beyond it on every side, as the in-memory mosaic has it. */
    CellGrid(Envelope district, double spacing, long base) {
        this.spacing = spacing;
        this.x0 = district.getMinX() - spacing;
        this.y0 = district.getMinY() - spacing;
        this.nx = (int) Math.floor((district.getWidth() + 2 * spacing) / spacing) + 1;
        this.ny = (int) Math.floor((district.getHeight() + 2 * spacing) / spacing) + 1;
        this.base = base;
    }

    Draws draws(int i, int j) {
        SplittableRandom r = new SplittableRandom(mix(base ^ mix(((long) i << 32) ^ (j & 0xFFFFFFFFL))));
        double x = x0 + i * spacing + spacing * 0.8 * (r.nextDouble() - 0.5);
        double y = y0 + j * spacing + spacing * 0.8 * (r.nextDouble() - 0.5);
        return new Draws(x, y, r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextLong());
    }

    /** The grid column whose seeds lie nearest to x (seeds move at most 0.4 spacing from their node). */
    int column(double x) {
        return (int) Math.round((x - x0) / spacing);
    }

    int row(double y) {
        return (int) Math.round((y - y0) / spacing);
    }

    /** A 64-bit finaliser (Stafford's mix 13), so nearby (i, j) give unrelated streams. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A hash as a uniform number in [0, 1). */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}
