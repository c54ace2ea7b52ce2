package cn.basinguard.core.check;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.hprtree.HPRtree;

/** A role layer in the working grid, with its features measured and a spatial index built once. */
public final class WorkingLayer {
    private final LayerRole role;
    private final String source;
    private final List<WorkingFeature> features;
    private volatile HPRtree index;

    public WorkingLayer(LayerRole role, String source, List<WorkingFeature> features) {
        this.role = role;
        this.source = source;
        this.features = List.copyOf(features);
    }

    public LayerRole role() {
        return role;
    }

    public String source() {
        return source;
    }

    public List<WorkingFeature> features() {
        return features;
    }

    public MeasuredArea totalArea() {
        MeasuredArea sum = MeasuredArea.ZERO;
        for (WorkingFeature f : features) {
            sum = sum.plus(f.area());
        }
        return sum;
    }

    /** The features whose envelope meets {@code e}. */
    @SuppressWarnings("unchecked")
    public List<WorkingFeature> query(Envelope e) {
        return (List<WorkingFeature>) index().query(e);
    }

    /** Builds the spatial index now rather than at the first query. */
    public void buildIndex() {
        index();
    }

    private HPRtree index() {
        HPRtree t = index;
        if (t == null) {
            synchronized (this) {
                t = index;
                if (t == null) {
                    // Hilbert-packed: built in one sort-free pass, several times faster than an STR tree for 200,000 patches
                    t = new HPRtree();
                    for (WorkingFeature f : features) {
                        t.insert(f.geometry().getEnvelopeInternal(), f);
                    }
                    t.build();
                    index = t;
                }
            }
        }
        return t;
    }
}
