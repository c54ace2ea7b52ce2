package cn.basinguard.core.map;

import cn.basinguard.core.check.FieldPurpose;
import cn.basinguard.core.check.LayerCandidate;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.RoleResolver;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * Builds the map of a GeoPackage: every feature layer with a known CRS, moved into the map CRS on load, styled by the
 * role its name says it plays, labelled with its name field, stacked as planning maps stack them (land below,
 * units and sites above).
 */
public final class MapLayers {
    private static final List<LayerRole> DRAW_ORDER = List.of(LayerRole.LAND_USE, LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND,
            LayerRole.ECO_REDLINE, LayerRole.RESERVOIRS, LayerRole.UNITS, LayerRole.SITES, LayerRole.SECTIONS);
    /** Land below, units and sites above; a layer of no known role just above cultivated land. */
    private static final Comparator<MapLayer> DRAWING =
            Comparator.comparingInt(m -> m.isImagery() ? -1 : m.role() == null ? 2 : DRAW_ORDER.indexOf(m.role()) * 10);

    private MapLayers() {
    }

    /** The CRS a file's map is best drawn in: that of its units layer, else of its first layer with a known CRS. */
    public static Crs preferredCrs(DataSource src) {
        Crs first = null;
        for (LayerInfo l : src.layers()) {
            if (l.kind() == LayerInfo.Kind.FEATURES && l.srs() != null && l.srs().crs() != null) {
                if (roleOf(src, l) == LayerRole.UNITS && l.srs().crs().isProjected()) {
                    return l.srs().crs();
                }
                if (first == null) {
                    first = l.srs().crs();
                }
            }
        }
        return first;
    }

    /** The map of several files or folders, all in {@code mapCrs}, the layers of all files stacked by role. */
    public static MapContent fromFiles(List<java.nio.file.Path> files, Crs mapCrs) {
        try (DataSources.Opened opened = DataSources.openAll(files.stream().map(java.nio.file.Path::toString).toList(),
                SourceOptions.DEFAULT)) {
            return fromSources(opened.sources(), mapCrs);
        }
    }

    /** The map of several sources, all in {@code mapCrs}, the layers of all sources stacked by role. */
    public static MapContent fromSources(List<DataSource> sources, Crs mapCrs) {
        List<MapLayer> all = new ArrayList<>();
        for (DataSource src : sources) {
            all.addAll(fromSource(src, mapCrs));
        }
        all.sort(DRAWING);
        return new MapContent(mapCrs, all);
    }

    public static List<MapLayer> fromSource(DataSource src, Crs mapCrs) {
        List<MapLayer> out = new ArrayList<>();
        for (LayerInfo l : src.layers()) {
            if (l.isRaster() && l.srs() != null && l.srs().crs() != null) {
                try {
                    out.add(imagery(src, l, mapCrs));
                } catch (cn.basinguard.core.GisException e) {
                    // left out: the source's warnings or the layer's note say why
                }
                continue;
            }
            if (l.kind() != LayerInfo.Kind.FEATURES || l.srs() == null || l.srs().crs() == null) {
                continue;
            }
            LayerRole role = roleOf(src, l);
            String labelField = defaultLabelField(l, role);
            String classField = landClassField(l, role);
            String name = l.identifier() != null && !l.identifier().isBlank() ? l.identifier() : l.name();
            LayerStyle style = DefaultStyles.forRole(role);
            if (labelField == null) {
                style = style.withLabels(null, 0);
            }
            cn.basinguard.core.loaded.LoadedSource model = cn.basinguard.core.loaded.LoadedSource.of(src);
            cn.basinguard.core.loaded.LoadedLayer loaded = model == null ? null : model.loaded(l.name());
            if (loaded != null && l.srs().crs().equals(mapCrs)) {
                // the window's loaded model, drawn as it is: one copy of the data for the map, the tables and the checks
                out.add(MapLayer.of(name, role, style, loaded, labelField, classField));
                continue;
            }
            // packed as read: the layer is never held whole as geometries
            MapLayer.Builder features = new MapLayer.Builder(classField != null);
            read(src, l, mapCrs, null, labelField, classField, (f, dlbm) -> features.add(f.id(), f.geometry(), f.label(), dlbm));
            out.add(new MapLayer(name, l.name(), role, style, features));
        }
        out.sort(DRAWING);
        return out;
    }

    /**
     * The features of {@code layer} whose box meets {@code area} (in {@code mapCrs}; all when null), in the map CRS,
     * labelled by {@code labelField} (none when null). The area goes to the source as a box in the layer's own CRS, so a
     * GeoPackage answers from its R-tree, a Shapefile from its records' boxes and PostGIS through its GiST index.
     */
    public static void read(DataSource src, LayerInfo layer, Crs mapCrs, Envelope area, String labelField,
                            java.util.function.Consumer<MapFeature> sink) {
        read(src, layer, mapCrs, area, labelField, null, (f, dlbm) -> sink.accept(f));
    }

