package cn.basinguard.app.ui;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapLayers;
import java.nio.file.Path;
import java.util.List;

/**
 * An opened GeoPackage as the window needs it: its layers, whether it says of itself that it is demonstration data
 * (gpkg_metadata), and its map, all read off the JavaFX thread.
 */
record DatasetSummary(Path file, List<LayerInfo> layers, boolean demonstration, MapContent map, String district) {
    static DatasetSummary read(Path file) {
        try (GeoPackageSource src = GeoPackageSource.open(file)) {
            boolean demo = src.saysDemonstration();
            Crs crs = MapLayers.preferredCrs(src);
            MapContent map = crs == null ? null : new MapContent(crs, MapLayers.fromSource(src, crs));
            return new DatasetSummary(src.path(), src.layers(), demo, map, district(src, map));
        }
    }

    /**
     * The district's name for printed titles: the unit of the bottom-line control list that is not a governance unit
     * on the map (as the check engine and `basinguard print` take it); null when the file has no such list.
     */
    private static String district(GeoPackageSource src, MapContent map) {
        if (map == null) {
            return null;
        }
        for (LayerInfo l : src.layers()) {
            if (l.isSupported() && cn.basinguard.core.check.TargetTable.NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(l.name()))) {
                List<cn.basinguard.core.check.SourceFeature> rows = src.readAll(l.name(), p -> { }).stream()
                        .map(f -> new cn.basinguard.core.check.SourceFeature(f.fid(), f.geometry(), f.attributes())).toList();
                List<String> others = cn.basinguard.core.check.TargetTable.read(l.name(), rows).otherUnits(AtlasJob.unitNames(map));
                return others.isEmpty() ? null : others.get(0);
            }
        }
        return null;
    }
}
