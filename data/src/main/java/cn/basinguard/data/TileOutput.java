package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The patches of one tile, ready to store, in write order: land-use (DLTB, every class), basic-farmland and red-line
 * features. A basic-farmland feature names its 耕地 patch by cell key (for TBBH), and its conflict if it has one.
 */
final class TileOutput {
    /** No conflict. */
    static final int NONE = -1;

    /**
     * @param link for basic farmland: {@link #NONE}, an index into this tile's red list (the strip drawn over it), or
     *             {@code -2 - k} for big red-line polygon k
     */
    record Patch(int unit, PatchDefects.Stored stored, long key, int link) {
    }

    /**
     * One DLTB patch: its class ({@code tillage} for 耕地, else {@code dlbm}), the cell key of a 耕地 patch (−1 for the
     * others) and its ellipsoidal area (m², unrounded; of the repaired shape for a faulty patch), measured on the worker.
     */
    record LandUse(int unit, PatchDefects.Stored stored, String dlbm, Tillage tillage, long key, double tbmj) {
    }

    final List<LandUse> landUse = new ArrayList<>();
    final List<Patch> farmland = new ArrayList<>();
    final List<Patch> red = new ArrayList<>();
}
