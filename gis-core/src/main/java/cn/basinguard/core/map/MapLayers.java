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
            Crs from = l.srs().crs();
            List<MapFeature> features = new ArrayList<>();
            src.read(l.name(), null, labelField == null ? List.of() : List.of(labelField), f -> {
                if (f.geometry() != null && !f.geometry().isEmpty()) {
                    var g = from.equals(mapCrs) ? f.geometry() : GeometryTransformer.shared().transform(f.geometry(), from, mapCrs);
                    Object label = labelField == null ? null : f.attributes().get(labelField);
                    features.add(new MapFeature(f.fid(), g, label == null ? null : label.toString()));
                }
            }, p -> { });
            String name = l.identifier() != null && !l.identifier().isBlank() ? l.identifier() : l.name();
            LayerStyle style = DefaultStyles.forRole(role);
            if (labelField == null) {
                style = style.withLabels(null, 0);
            }
            out.add(new MapLayer(name, l.name(), role, style, features));
        }
        out.sort(DRAWING);
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
