package cn.basinguard.core.loaded;

import java.util.Arrays;

/**
 * Finds a feature's place in a layer by its key: a binary search over the keys when they are ascending (a GeoPackage's,
 * a Shapefile's record numbers), else over their positions sorted by key (a database's, in no order). Immutable.
 */
public final class KeyOrder {
    private final long[] ids;
    /** Positions sorted by key; null when the keys are ascending already. */
    private final int[] order;

    /** @param ids each feature's key, by position (not copied: not to be changed afterwards) */
    public KeyOrder(long[] ids) {
        this.ids = ids;
        this.order = sorted(ids);
    }

    /** The place of the feature with key {@code fid}, or −1. */
    public int positionOf(long fid) {
        if (order == null) {
            int at = Arrays.binarySearch(ids, fid);
            return at >= 0 ? at : -1;
        }
        int lo = 0;
        int hi = order.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = ids[order[mid]];
            if (k == fid) {
                return order[mid];
            }
            if (k < fid) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private static int[] sorted(long[] ids) {
        boolean ascending = true;
        for (int i = 1; i < ids.length && ascending; i++) {
            ascending = ids[i - 1] < ids[i];
        }
        if (ascending) {
            return null;
        }
        if (Arrays.stream(ids).allMatch(id -> id >= 0 && id <= Integer.MAX_VALUE)) {
            // keys as a database gives them: sorted as primitives, key and position in one long
            long[] keyed = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                keyed[i] = ids[i] << 32 | i;
            }
            Arrays.sort(keyed);
            int[] out = new int[ids.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) keyed[i];
            }
            return out;
        }
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
}
