package cn.basinguard.app.ui;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.source.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opened data as the window needs it: its layers, whether it says of itself that it is demonstration data, and its
 * map, all read off the JavaFX thread.
 *
 * @param file the GeoPackage, or null for a database
 * @param name what the title calls it: the file's name, or database and schema
 */
record DatasetSummary(Path file, String name, List<LayerInfo> layers, boolean demonstration, MapContent map, String district) {
    static DatasetSummary read(Path file) {
        try (GeoPackageSource src = GeoPackageSource.open(file)) {
            return of(src, src.path(), src.path().getFileName().toString());
        }
    }

    /** The summary of an open source (a connected database stays open). */
    static DatasetSummary of(DataSource src, Path file, String name) {
        boolean demo = src.saysDemonstration();
        Crs crs = MapLayers.preferredCrs(src);
        MapContent map = crs == null ? null : new MapContent(crs, MapLayers.fromSource(src, crs));
        return new DatasetSummary(file, name, src.layers(), demo, map, district(src, map));
    }

    /**
     * The district's name for printed titles: the unit of the bottom-line control list that is not a governance unit
     * on the map (as the check engine and `basinguard print` take it); null when the data has no such list.
     */
    private static String district(DataSource src, MapContent map) {
        if (map == null) {
            return null;
        }
        for (LayerInfo l : src.layers()) {
            if (l.isSupported() && cn.basinguard.core.check.TargetTable.NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(l.name()))) {
                List<cn.basinguard.core.check.SourceFeature> rows = new ArrayList<>();
                src.read(l.name(), null, null, f -> rows.add(new cn.basinguard.core.check.SourceFeature(f.fid(), f.geometry(), f.attributes())),
                        p -> { });
                List<String> others = cn.basinguard.core.check.TargetTable.read(l.name(), rows).otherUnits(AtlasJob.unitNames(map));
                return others.isEmpty() ? null : others.get(0);
            }
        }
        return null;
    }
}