    /** As {@link #read(DataSource, LayerInfo, Crs, Envelope, String, java.util.function.Consumer)}, each feature with its land class (DLBM) when {@code classField} is given. */
    public static void read(DataSource src, LayerInfo layer, Crs mapCrs, Envelope area, String labelField, String classField,
                            java.util.function.BiConsumer<MapFeature, String> sink) {
        Crs from = layer.srs().crs();
        Envelope box = area == null ? null : boxIn(area, mapCrs, from);
        List<String> fields = new ArrayList<>();
        if (labelField != null) {
            fields.add(labelField);
        }
        if (classField != null && !classField.equals(labelField)) {
            fields.add(classField);
        }
        src.read(layer.name(), box, fields, f -> {
            if (f.geometry() != null && !f.geometry().isEmpty()) {
                var g = from.equals(mapCrs) ? f.geometry() : GeometryTransformer.shared().transform(f.geometry(), from, mapCrs);
                Object label = labelField == null ? null : f.attributes().get(labelField);
                Object dlbm = classField == null ? null : f.attributes().get(classField);
                sink.accept(new MapFeature(f.fid(), g, label == null ? null : label.toString()), dlbm == null ? null : dlbm.toString());
            }
        }, p -> { });
    }

    /**
     * The box in {@code to} that holds the box {@code e} of {@code from}: its edges are sampled (a projected box is not
     * a box in another CRS) and the result widened by a hundredth, so no feature at its edge is missed.
     */
    public static Envelope boxIn(Envelope e, Crs from, Crs to) {
        if (from.equals(to)) {
            return new Envelope(e);
        }
        Envelope out = new Envelope();
        int steps = 8;
        for (int i = 0; i <= steps; i++) {
            double x = e.getMinX() + e.getWidth() * i / steps;
            double y = e.getMinY() + e.getHeight() * i / steps;
            for (double[] p : new double[][] {{x, e.getMinY()}, {x, e.getMaxY()}, {e.getMinX(), y}, {e.getMaxX(), y}}) {
                double[] t = GeometryTransformer.shared().transform(p[0], p[1], from, to);
                out.expandToInclude(t[0], t[1]);
            }
        }
        out.expandBy(Math.max(out.getWidth(), out.getHeight()) / 100);
        return out;
    }

    /** An imagery layer, drawn under the vectors. */
    private static MapLayer imagery(DataSource src, LayerInfo l, Crs mapCrs) {
        String name = l.identifier() != null && !l.identifier().isBlank() ? l.identifier() : l.name();
        return MapLayer.imagery(name, l.name(), src.raster(l.name()), mapCrs);
    }

    /** The text of {@code field} for every feature of {@code table}, by feature key: labels by a field the user picks. */
    public static Map<Long, String> labelTexts(DataSource src, String table, String field) {
        Map<Long, String> out = new java.util.HashMap<>();
        src.read(table, null, List.of(field), f -> {
            Object v = f.attributes().get(field);
            if (v != null && !v.toString().isBlank()) {
                out.put(f.fid(), v.toString());
            }
        }, p -> { });
        return out;
    }

    static LayerRole roleOf(DataSource src, LayerInfo l) {
        String recorded = src.recordedRoles().get(l.name());
        if (recorded != null && LayerRole.fromKey(recorded) != null) {
            return LayerRole.fromKey(recorded);
        }
        LayerCandidate c = new LayerCandidate(src.location(), l.name(), l.identifier(), true);
        return RoleResolver.resolve(List.of(c), Map.of()).roles().keySet().stream().findFirst().orElse(null);
    }

    /**
     * The DLBM field of a land-use layer (or of a cultivated layer that has one), which the map draws by land class in
     * the national scheme's colours; null for other layers.
     */
    public static String landClassField(LayerInfo l, LayerRole role) {
        if (role != LayerRole.LAND_USE && role != LayerRole.CULTIVATED) {
            return null;
        }
        for (String n : FieldPurpose.LAND_CLASS.names()) {
            for (LayerInfo.FieldInfo f : l.fields()) {
                if (f.name().equalsIgnoreCase(n)) {
                    return f.name();
                }
            }
        }
        return null;
    }

    /** The field a layer of this role is labelled by unless the user picks another: the unit, site, reservoir or section name. */
    public static String defaultLabelField(LayerInfo l, LayerRole role) {
        if (role == null) {
            return null;
        }
        FieldPurpose purpose = switch (role) {
            case UNITS -> FieldPurpose.UNIT_NAME;
            case SITES -> FieldPurpose.SITE_NAME;
            case RESERVOIRS -> FieldPurpose.RESERVOIR_NAME;
            case SECTIONS -> FieldPurpose.SECTION_NAME;
            default -> null;
        };
        if (purpose == null) {
            return null;
        }
        for (String n : purpose.names()) {
            for (LayerInfo.FieldInfo f : l.fields()) {
                if (f.name().equalsIgnoreCase(n)) {
                    return f.name();
                }
            }
        }
        return null;
    }
}
