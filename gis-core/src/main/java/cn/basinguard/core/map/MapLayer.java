package cn.basinguard.core.map;

import cn.basinguard.core.loaded.BoxIndex;
import cn.basinguard.core.loaded.KeyOrder;
import cn.basinguard.core.loaded.PackedShapes;
import cn.basinguard.core.check.LayerRole;
import java.util.Arrays;
import java.util.List;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.raster.RasterSource;
import cn.basinguard.core.raster.RasterWarp;
import org.locationtech.jts.geom.Envelope;

/**
 * A layer ready to draw: features in the map CRS, packed ({@link PackedShapes}: a county's 1.16 million patches in
 * about a quarter of the heap JTS geometries took), a spatial index built once (so a frame touches only what it
 * shows), its style, visibility and opacity. Immutable; the with-methods share the features and the index.
 */
public final class MapLayer {
    private final String name;
    private final String table;
    private final LayerRole role;
    private final LayerStyle style;
    private final boolean visible;
    private final double opacity;
    private final PackedShapes shapes;
    /** Each feature's key in its layer. */
    private final long[] ids;
    /** Each feature's label, or null for a layer without any. */
    private final String[] labels;
    private final BoxIndex index;
    /** Finds a feature by its key; shared by the with-methods' copies. */
    private final KeyOrder keyOrder;
    private final Envelope extent;
    /** The land class (DLBM, normalised) of each feature, for a layer drawn by land class; null for one style throughout. */
    private final String[] classes;
    /** The distinct land classes of the layer, in code order (found once, on the loading thread); empty when not by class. */
    private final java.util.SortedSet<String> classesPresent;
    /** The image of an imagery layer (which has no features), else null. */
    private final RasterSource raster;
    /** The labels' anchors, found once per feature; shared with the with-methods' copies (same geometries). */
    private final LabelAnchors anchors;
    /** The features as a list, each made from its bytes when asked for. */
    private final List<MapFeature> features = new FeatureList();

    public MapLayer(String name, String table, LayerRole role, LayerStyle style, List<MapFeature> features) {
        this(name, table, role, style, features, null);
    }

    /**
     * A layer drawn by land class: feature {@code i} filled in the colour of {@code classes.get(i)} (its DLBM; null or
     * blank for a patch without one), outlined as {@code style} says.
     */
    public MapLayer(String name, String table, LayerRole role, LayerStyle style, List<MapFeature> features, List<String> classes) {
        this(name, table, role, style, packed(features, classes));
    }

    private static Builder packed(List<MapFeature> features, List<String> classes) {
        if (classes != null && classes.size() != features.size()) {
            throw new IllegalArgumentException(classes.size() + " land classes for " + features.size() + " features");
        }
        Builder b = new Builder(classes != null);
        for (int i = 0; i < features.size(); i++) {
            MapFeature f = features.get(i);
            b.add(f.id(), f.geometry(), f.label(), classes == null ? null : classes.get(i));
        }
        return b;
    }

    /** A layer of the features given to {@code built}, one by one as they were read. */
    MapLayer(String name, String table, LayerRole role, LayerStyle style, Builder built) {
        this(name, table, role, style, true, 1.0, built.shapes.build(), Arrays.copyOf(built.ids, built.shapes.size()),
                built.anyLabel ? Arrays.copyOf(built.labels, built.shapes.size()) : null,
                built.classes == null ? null : Arrays.copyOf(built.classes, built.shapes.size()), null);
    }

