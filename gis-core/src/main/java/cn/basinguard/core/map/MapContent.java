package cn.basinguard.core.map;

import cn.basinguard.core.crs.Crs;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The layers of a map in drawing order (first drawn first, so last on top) and the CRS they are all in.
 * Immutable: a change of visibility, order or style makes a new content, which the next frame paints.
 */
public record MapContent(Crs crs, List<MapLayer> layers) {
    public MapContent {
        layers = List.copyOf(layers);
    }

    public Envelope fullExtent() {
        Envelope e = new Envelope();
        for (MapLayer l : layers) {
            if (!l.extent().isNull()) {
                e.expandToInclude(l.extent());
            }
        }
        return e;
    }

    /** The position in the drawing order of the layer read from {@code table}, or -1. */
    public int indexOf(String table) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).table().equals(table)) {
                return i;
            }
        }
        return -1;
    }

    public List<MapLayer> visibleLayers() {
        return layers.stream().filter(MapLayer::visible).toList();
    }

    public MapContent with(int index, MapLayer layer) {
        List<MapLayer> l = new ArrayList<>(layers);
        l.set(index, layer);
        return new MapContent(crs, l);
    }

    /** The same layers with label sizes multiplied by {@code factor} (print reads at a different size than a screen). */
    public MapContent withLabelsScaled(float factor) {
        List<MapLayer> l = new ArrayList<>(layers.size());
        for (MapLayer m : layers) {
            LayerStyle s = m.style();
            l.add(s.labelled() ? m.withStyle(s.withLabels(s.labelColor(), s.labelSize() * factor)) : m);
        }
        return new MapContent(crs, l);
    }

    /** Moves the layer at {@code from} to {@code to} in the drawing order. */
    public MapContent move(int from, int to) {
        List<MapLayer> l = new ArrayList<>(layers);
        MapLayer m = l.remove(from);
        l.add(Math.max(0, Math.min(to, l.size())), m);
        return new MapContent(crs, l);
    }
}
