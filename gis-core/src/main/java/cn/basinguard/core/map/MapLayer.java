package cn.basinguard.core.map;

import cn.basinguard.core.check.LayerRole;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.hprtree.HPRtree;

/**
 * A layer ready to draw: features in the map CRS, a spatial index built once (so a frame touches only what it
 * shows), its style, visibility and opacity. Immutable; the with-methods share the features and the index.
 */
public final class MapLayer {
    private final String name;
    private final String table;
    private final LayerRole role;
    private final LayerStyle style;
    private final boolean visible;
    private final double opacity;
    private final List<MapFeature> features;
    private final HPRtree index;
    private final Envelope extent;

    public MapLayer(String name, String table, LayerRole role, LayerStyle style, List<MapFeature> features) {
        this(name, table, role, style, true, 1.0, List.copyOf(features), index(features), extent(features));
    }

    private MapLayer(String name, String table, LayerRole role, LayerStyle style, boolean visible, double opacity,
                     List<MapFeature> features, HPRtree index, Envelope extent) {
        this.name = name;
        this.table = table;
        this.role = role;
        this.style = style;
        this.visible = visible;
        this.opacity = opacity;
        this.features = features;
        this.index = index;
        this.extent = extent;
    }

    private static HPRtree index(List<MapFeature> features) {
        HPRtree t = new HPRtree();
        for (MapFeature f : features) {
            t.insert(f.geometry().getEnvelopeInternal(), f);
        }
        t.build();
        return t;
    }

    private static Envelope extent(List<MapFeature> features) {
        Envelope e = new Envelope();
        for (MapFeature f : features) {
            e.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        return e;
    }

    /** The name shown in the layer list and the legend (the file's own title for the layer). */
    public String name() {
        return name;
    }

    /** The table it came from. */
    public String table() {
        return table;
    }

    public LayerRole role() {
        return role;
    }

    public LayerStyle style() {
        return style;
    }

    public boolean visible() {
        return visible;
    }

    public double opacity() {
        return opacity;
    }

    public List<MapFeature> features() {
        return features;
    }

    public Envelope extent() {
        return new Envelope(extent);
    }

    @SuppressWarnings("unchecked")
    public List<MapFeature> query(Envelope e) {
        return (List<MapFeature>) (List<?>) index.query(e);
    }

    public MapLayer withVisible(boolean v) {
        return new MapLayer(name, table, role, style, v, opacity, features, index, extent);
    }

    public MapLayer withOpacity(double o) {
        return new MapLayer(name, table, role, style, visible, Math.max(0, Math.min(1, o)), features, index, extent);
    }

    public MapLayer withStyle(LayerStyle s) {
        return new MapLayer(name, table, role, s, visible, opacity, features, index, extent);
    }
}
