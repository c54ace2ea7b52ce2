package cn.basinguard.app.ui;

import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * What the window shows of an opened GeoPackage before any map is drawn: its layers and whether it says of itself
 * that it is demonstration data (gpkg_metadata), read off the JavaFX thread.
 */
record DatasetSummary(Path file, List<LayerInfo> layers, boolean demonstration) {
    static DatasetSummary read(Path file) {
        try (GeoPackageSource src = GeoPackageSource.open(file)) {
            boolean demo = src.metadata().stream().anyMatch(m -> m.contains("示意数据") || m.toLowerCase().contains("demonstration data"));
            return new DatasetSummary(src.path(), src.layers(), demo);
        }
    }
}
