package cn.basinguard.core.loaded;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.ForwardingSource;
import cn.basinguard.core.source.RowFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A source read once, whole, into memory: the window's one loaded model. The map draws its layers from it (the same
 * packed geometries), the attribute tables show its columns, and the checks, exports and packs read it through this
 * same {@link DataSource} seam — by area through its index, by key, without position — so nothing is read from the
 * file a second time when they run, and what they count is what the map shows, whatever happens to the file on disk
 * meanwhile. Every coordinate is kept exactly (the checks' figures are the command line's, to the bit); heights and
 * measures are not kept.
 *
 * <p>What the model does not hold — imagery, layers of kinds the program cannot read, a layer whose reading failed —
 * and what describes the source (its layers, warnings, files, styles, roles) are the source's, which stays open while
 * the model is used and is closed with it. Safe to read from several threads: the layers are immutable, and what is
 * asked of the source is asked one caller at a time.
 */
public final class LoadedSource extends ForwardingSource {
    private final Map<String, LoadedLayer> loaded;

    private LoadedSource(DataSource source, Map<String, LoadedLayer> loaded) {
        super(source);
        this.loaded = loaded;
    }

    /**
     * Reads every vector and attribute layer of {@code source} whole (each by one read of the whole layer), keeping what
     * reading found wrong, and which features the source gives as having no position (a GeoPackage gives those its
     * R-tree misses: a check refuses the file when they have one, from the model as from the file). A layer whose
     * reading fails is left to the source (a check reading it meets the same failure). Takes ownership of {@code source}.
     *
     * @param cancelled asked between layers and every few thousand features; when it says yes, the source is closed
     *                  and null returned
     */
    public static LoadedSource load(DataSource source, BooleanSupplier cancelled) {
        Map<String, LoadedLayer> loaded = new LinkedHashMap<>();
        try {
            for (LayerInfo l : source.layers()) {
                if (cancelled.getAsBoolean()) {
                    source.close();
                    return null;
                }
                if (!l.isSupported() || l.isRaster()) {
                    continue;
                }
                LoadedLayer.Builder b = new LoadedLayer.Builder(l, cancelled);
                try {
                    source.read(l.name(), null, null, b, b::problem);
                } catch (GisException e) {
                    continue;
                } catch (LoadedLayer.Cancelled e) {
                    source.close();
                    return null;
                }
                long[] withoutPosition = null;
                if (l.kind() == LayerInfo.Kind.FEATURES && source.indexMayMissRows()) {
                    // the source's own answer, kept as it is: a GeoPackage gives the rows its R-tree misses, which a
                    // check refuses the file for when they have a position
                    java.util.List<Long> keys = new java.util.ArrayList<>();
                    source.readWithoutPosition(l.name(), List.of(), f -> keys.add(f.fid()), p -> { });
                    withoutPosition = keys.stream().mapToLong(Long::longValue).toArray();
                }
                loaded.put(l.name(), b.build(withoutPosition));
            }
        } catch (RuntimeException | Error e) {
            source.close();
            throw e;
        }
        return new LoadedSource(source, loaded);
    }

    /** The loaded model {@code src} is or lends (through any wrappers), or null. */
    public static LoadedSource of(DataSource src) {
        while (true) {
            if (src instanceof LoadedSource m) {
                return m;
            }
            if (!(src instanceof ForwardingSource f)) {
                return null;
            }
            src = f.forwardsTo();
        }
    }

    /** The layer as loaded, or null when the source keeps it (imagery, an unsupported kind, a failed read). */
    public LoadedLayer loaded(String layer) {
        LoadedLayer l = loaded.get(layer);
        if (l == null) {
            for (Map.Entry<String, LoadedLayer> e : loaded.entrySet()) {
                if (e.getKey().equalsIgnoreCase(layer)) {
                    return e.getValue();
                }
            }
        }
        return l;
    }

    @Override
    public void read(String layer, Envelope bbox, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
        LoadedLayer l = loaded(layer);
        if (l == null) {
            synchronized (this) {
                super.read(layer, bbox, fields, sink, problems);
            }
            return;
        }
        l.read(bbox == null ? null : List.of(bbox), fields, null, sink, problems);
    }

    @Override
    public void readMeeting(String layer, List<Envelope> boxes, Geometry outline, List<String> fields, FeatureSink sink,
                            Consumer<ReadProblem> problems) {
        LoadedLayer l = loaded(layer);
        if (l == null) {
            synchronized (this) {
                super.readMeeting(layer, boxes, outline, fields, sink, problems);
            }
            return;
        }
        l.read(boxes, fields, null, sink, problems);
    }

    @Override
    public void readMeeting(String layer, List<Envelope> boxes, Geometry outline, List<String> fields, RowFilter filter,
                            FeatureSink sink, Consumer<ReadProblem> problems) {
        LoadedLayer l = loaded(layer);
        if (l == null) {
            synchronized (this) {
                super.readMeeting(layer, boxes, outline, fields, filter, sink, problems);
            }
            return;
        }
        l.read(boxes, fields, filter, sink, problems);
    }

    /** Boxes are tested in memory: cutting them finer along an outline costs nothing, as for a file. */
    @Override
    public boolean keepsOutline() {
        return false;
    }

    @Override
    public boolean indexed(String layer) {
        return loaded(layer) != null || super.indexed(layer);
    }

    @Override
    public void readWithoutPosition(String layer, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
        LoadedLayer l = loaded(layer);
        if (l == null) {
            synchronized (this) {
                super.readWithoutPosition(layer, fields, sink, problems);
            }
            return;
        }
        l.readWithoutPosition(fields, sink, problems);
    }

    @Override
    public Feature feature(String layer, long fid) {
        LoadedLayer l = loaded(layer);
        if (l == null) {
            synchronized (this) {
                return super.feature(layer, fid);
            }
        }
        Feature[] found = new Feature[1];
        l.features(new long[] {fid}, null, f -> found[0] = f);
        return found[0];
    }

    @Override
    public void features(String layer, long[] fids, List<String> fields, FeatureSink sink) {
        LoadedLayer l = loaded(layer);
        if (l == null) {
            synchronized (this) {
                super.features(layer, fids, fields, sink);
            }
            return;
        }
        l.features(fids, fields, sink);
    }

    @Override
    public synchronized void countRows() {
        super.countRows();
    }

    @Override
    public synchronized cn.basinguard.core.raster.RasterSource raster(String layer) {
        return super.raster(layer);
    }

    @Override
    public synchronized List<Content> contents() {
        return super.contents();
    }
}
