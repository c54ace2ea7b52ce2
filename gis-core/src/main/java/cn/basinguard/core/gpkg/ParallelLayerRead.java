package cn.basinguard.core.gpkg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads a large layer with one SQLite connection per core and hands the features on in key order. Reading a row
 * (above all its text attributes) costs more than decoding its geometry, so the split is by rows, not by decoding:
 * the key range is cut into chunks of about {@link #CHUNK_ROWS} rows, which the connections take in key order, and at
 * most {@link #AHEAD} chunks a connection are read ahead of the one being handed on. So memory follows a few chunks,
 * not the layer: reading each connection's whole share first held a county's 900,000 patches at once (1.4 GB of heap
 * to load the map of a county, and the attribute table of its DLTB did not fit the window's heap at all).
 * Read-only, immutable connections share nothing.
 */
final class ParallelLayerRead {
    /** Below this many rows one connection is as fast. */
    static final long MIN_ROWS = 20_000;
    /**
     * Rows a chunk, about (keys are spread evenly over the chunks, rows are where the keys are). Small, so that what is
     * read ahead dies young: with 4,096 the ~50 MB of features in flight filled the window's 64 MB young generation and
     * every collection copied them (the county's DLTB loaded in 8.1–8.8 s, 2.9–3.3 s of it in 80-odd pauses); with 256,
     * 6.8 s (1.4–1.5 s). 128 reads no faster (more queries).
     */
    static final int CHUNK_ROWS = 256;
    /** Chunks a connection may have read that are not yet handed on. */
    static final int AHEAD = 3;

    interface Connections {
        Connection open() throws SQLException;
    }

    private ParallelLayerRead() {
    }

    static boolean worthIt(LayerInfo layer) {
        return layer.primaryKey() != null && layer.featureCount() >= MIN_ROWS && Runtime.getRuntime().availableProcessors() > 1;
    }

    static void read(Connection main, Connections more, LayerInfo layer, List<LayerInfo.FieldInfo> fields, FeatureSink sink,
                     Consumer<ReadProblem> problems)
            throws SQLException {
        long[] range = keyRange(main, layer);
        double span = (double) range[1] - range[0] + 1;
        if (span > 0x1p60 || span < 1) {
            new FeatureCursor(main, layer, fields, Geometries.FACTORY).read((Envelope) null, sink, problems); // keys too spread to cut
            return;
        }
        long width = Math.max(1, (long) Math.ceil(span * CHUNK_ROWS / Math.max(1, layer.featureCount())));
        int chunks = (int) Math.min(1 << 20, (long) Math.ceil(span / width));
        int parts = Math.min(Math.min(Runtime.getRuntime().availableProcessors(), 8), chunks);
        @SuppressWarnings("unchecked")
        CompletableFuture<Part>[] read = new CompletableFuture[chunks];
        for (int k = 0; k < chunks; k++) {
            read[k] = new CompletableFuture<>();
        }
        // a chunk is claimed only with a permit and in key order: the next chunk to hand on is always being read or read
        Semaphore permits = new Semaphore(AHEAD * parts);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(parts, r -> {
            Thread t = new Thread(r, "gpkg-read");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < parts; i++) {
                boolean first = i == 0;
                pool.execute(() -> {
                    Connection c = null;
                    try {
                        c = first ? main : more.open();
                        FeatureCursor cursor = new FeatureCursor(c, layer, fields, Geometries.FACTORY);
                        while (!stop.get()) {
                            permits.acquire();
                            int k = next.getAndIncrement();
                            if (k >= chunks) {
                                break;
                            }
                            Part part = new Part();
                            long from = k == 0 ? Long.MIN_VALUE : range[0] + k * width;
                            long to = k == chunks - 1 ? Long.MAX_VALUE : range[0] + (k + 1) * width;
                            try {
                                cursor.read(null, from, to, part.features::add, part.problems::add);
                                read[k].complete(part);
                            } catch (Throwable e) {
                                read[k].completeExceptionally(e);
                                stop.set(true);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Throwable e) {
                        // the connection could not be opened: fail the chunks nobody will read
                        stop.set(true);
                        for (CompletableFuture<Part> f : read) {
                            f.completeExceptionally(e);
                        }
                    } finally {
                        if (!first && c != null) {
                            try {
                                c.close();
                            } catch (SQLException ignored) {
                                // read-only: nothing is lost
                            }
                        }
                    }
                });
            }
            for (int k = 0; k < chunks; k++) {
                Part part = get(read[k]);
                read[k] = null;
                part.problems.forEach(problems);
                part.features.forEach(sink::accept);
                permits.release();
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
            try {
                // the first connection is the caller's: no statement of ours may still run on it when we return
                pool.awaitTermination(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Part {
        final List<Feature> features = new ArrayList<>(CHUNK_ROWS);
        final List<ReadProblem> problems = new ArrayList<>();
    }

    private static Part get(CompletableFuture<Part> f) throws SQLException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new SQLException(e.getCause());
        }
    }

    private static long[] keyRange(Connection c, LayerInfo layer) throws SQLException {
        String pk = Sql.id(layer.primaryKey());
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MIN(" + pk + "), MAX(" + pk + ") FROM " + Sql.id(layer.name()))) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
