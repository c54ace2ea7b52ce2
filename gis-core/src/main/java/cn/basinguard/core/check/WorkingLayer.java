package cn.basinguard.core.check;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/** A role layer in the working grid, with its features measured and a spatial index built once. */
public final class WorkingLayer {
    private final LayerRole role;
    private final String source;
    private final List<WorkingFeature> features;
    private volatile STRtree index;

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

    private STRtree index() {
        STRtree t = index;
        if (t == null) {
            synchronized (this) {
                t = index;
                if (t == null) {
                    t = new STRtree();
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
