package cn.basinguard.app.ui;

import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.importer.ImportedSite;
import cn.basinguard.core.importer.ImportedSites;
import cn.basinguard.core.map.DefaultStyles;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.measure.ZoneReach;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Imported, pasted or drawn sites as the window shows them: a map layer in the map CRS, its entry in the layers
 * panel and the rows of its attribute table, all with the same keys (1-based order, as the checks number them).
 */
record ImportedLayer(MapLayer layer, LayerInfo info, List<Feature> rows) {
    static ImportedLayer of(ImportedSites sites, Crs mapCrs) {
        String table = "imported:" + sites.sourceName();
        List<MapFeature> features = new ArrayList<>();
        List<Feature> rows = new ArrayList<>();
        LinkedHashSet<String> fields = new LinkedHashSet<>(List.of("XMMC"));
        long fid = 1;
        for (ImportedSite s : sites.sites()) {
            // a site far beyond the map's Gauss–Krüger zone would be drawn where the projection wraps it — near 122°W
            // that is on the district: it is listed, but not drawn (its check says 未核查 and where it really lies)
            boolean drawn = ZoneReach.reaches(s.geometry().getEnvelopeInternal(), sites.crs(), mapCrs);
            Geometry g = !drawn ? null : sites.crs().equals(mapCrs) ? s.geometry()
                : GeometryTransformer.shared().transform(s.geometry(), sites.crs(), mapCrs);
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("XMMC", s.name());
            s.attributes().forEach(attrs::putIfAbsent);
            fields.addAll(attrs.keySet());
            if (drawn) {
                features.add(new MapFeature(fid, g, s.name()));
            }
            rows.add(new Feature(fid++, g, attrs));
        }
        MapLayer layer = new MapLayer(UiText.get("import.layer", sites.sourceName()), table, LayerRole.SITES,
                DefaultStyles.forRole(LayerRole.SITES), features);
        LayerInfo info = new LayerInfo(table, LayerInfo.Kind.FEATURES, "features", layer.name(), sites.sourceName(), "geom", "GEOMETRY",
                0, 0, features.size(), layer.extent(), null, false, "fid",
                fields.stream().map(f -> new LayerInfo.FieldInfo(f, "TEXT")).toList(), null);
        return new ImportedLayer(layer, info, List.copyOf(rows));
    }
}
