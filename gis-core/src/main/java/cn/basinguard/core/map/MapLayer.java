package cn.basinguard.core.map;

import cn.basinguard.core.check.LayerRole;
import java.util.List;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.raster.RasterSource;
import cn.basinguard.core.raster.RasterWarp;
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
    /** minX, minY, maxX, maxY of each feature, contiguous: a frame of a whole county reads these, not 400,000 objects. */
    private final double[] bounds;
    /** The land class (DLBM, normalised) of each feature, for a layer drawn by land class; null for one style throughout. */
    private final String[] classes;
    /** The distinct land classes of the layer, in code order (found once, on the loading thread); empty when not by class. */
    private final java.util.SortedSet<String> classesPresent;
    /** The image of an imagery layer (which has no features), else null. */
    private final RasterSource raster;
    /** The labels' anchors, found once per feature; shared with the with-methods' copies (same geometries). */
    private final LabelAnchors anchors;

    public MapLayer(String name, String table, LayerRole role, LayerStyle style, List<MapFeature> features) {
        this(name, table, role, style, features, null);
    }

    /**
     * A layer drawn by land class: feature {@code i} filled in the colour of {@code classes.get(i)} (its DLBM; null or
     * blank for a patch without one), outlined as {@code style} says.
     */
    public MapLayer(String name, String table, LayerRole role, LayerStyle style, List<MapFeature> features, List<String> classes) {
        this(name, table, role, style, true, 1.0, List.copyOf(features), index(features), extent(features), bounds(features),
                classes == null ? null : classKeys(classes, features.size()), null);
    }

    private MapLayer(String name, String table, LayerRole role, LayerStyle style, boolean visible, double opacity,
                     List<MapFeature> features, HPRtree index, Envelope extent, double[] bounds, String[] classes, RasterSource raster) {
        this(name, table, role, style, visible, opacity, features, index, extent, bounds, classes, classes == null
                ? java.util.Collections.emptySortedSet()
                : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(java.util.Arrays.asList(classes))), raster,
                new LabelAnchors(features));
    }

    private static String[] classKeys(List<String> classes, int n) {
        if (classes.size() != n) {
            throw new IllegalArgumentException(classes.size() + " land classes for " + n + " features");
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            String c = cn.basinguard.core.check.LandClasses.normalise(classes.get(i));
            out[i] = c == null ? "" : c.intern();
        }
        return out;
    }

    private MapLayer(String name, String table, LayerRole role, LayerStyle style, boolean visible, double opacity,
                     List<MapFeature> features, HPRtree index, Envelope extent, double[] bounds, String[] classes,
                     java.util.SortedSet<String> classesPresent, RasterSource raster, LabelAnchors anchors) {
        this.raster = raster;
        this.anchors = anchors;
        this.classes = classes;
        this.classesPresent = classesPresent;
        this.bounds = bounds;
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

    /**
     * An imagery layer: {@code raster} drawn warped into {@code mapCrs}, under the vector layers. The layer does not own
     * the raster; whoever opened it closes it when the map is done with it.
     */
    public static MapLayer imagery(String name, String table, RasterSource raster, Crs mapCrs) {
        List<MapFeature> none = List.of();
        return new MapLayer(name, table, null, DefaultStyles.IMAGERY, true, 1.0, none, index(none), RasterWarp.extentIn(raster, mapCrs),
                new double[0], null, raster);
    }

    /** The image of an imagery layer, null for a vector layer. */
    public RasterSource raster() {
        return raster;
    }

    public boolean isImagery() {
        return raster != null;
    }

    private static HPRtree index(List<MapFeature> features) {
        HPRtree t = new HPRtree();
        for (int i = 0; i < features.size(); i++) {
            t.insert(features.get(i).geometry().getEnvelopeInternal(), i);
        }
        t.build();
        return t;
    }

    private static double[] bounds(List<MapFeature> features) {
        double[] b = new double[features.size() * 4];
        for (int i = 0; i < features.size(); i++) {
            Envelope e = features.get(i).geometry().getEnvelopeInternal();
            b[4 * i] = e.getMinX();
            b[4 * i + 1] = e.getMinY();
            b[4 * i + 2] = e.getMaxX();
            b[4 * i + 3] = e.getMaxY();
        }
        return b;
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

    /**
     * The feature of key {@code fid}, or null: by binary search when the keys ascend (as a GeoPackage's and a
     * Shapefile's are read), else by a scan. For the few rows selected in an attribute table, which holds no geometry.
     */
    public MapFeature feature(long fid) {
        int lo = 0;
        int hi = features.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = features.get(mid).id();
            if (k == fid) {
                return features.get(mid);
            }
            if (k < fid) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        for (MapFeature f : features) {
            if (f.id() == fid) {
                return f; // keys not in order
            }
        }
        return null;
    }

    /** The features whose envelope meets {@code e}. */
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
        if (e.covers(extent)) {
            int[] all = new int[features.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        if (e.intersection(extent).getArea() > extent.getArea() / 4) {
            // a view over much of the layer: a scan of the packed bounds beats a tree query of boxed hits
            return scan(e);
        }
        List<?> hits = index.query(e);
        int[] out = new int[hits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Integer) hits.get(i);
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private int[] scan(Envelope e) {
        int[] out = new int[features.size()];
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
        return java.util.Arrays.copyOf(out, n);
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

    /** The bounds of feature {@code i}: minX, minY, maxX, maxY at 4i … 4i+3 (do not modify). */
    double[] bounds() {
        return bounds;
    }

    /** Where feature {@code i}'s label goes (map units; NaN when it has no geometry), found at its first label. */
    LabelAnchors.Anchor labelAnchor(int i) {
        return anchors.of(i);
    }

    public MapLayer withVisible(boolean v) {
        return new MapLayer(name, table, role, style, v, opacity, features, index, extent, bounds, classes, classesPresent, raster, anchors);
    }

    public MapLayer withOpacity(double o) {
        return new MapLayer(name, table, role, style, visible, Math.max(0, Math.min(1, o)), features, index, extent, bounds, classes, classesPresent, raster, anchors);
    }

    public MapLayer withStyle(LayerStyle s) {
        return new MapLayer(name, table, role, s, visible, opacity, features, index, extent, bounds, classes, classesPresent, raster, anchors);
    }

    /** The same features labelled by {@code labels} (feature key to text; a key without text gets no label). */
    public MapLayer withLabels(java.util.Map<Long, String> labels) {
        List<MapFeature> relabelled = new java.util.ArrayList<>(features.size());
        for (MapFeature f : features) {
            relabelled.add(new MapFeature(f.id(), f.geometry(), labels.get(f.id())));
        }
        return new MapLayer(name, table, role, style, visible, opacity, List.copyOf(relabelled), index, extent, bounds, classes, classesPresent, raster, anchors);
    }
}
