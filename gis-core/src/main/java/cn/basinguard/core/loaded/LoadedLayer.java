package cn.basinguard.core.loaded;

import cn.basinguard.core.gpkg.AttributeRow;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.source.RowFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * One layer as it was read from its source, whole: every feature's key, its exact geometry ({@link PackedShapes}, in
 * the layer's own CRS), its attributes ({@link AttributeColumns}), a spatial index over the boxes, and what reading it
 * found wrong. Reads by area, by key and without position give what the source gave, in the order it gave them
 * (the source's read of the whole layer), from memory. Immutable once loaded; safe to read from several threads.
 */
public final class LoadedLayer {
    private final LayerInfo info;
    private final long[] fids;
    private final PackedShapes shapes;
    private final AttributeColumns columns;
    private final BoxIndex index;
    /** Finds a feature by its key, for reads by key. */
    private final KeyOrder byKey;
    /**
     * Positions of the features a read without position gives: those with a NULL or empty geometry, or those the
     * source gave (a GeoPackage: the rows its R-tree misses, a position or not), in order.
     */
    private final int[] positionless;
    /** Problems of single features that were kept (a curve made straight, a ring closed), by the feature's key. */
    private final Map<Long, List<ReadProblem>> kept;
    /** Problems of features left out (skipped), and of the layer as a whole, in the order met. */
    private final List<ReadProblem> others;

    private LoadedLayer(LayerInfo info, long[] fids, KeyOrder byKey, PackedShapes shapes, AttributeColumns columns, int[] positionless,
                        List<ReadProblem> problems) {
        this.info = info;
        this.fids = fids;
        this.shapes = shapes;
        this.columns = columns;
        this.index = new BoxIndex(shapes.bounds(), shapes.size());
        this.byKey = byKey;
        this.positionless = positionless;
        Map<Long, List<ReadProblem>> byFid = new java.util.HashMap<>();
        List<ReadProblem> rest = new ArrayList<>();
        for (ReadProblem p : problems) {
            if (p.fid() >= 0 && !p.skipped()) {
                byFid.computeIfAbsent(p.fid(), k -> new ArrayList<>(1)).add(p);
            } else {
                rest.add(p);
            }
        }
        this.kept = byFid;
        this.others = List.copyOf(rest);
    }

    /** Thrown through the source's read to stop a load that is no longer wanted. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** Collects a layer's features as its source hands them on. */
    static final class Builder implements FeatureSink {
        private final LayerInfo info;
        private final java.util.function.BooleanSupplier cancelled;
        private final PackedShapes.Builder shapes = PackedShapes.Builder.exact();
        private final AttributeColumns columns = new AttributeColumns();
        private long[] fids = new long[1024];
        private int[] positionless = new int[16];
        private int positionlessCount;
        private final List<ReadProblem> problems = new ArrayList<>();

        Builder(LayerInfo info, java.util.function.BooleanSupplier cancelled) {
            this.info = info;
            this.cancelled = cancelled;
        }

        @Override
        public void accept(Feature f) {
            int i = shapes.size();
            if ((i & 4095) == 4095 && cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            if (i == fids.length) {
                fids = Arrays.copyOf(fids, i + (i >> 1));
            }
            fids[i] = f.fid();
            shapes.add(f.geometry());
            columns.add(f.attributes());
            if (f.geometry() == null || f.geometry().isEmpty()) {
                if (positionlessCount == positionless.length) {
                    positionless = Arrays.copyOf(positionless, 2 * positionlessCount);
                }
                positionless[positionlessCount++] = i;
            }
        }

        void problem(ReadProblem p) {
            problems.add(p);
        }

        /** @param withoutPosition the keys the source gives as without position, or null for those with a NULL or empty geometry */
        LoadedLayer build(long[] withoutPosition) {
            columns.seal();
            long[] keys = Arrays.copyOf(fids, shapes.size());
            KeyOrder order = new KeyOrder(keys);
            int[] without = withoutPosition == null ? Arrays.copyOf(positionless, positionlessCount)
                    : Arrays.stream(withoutPosition).mapToInt(order::positionOf).filter(i -> i >= 0).sorted().distinct().toArray();
            return new LoadedLayer(info, keys, order, shapes.build(), columns, without, problems);
        }
    }

    public LayerInfo info() {
        return info;
    }

    public int size() {
        return fids.length;
    }

    /** Each feature's key, in the order read (do not modify). */
    public long[] fids() {
        return fids;
    }

    /** The features' exact geometries, in the order read. */
    public PackedShapes shapes() {
        return shapes;
    }

    /** The spatial index over the features' boxes (positions into {@link #shapes}). */
    public BoxIndex index() {
        return index;
    }

    /** The features' attributes, row i being feature i. */
    public AttributeColumns columns() {
        return columns;
    }

    /** The place of the feature with key {@code fid}, or −1. */
    public int positionOf(long fid) {
        return byKey.positionOf(fid);
    }

    /** Finds features by key (shared with the map drawn from this layer). */
    public KeyOrder keyOrder() {
        return byKey;
    }

    /**
     * The features whose box meets any of {@code boxes} (all when null), each once, in the order read, with what
     * reading them found wrong, and the layer's features that could not be read.
     */
    void read(List<Envelope> boxes, List<String> fields, RowFilter filter, FeatureSink sink, Consumer<ReadProblem> problems) {
        Reading r = new Reading(fields, filter);
        if (boxes == null) {
            for (int i = 0; i < fids.length; i++) {
                r.give(i, sink, problems);
            }
        } else {
            for (int i : meeting(boxes)) {
                r.give(i, sink, problems);
            }
        }
        // the features that could not be read have no box to be met by: each read says them (a caller says each once),
        // so a check of one unit says every one of the layer's, where one from the file says those its area's index met
        others.forEach(problems);
    }

    /** The features without a position (which no read by area gives), and the features that could not be read. */
    void readWithoutPosition(List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
        Reading r = new Reading(fields, null);
        for (int i : positionless) {
            r.give(i, sink, problems);
        }
        others.forEach(problems);
    }

    /** The features with these keys, in key order (each once; keys without a feature left out). */
    void features(long[] keys, List<String> fields, FeatureSink sink) {
        Reading r = new Reading(fields, null);
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < sorted.length; k++) {
            if (k > 0 && sorted[k] == sorted[k - 1]) {
                continue;
            }
            int i = positionOf(sorted[k]);
            if (i >= 0) {
                r.give(i, sink, p -> { });
            }
        }
    }

    private int[] meeting(List<Envelope> boxes) {
        if (boxes.size() == 1) {
            return index.query(boxes.get(0)); // ascending: the order read
        }
        java.util.BitSet all = new java.util.BitSet(fids.length);
        for (Envelope box : boxes) {
            for (int i : index.query(box)) {
                all.set(i);
            }
        }
        return all.stream().toArray();
    }

    /** One read's columns, made once and shared by its rows. */
    private final class Reading {
        private final AttributeRow.Columns names;
        private final int[] at;
        private final RowFilter filter;

        Reading(List<String> fields, RowFilter filter) {
            List<String> chosen = new ArrayList<>();
            for (String n : columns.names()) {
                if (fields == null || fields.contains(n)) {
                    chosen.add(n);
                }
            }
            this.names = new AttributeRow.Columns(chosen);
            this.at = chosen.stream().mapToInt(columns::column).toArray();
            this.filter = filter;
        }

        void give(int i, FeatureSink sink, Consumer<ReadProblem> problems) {
            Object[] values = new Object[at.length];
            for (int c = 0; c < at.length; c++) {
                values[c] = columns.value(at[c], i);
            }
            AttributeRow row = new AttributeRow(names, values);
            if (filter != null && !filter.test(new Feature(fids[i], null, row))) {
                return;
            }
            sink.accept(new Feature(fids[i], shapes.geometry(i), row));
            List<ReadProblem> said = kept.get(fids[i]);
            if (said != null) {
                said.forEach(problems);
            }
        }
    }
}
