package cn.basinguard.core.gpkg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads a large layer with one SQLite connection per core, each over its own range of keys, and hands the
 * features on in key order. Reading a row (above all its text attributes) costs more than decoding its
 * geometry, so the split is by rows, not by decoding; read-only, immutable connections share nothing.
 */
final class ParallelLayerRead {
    /** Below this many rows one connection is as fast. */
    static final long MIN_ROWS = 20_000;

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
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), 8);
        long span = range[1] - range[0] + 1;
        long step = Math.max(1, (span + parts - 1) / parts);
        ExecutorService pool = Executors.newFixedThreadPool(parts, r -> {
            Thread t = new Thread(r, "gpkg-read");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Part>> futures = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                long from = range[0] + i * step;
                long to = i == parts - 1 ? Long.MAX_VALUE : Math.min(range[1] + 1, from + step);
                boolean first = i == 0;
                futures.add(pool.submit(() -> {
                    Part part = new Part();
                    Connection c = first ? main : more.open();
                    try {
                        new FeatureCursor(c, layer, fields, Geometries.FACTORY).read(null, first ? Long.MIN_VALUE : from, to,
                                part.features::add, part.problems::add);
                    } finally {
                        if (!first) {
                            c.close();
                        }
                    }
                    return part;
                }));
            }
            for (Future<Part> f : futures) {
                Part part = get(f);
                part.problems.forEach(problems);
                part.features.forEach(sink::accept);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class Part {
        final List<Feature> features = new ArrayList<>();
        final List<ReadProblem> problems = new ArrayList<>();
    }

    private static Part get(Future<Part> f) throws SQLException {
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
