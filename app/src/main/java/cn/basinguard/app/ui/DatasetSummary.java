package cn.basinguard.app.ui;

import cn.basinguard.core.GisException;
import cn.basinguard.core.check.ControlList;
import cn.basinguard.core.check.LayerCandidate;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.RoleResolver;
import cn.basinguard.core.check.SourceFeature;
import cn.basinguard.core.check.TargetTable;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opened data as the window needs it — its layers and where each comes from, what opening it found wrong, whether it
 * says of itself that it is demonstration data, its map and the district's name — all read off the JavaFX thread
 * from the window's loaded model of the files (a GeoPackage, Shapefiles, a bureau's folder), which the checks read too.
 *
 * @param sources where each layer comes from, by layer name
 * @param warnings what opening found wrong (files of a folder that could not be opened, then each source's own)
 * @param files every file the data is made of (never to be written over)
 */
record DatasetSummary(OpenedData data, List<LayerInfo> layers, Map<String, LayerSource> sources, List<String> warnings,
                      List<Path> files, boolean demonstration, MapContent map, String district) {
    /**
     * Reads the data: a connected database's catalogue, or the files, read once, whole, into the window's model
     * ({@link LoadedModel}), from which the map is drawn and which every later reader is lent. The load stops when
     * other data is opened meanwhile (the model is closed then).
     */
    static DatasetSummary read(OpenedData data) {
        if (data.database() == null) {
            data.model().load(data.openFiles());
        }
        try (DataSources.Opened opened = data.open()) {
            List<LayerInfo> layers = new ArrayList<>();
            Map<String, LayerSource> sources = new LinkedHashMap<>();
            for (DataSource src : opened.sources()) {
                src.countRows(); // the layer list shows each layer's count: exact, counted here off the JavaFX thread (once)
                for (LayerInfo l : src.layers()) {
                    layers.add(l);
                    sources.putIfAbsent(l.name(), LayerSource.of(src, l, data));
                }
            }
            boolean demo = opened.sources().stream().anyMatch(DataSource::saysDemonstration);
            Crs crs = preferredCrs(opened.sources());
            MapContent map = crs == null ? null : MapLayers.fromSources(opened.sources(), crs);
            return new DatasetSummary(data, layers, sources, opened.allWarnings(), data.files(opened), demo, map,
                    district(data, opened.sources(), map));
        }
    }

    /** Opens the file a layer comes from; the caller closes it. */
    DataSource openLayer(String layer) {
        LayerSource s = sources.get(layer);
        if (s == null) {
            throw new GisException("gpkg.noSuchLayer", layer, data.name(), String.join("、", sources.keySet()));
        }
        return data.openFile(s.location());
    }

    /** The CRS the map is drawn in: that of the units layer when it is projected, else of the first layer with a known CRS. */
    private static Crs preferredCrs(List<DataSource> sources) {
        Crs first = null;
        for (DataSource src : sources) {
            for (LayerInfo l : src.layers()) {
                if (l.kind() != LayerInfo.Kind.FEATURES || l.srs() == null || l.srs().crs() == null) {
                    continue;
                }
                LayerCandidate c = new LayerCandidate(src.location(), l.name(), l.identifier(), true);
                if (RoleResolver.roleByName(c).orElse(null) == LayerRole.UNITS && l.srs().crs().isProjected()) {
                    return l.srs().crs();
                }
                if (first == null) {
                    first = l.srs().crs();
                }
            }
        }
        if (first == null) {
            // imagery alone (an orthophoto opened by itself) is drawn in its own CRS
            for (DataSource src : sources) {
                for (LayerInfo l : src.layers()) {
                    if (l.isRaster() && l.srs() != null && l.srs().crs() != null) {
                        return l.srs().crs();
                    }
                }
            }
        }
        return first;
    }

    /**
     * The district's name for printed titles: the unit of the bottom-line control list (the imported one, else a
     * targets table in the data) that is not a governance unit on the map, as the check engine and `basinguard print`
     * take it; null when there is no such list.
     */
    private static String district(OpenedData data, List<DataSource> sources, MapContent map) {
        if (map == null) {
            return null;
        }
        List<String> units = AtlasJob.unitNames(map);
        if (data.controlList() != null) {
            try {
                List<String> others = ControlList.read(data.controlList()).targets().otherUnits(units);
                return others.isEmpty() ? null : others.get(0);
            } catch (GisException e) {
                return null; // said when it was imported, and again by the checks
            }
        }
        for (DataSource src : sources) {
            for (LayerInfo l : src.layers()) {
                if (l.isSupported() && TargetTable.NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(l.name()))) {
                    List<SourceFeature> rows = new ArrayList<>();
                    src.read(l.name(), null, null, f -> rows.add(new SourceFeature(f.fid(), f.geometry(), f.attributes())), p -> { });
                    List<String> others = TargetTable.read(l.name(), rows).otherUnits(units);
                    return others.isEmpty() ? null : others.get(0);
                }
            }
        }
        return null;
    }
}
