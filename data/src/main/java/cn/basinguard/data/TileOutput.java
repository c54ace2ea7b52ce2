package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The patches of one tile, ready to store, in write order: cultivated, basic-farmland and red-line features. A
 * basic-farmland feature names its cultivated patch by cell key (for TBBH), and its conflict if it has one.
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

    final List<Patch> cultivated = new ArrayList<>();
    final List<Patch> farmland = new ArrayList<>();
    final List<Patch> red = new ArrayList<>();
}
