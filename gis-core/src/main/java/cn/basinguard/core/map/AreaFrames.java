package cn.basinguard.core.map;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.source.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * The features a frame draws, read by area from where they are kept: a frame at township zoom asks its sources only
 * for the features whose box meets the view (a PostGIS query {@code geom && ST_MakeEnvelope(…)} answered through the
 * GiST index and a server-side cursor, a GeoPackage's R-tree, a Shapefile's record boxes), never for the whole table;
 * a frame over much of a layer draws the layer as the map holds it (read in full when the data was opened). So the
 * township a planner looks at in the bureau's shared database is drawn as the server holds it now.
 *
 * <p>The area read is the view with a margin on every side, and is kept for the frames that follow while they stay
 * inside it (a pan, a small zoom): a frame reads again only when it leaves what was read. Styles, visibility,
 * opacity and labels are those of the map's layer. Used by one painting thread at a time.
 */
public final class AreaFrames {
    /** A view narrower and lower than this share of a layer's extent is at township zoom: read by area. */
    static final double TOWNSHIP = 0.25;
    /** What is read around the view, as a share of its width and height on each side: room to pan. */
    static final double MARGIN = 0.25;
    private static final int CHECK_EVERY = 512;

    private final Map<String, Where> layers = new HashMap<>();
    private final Crs mapCrs;
    private final Consumer<String> problems;
    private final Map<String, Held> held = new HashMap<>();

    private record Where(DataSource source, LayerInfo layer) {
    }

    /** What was read for a layer: the area, the features as read, and the layer last drawn from them. */
    private static final class Held {
        final Envelope area;
        final List<MapFeature> read;
        /** The labels of the map's layer the drawn layer took its labels from (an array shared by its restyled copies). */
        Object labelledFrom;
        MapLayer drawn;

        Held(Envelope area, List<MapFeature> read) {
            this.area = area;
            this.read = read;
        }
    }

    /** Thrown out of a read when a newer frame has overtaken it. */
    private static final class Overtaken extends RuntimeException {
        Overtaken() {
            super(null, null, false, false);
        }
    }

    /**
     * @param sources where the map's layers are read from (the first source with a layer of a name is its source)
     * @param mapCrs the CRS the map is drawn in
     * @param problems told, in the user's language, when a read fails (the frame then draws what the map holds)
     */
    public AreaFrames(List<DataSource> sources, Crs mapCrs, Consumer<String> problems) {
        this.mapCrs = mapCrs;
        this.problems = problems;
        for (DataSource s : sources) {
            for (LayerInfo l : s.layers()) {
                if (l.kind() == LayerInfo.Kind.FEATURES && l.srs() != null && l.srs().crs() != null) {
                    layers.putIfAbsent(l.name(), new Where(s, l));
                }
            }
        }
    }

    /** The area read for a view: the view with {@link #MARGIN} on every side. */
    public static Envelope areaFor(Envelope view) {
        Envelope e = new Envelope(view);
        e.expandBy(view.getWidth() * MARGIN, view.getHeight() * MARGIN);
        return e;
    }

    /** Whether a view shows so little of a layer that the frame reads it by area. */
    public static boolean township(Envelope view, Envelope layerExtent) {
        return !layerExtent.isNull() && view.getWidth() < layerExtent.getWidth() * TOWNSHIP
                && view.getHeight() < layerExtent.getHeight() * TOWNSHIP;
    }

    /**
     * The content to draw {@code view} with: {@code content}, its visible layers at township zoom replaced by what their
     * sources hold in the view's area. Null when {@code cancelled} said yes during a read (a newer frame is coming).
     */
    public MapContent frame(MapContent content, Envelope view, BooleanSupplier cancelled) {
        if (!content.crs().equals(mapCrs)) {
            return content;
        }
        List<MapLayer> out = new ArrayList<>(content.layers().size());
        for (MapLayer m : content.layers()) {
            Where w = layers.get(m.table());
            if (w == null || !m.visible() || !township(view, m.extent())) {
                out.add(m);
                continue;
            }
            Held h = held.get(m.table());
            if (h == null || !h.area.covers(view)) {
                Envelope area = areaFor(view);
                List<MapFeature> read = new ArrayList<>();
                try {
                    int[] n = {0};
                    MapLayers.read(w.source(), w.layer(), mapCrs, area, null, f -> {
                        if (++n[0] % CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                            throw new Overtaken();
                        }
                        read.add(f);
                    });
                } catch (Overtaken e) {
                    return null;
                } catch (GisException e) {
                    held.remove(m.table());
                    problems.accept(e.getMessage());
                    out.add(m);
                    continue;
                }
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                h = new Held(area, read);
                held.put(m.table(), h);
            }
            out.add(drawn(h, m));
        }
        return new MapContent(content.crs(), out);
    }

    /** The layer drawn from what was read, with the style, opacity and labels the map's layer has now. */
    private static MapLayer drawn(Held h, MapLayer m) {
        if (h.drawn == null || h.labelledFrom != m.labelsKey()) {
            // labels and land classes by feature key, as the map's layer has them (the user may have chosen another
            // label field; a land-use layer keeps its class colours when read by area)
            List<MapFeature> labelled = new ArrayList<>(h.read.size());
            List<String> classes = m.byLandClass() ? new ArrayList<>(h.read.size()) : null;
            for (MapFeature f : h.read) {
                int at = m.indexOf(f.id());
                labelled.add(new MapFeature(f.id(), f.geometry(), at < 0 ? null : m.label(at)));
                if (classes != null) {
                    classes.add(at < 0 ? null : m.landClass(at));
                }
            }
            h.drawn = new MapLayer(m.name(), m.table(), m.role(), m.style(), labelled, classes);
            h.labelledFrom = m.labelsKey();
        }
        return h.drawn.withStyle(m.style()).withVisible(m.visible()).withOpacity(m.opacity());
    }
}
