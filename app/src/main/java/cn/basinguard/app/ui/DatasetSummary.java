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
record DatasetSummary(Path file, List<LayerInfo> layers, boolean demonstration, MapContent map) {
    static DatasetSummary read(Path file) {
        try (GeoPackageSource src = GeoPackageSource.open(file)) {
            boolean demo = src.metadata().stream().anyMatch(m -> m.contains("示意数据") || m.toLowerCase().contains("demonstration data"));
            Crs crs = MapLayers.preferredCrs(src);
            MapContent map = crs == null ? null : new MapContent(crs, MapLayers.fromGeoPackage(src, crs));
            return new DatasetSummary(src.path(), src.layers(), demo, map);
        }
    }
}