    /**
     * A layer drawn from the window's loaded model (in the map's CRS): its geometries, keys and index are the model's,
     * not a copy; labelled by {@code labelField} and filled by land class from {@code classField} (none when null).
     */
    public static MapLayer of(String name, LayerRole role, LayerStyle style, cn.basinguard.core.loaded.LoadedLayer layer,
                              String labelField, String classField) {
        cn.basinguard.core.loaded.AttributeColumns columns = layer.columns();
        int n = layer.size();
        int labelAt = labelField == null ? -1 : columns.column(labelField);
        String[] labels = null;
        if (labelAt >= 0) {
            labels = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = columns.value(labelAt, i);
                labels[i] = v == null ? null : v.toString();
            }
        }
        String[] classes = null;
        if (classField != null) {
            int at = columns.column(classField);
            classes = new String[n];
            java.util.Map<Object, String> normalised = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                Object v = at < 0 ? null : columns.value(at, i);
                classes[i] = normalised.computeIfAbsent(v == null ? "" : v, k -> {
                    String c = cn.basinguard.core.check.LandClasses.normalise(k == "" ? null : k.toString());
                    return c == null ? "" : c.intern();
                });
            }
        }
        PackedShapes shapes = layer.shapes();
        long[] ids = layer.fids();
        return new MapLayer(name, layer.info().name(), role, style, true, 1.0, shapes, ids, layer.keyOrder(), labels, layer.index(),
                extent(shapes), classes, classes == null ? java.util.Collections.emptySortedSet()
                : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(java.util.Arrays.asList(classes))), null,
                new LabelAnchors(shapes));
    }

    /** Packs features as they are read, so a layer is never held whole as geometries. */
    static final class Builder {
        private final PackedShapes.Builder shapes = PackedShapes.Builder.forDrawing();
        private long[] ids = new long[64];
        private String[] labels = new String[64];
        private boolean anyLabel;
        private String[] classes;

        /** @param byLandClass whether each feature comes with its land class (DLBM) */
        Builder(boolean byLandClass) {
            classes = byLandClass ? new String[64] : null;
        }

        void add(long id, org.locationtech.jts.geom.Geometry geometry, String label, String landClass) {
            int i = shapes.size();
            if (i == ids.length) {
                int n = i + (i >> 1) + 16;
                ids = Arrays.copyOf(ids, n);
                labels = Arrays.copyOf(labels, n);
                if (classes != null) {
                    classes = Arrays.copyOf(classes, n);
                }
            }
            shapes.add(geometry);
            ids[i] = id;
            labels[i] = label;
            anyLabel |= label != null;
            if (classes != null) {
                String c = cn.basinguard.core.check.LandClasses.normalise(landClass);
                classes[i] = c == null ? "" : c.intern();
            }
        }
    }

    private MapLayer(String name, String table, LayerRole role, LayerStyle style, boolean visible, double opacity,
                     PackedShapes shapes, long[] ids, String[] labels, String[] classes, RasterSource raster) {
        this(name, table, role, style, visible, opacity, shapes, ids, new KeyOrder(ids), labels, new BoxIndex(shapes.bounds(), shapes.size()),
                raster == null ? extent(shapes) : null, classes, classes == null
                ? java.util.Collections.emptySortedSet()
                : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(java.util.Arrays.asList(classes))), raster,
                new LabelAnchors(shapes));
    }

    private MapLayer(String name, String table, LayerRole role, LayerStyle style, boolean visible, double opacity,
                     PackedShapes shapes, long[] ids, KeyOrder keyOrder, String[] labels, BoxIndex index, Envelope extent, String[] classes,
                     java.util.SortedSet<String> classesPresent, RasterSource raster, LabelAnchors anchors) {
        this.raster = raster;
        this.anchors = anchors;
        this.classes = classes;
        this.classesPresent = classesPresent;
        this.name = name;
        this.table = table;
        this.role = role;
        this.style = style;
        this.visible = visible;
        this.opacity = opacity;
        this.shapes = shapes;
        this.ids = ids;
        this.keyOrder = keyOrder;
        this.labels = labels;
        this.index = index;
        this.extent = extent;
    }

    /**
     * An imagery layer: {@code raster} drawn warped into {@code mapCrs}, under the vector layers. The layer does not own
     * the raster; whoever opened it closes it when the map is done with it.
     */
    public static MapLayer imagery(String name, String table, RasterSource raster, Crs mapCrs) {
        PackedShapes none = PackedShapes.Builder.forDrawing().build();
        return new MapLayer(name, table, null, DefaultStyles.IMAGERY, true, 1.0, none, new long[0], new KeyOrder(new long[0]), null, new BoxIndex(none.bounds(), 0),
                RasterWarp.extentIn(raster, mapCrs), null, java.util.Collections.emptySortedSet(), raster, new LabelAnchors(none));
    }

    /** The image of an imagery layer, null for a vector layer. */
    public RasterSource raster() {
        return raster;
    }

    public boolean isImagery() {
        return raster != null;
    }

    private static Envelope extent(PackedShapes shapes) {
        Envelope e = new Envelope();
        double[] b = shapes.bounds();
        for (int i = 0; i < shapes.size(); i++) {
            if (b[4 * i] <= b[4 * i + 2]) {
                e.expandToInclude(b[4 * i], b[4 * i + 1]);
                e.expandToInclude(b[4 * i + 2], b[4 * i + 3]);
            }
        }
        return e;
    }

    /** The features as a list that makes each one's geometry anew when asked (a layer holds no geometry objects). */
    private final class FeatureList extends java.util.AbstractList<MapFeature> implements java.util.RandomAccess {
        @Override
        public MapFeature get(int i) {
            java.util.Objects.checkIndex(i, ids.length);
            return new MapFeature(ids[i], geometry(i), label(i));
        }

        @Override
        public int size() {
            return ids.length;
        }
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

    /** The number of features. */
    public int size() {
        return ids.length;
    }

    /** The key of feature {@code i}. */
    public long id(int i) {
        return ids[i];
    }

    /** The label of feature {@code i}, or null. */
    public String label(int i) {
        return labels == null ? null : labels[i];
    }

    /** Feature {@code i}'s geometry, made anew from the layer's bytes. */
    /** Feature {@code i}'s geometry (an empty one for a feature without: a loaded model keeps those in their places). */
    public org.locationtech.jts.geom.Geometry geometry(int i) {
        org.locationtech.jts.geom.Geometry g = shapes.geometry(i);
        return g != null ? g : NOTHING;
    }

    private static final org.locationtech.jts.geom.Geometry NOTHING = new org.locationtech.jts.geom.GeometryFactory().createGeometryCollection();

    /** What tells this layer's labels from those of a relabelled copy: the same for its restyled copies. */
    Object labelsKey() {
        return labels != null ? labels : ids;
    }

    /** The features' packed geometries, which frames draw from. */
    PackedShapes shapes() {
        return shapes;
    }

    public Envelope extent() {
        return new Envelope(extent);
    }

    /**
     * The feature of key {@code fid}, or null: by binary search when the keys ascend (as a GeoPackage's and a
     * Shapefile's are read), else by a scan. For the few rows selected in an attribute table, which holds no geometry.
     */
    public MapFeature feature(long fid) {
        int at = indexOf(fid);
        return at < 0 ? null : features.get(at);
    }

    /** The position of the feature of key {@code fid}, or -1; by binary search, over the keys in order when they do not ascend. */
    public int indexOf(long fid) {
        return keyOrder.positionOf(fid);
    }

    public List<MapFeature> query(Envelope e) {
        int[] idx = indicesIn(e);
        List<MapFeature> out = new java.util.ArrayList<>(idx.length);
        for (int i : idx) {
            out.add(features.get(i));
        }
        return out;
    }

    /** Positions (in {@link #features()}) of the features whose envelope meets {@code e}, in layer order. */
    public int[] indicesIn(Envelope e) {
        if (e.isNull()) {
            return new int[0];
        }
        if (e.covers(extent) || e.intersection(extent).getArea() > extent.getArea() / 4) {
            // a view over much of the layer: a scan of the packed bounds beats a tree query
            return scan(e);
        }
        return index.query(e);
    }

    private int[] scan(Envelope e) {
        double[] bounds = shapes.bounds();
        int[] out = new int[ids.length];
        int n = 0;
        double minX = e.getMinX();
        double minY = e.getMinY();
        double maxX = e.getMaxX();
        double maxY = e.getMaxY();
        for (int i = 0; i < out.length; i++) {
            if (bounds[4 * i] <= maxX && bounds[4 * i + 2] >= minX && bounds[4 * i + 1] <= maxY && bounds[4 * i + 3] >= minY) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Whether the layer is drawn by land class. */
    public boolean byLandClass() {
        return classes != null;
    }

    /** The distinct land classes of the whole layer, in code order ("" for patches without one). */
    public java.util.SortedSet<String> landClasses() {
        return classesPresent;
    }

    /** The land class (normalised DLBM, "" when the patch gives none) of feature {@code i}; null when not drawn by class. */
    public String landClass(int i) {
        return classes == null ? null : classes[i];
    }

    /** The bounds of feature {@code i}: minX, minY, maxX, maxY at 4i … 4i+3 (do not modify); +∞, +∞, −∞, −∞ when empty. */
    double[] bounds() {
        return shapes.bounds();
    }

    /** Where feature {@code i}'s label goes (map units; NaN when it has no geometry), found at its first label. */
    LabelAnchors.Anchor labelAnchor(int i) {
        return anchors.of(i);
    }

    public MapLayer withVisible(boolean v) {
        return new MapLayer(name, table, role, style, v, opacity, shapes, ids, keyOrder, labels, index, extent, classes, classesPresent, raster, anchors);
    }

    public MapLayer withOpacity(double o) {
        return new MapLayer(name, table, role, style, visible, Math.max(0, Math.min(1, o)), shapes, ids, keyOrder, labels, index, extent, classes,
                classesPresent, raster, anchors);
    }

    public MapLayer withStyle(LayerStyle s) {
        return new MapLayer(name, table, role, s, visible, opacity, shapes, ids, keyOrder, labels, index, extent, classes, classesPresent, raster, anchors);
    }

    /** The same features labelled by {@code labels} (feature key to text; a key without text gets no label). */
    public MapLayer withLabels(java.util.Map<Long, String> labels) {
        String[] relabelled = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            relabelled[i] = labels.get(ids[i]);
        }
        return new MapLayer(name, table, role, style, visible, opacity, shapes, ids, keyOrder, relabelled, index, extent, classes, classesPresent, raster,
                anchors);
    }
}
