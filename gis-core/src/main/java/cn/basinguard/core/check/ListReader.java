package cn.basinguard.core.check;

import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.hprtree.HPRtree;

/** A layer held in memory: imported sites, units, small layers, or a layer the window has already loaded. */
final class ListReader implements LayerReader {
    private final List<SourceFeature> features;
    private volatile HPRtree index;
    private volatile Envelope extent;

    ListReader(List<SourceFeature> features) {
        this.features = List.copyOf(features);
    }

    List<SourceFeature> features() {
        return features;
    }

    @Override
    public void read(Envelope bbox, Consumer<SourceFeature> sink) {
        if (bbox == null) {
            for (SourceFeature f : features) {
                if (hasPosition(f.geometry())) {
                    sink.accept(f);
                }
            }
            return;
        }
        int[] hits = index().query(bbox).stream().mapToInt(o -> (Integer) o).sorted().toArray();
        for (int i : hits) {
            sink.accept(features.get(i));
        }
    }

    @Override
    public void readWithoutPosition(Consumer<SourceFeature> sink) {
        for (SourceFeature f : features) {
            if (!hasPosition(f.geometry())) {
                sink.accept(f);
            }
        }
    }

    @Override
    public long count() {
        return features.size();
    }

    @Override
    public Envelope extent() {
        Envelope e = extent;
        if (e == null) {
            e = new Envelope();
            for (SourceFeature f : features) {
                if (hasPosition(f.geometry())) {
                    e.expandToInclude(f.geometry().getEnvelopeInternal());
                }
            }
            extent = e;
        }
        return e.isNull() ? null : new Envelope(e);
    }

    private HPRtree index() {
        HPRtree t = index;
        if (t == null) {
            synchronized (this) {
                t = index;
                if (t == null) {
                    t = new HPRtree();
                    for (int i = 0; i < features.size(); i++) {
                        Geometry g = features.get(i).geometry();
                        if (hasPosition(g)) {
                            t.insert(g.getEnvelopeInternal(), i);
                        }
                    }
                    t.build();
                    index = t;
                }
            }
        }
        return t;
    }

    static boolean hasPosition(Geometry g) {
        return g != null && !g.isEmpty();
    }
}
