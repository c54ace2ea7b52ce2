package cn.basinguard.core.raster;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Decoded blocks kept for the next frames, least recently used dropped first, bounded by pixels so that panning over
 * a 2 GB orthophoto or a 1 GB tile cache holds a few screens of it, not the file. One cache for all rasters of the
 * process ({@code -Dbasinguard.raster.cacheMB}, 64 MB unless set). A block that could not be read is remembered too
 * (as an empty array), so a corrupt tile is decoded, and reported, once. A block asked for by several threads at once
 * (the bands of a frame meet at their edges) is decoded by the first; the others wait for its pixels.
 */
final class BlockCache {
    static final int[] MISSING = new int[0];
    private static final long LIMIT = Long.getLong("basinguard.raster.cacheMB", 64) * 1024 * 1024 / 4;
    private static final BlockCache SHARED = new BlockCache(LIMIT);

    record Key(Object source, int level, int column, int row) {
    }

    private final long limit;
    private long size;
    private final LinkedHashMap<Key, int[]> blocks = new LinkedHashMap<>(256, 0.75f, true);
    /** Blocks being decoded now, by the thread that asked first. */
    private final Map<Key, FutureTask<int[]>> loading = new HashMap<>();

    BlockCache(long limitPixels) {
        this.limit = limitPixels;
    }

    static BlockCache shared() {
        return SHARED;
    }

    /**
     * The block under {@code key}, decoded by {@code read} when not kept (outside the lock: decoding is the slow part),
     * once however many threads ask at the same time. Null when missing, or when this thread is interrupted waiting.
     */
    int[] get(Key key, Supplier<int[]> read) {
        FutureTask<int[]> task;
        boolean mine = false;
        synchronized (this) {
            int[] b = blocks.get(key);
            if (b != null) {
                return b == MISSING ? null : b;
            }
            task = loading.get(key);
            if (task == null) {
                task = new FutureTask<>(read::get);
                loading.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            try {
                task.run();
                int[] b = task.get();
                synchronized (this) {
                    put(key, b == null ? MISSING : b);
                }
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw unwrapped(e);
            } finally {
                synchronized (this) {
                    loading.remove(key);
                }
            }
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw unwrapped(e);
        }
    }

    /** What the read threw, as it threw it (a RuntimeException or an Error; a read throws nothing checked). */
    private static RuntimeException unwrapped(ExecutionException e) {
        if (e.getCause() instanceof Error err) {
            throw err;
        }
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }

    private synchronized void put(Key key, int[] b) {
        int[] old = blocks.put(key, b);
        size += Math.max(1, b.length) - (old == null ? 0 : Math.max(1, old.length));
        var it = blocks.entrySet().iterator();
        while (size > limit && it.hasNext()) {
            Map.Entry<Key, int[]> e = it.next();
            if (e.getKey().equals(key)) {
                continue;
            }
            size -= Math.max(1, e.getValue().length);
            it.remove();
        }
    }

    /** Forgets the blocks of a closed source. */
    synchronized void forget(Object source) {
        var it = blocks.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, int[]> e = it.next();
            if (e.getKey().source() == source) {
                size -= Math.max(1, e.getValue().length);
                it.remove();
            }
        }
    }

    synchronized long pixels() {
        return size;
    }
}
