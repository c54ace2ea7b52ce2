package cn.basinguard.app.cli;

import cn.basinguard.core.check.FieldPurpose;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.RoleLayer;
import cn.basinguard.core.check.SourceFeature;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.map.DefaultStyles;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.measure.ZoneReach;
import cn.basinguard.core.report.PrintAtlas;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/** The project-site pages of {@code print --site-pages}: one per site, named as the check names sites. */
final class SitePages {
    private final List<PrintAtlas.Page> pages = new ArrayList<>();
    private final List<MapFeature> features = new ArrayList<>();
    private final List<String> beyond = new ArrayList<>();

    /** The sites of {@code layer}, moved into the map CRS; those beyond its zone get no page ({@link #beyond}). */
    SitePages(RoleLayer layer, Crs mapCrs) {
        for (SourceFeature f : layer.features()) {
            if (f.geometry() == null || f.geometry().isEmpty()) {
                continue;
            }
            String field = FieldPurpose.SITE_NAME.find(f.attributes());
            String v = field == null ? null : f.text(field);
            String name = v == null || v.isBlank() ? Long.toString(f.fid()) : v.trim();
            if (!ZoneReach.reaches(f.geometry().getEnvelopeInternal(), layer.crs(), mapCrs)) {
                // moved into the map's zone it would be drawn where the projection wraps it, perhaps on the district
                beyond.add(name);
                continue;
            }
            Geometry g = layer.crs().equals(mapCrs) ? f.geometry() : GeometryTransformer.shared().transform(f.geometry(), layer.crs(), mapCrs);
            pages.add(PrintAtlas.Page.site(name, g));
            features.add(new MapFeature(f.fid(), g, name));
        }
    }

    List<PrintAtlas.Page> pages() {
        return pages;
    }

    /** The sites that lie beyond the map's Gauss–Krüger zone, which get no page. */
    List<String> beyond() {
        return beyond;
    }

    /** The map with its site layers replaced by these sites, for sites read from a file and not from the GeoPackage. */
    MapContent replacing(MapContent map, String layerName) {
        List<MapLayer> layers = new ArrayList<>();
        int at = -1;
        for (MapLayer l : map.layers()) {
            if (l.role() == LayerRole.SITES) {
                at = at < 0 ? layers.size() : at;
            } else {
                layers.add(l);
            }
        }
        layers.add(at < 0 ? layers.size() : at, new MapLayer(layerName, layerName, LayerRole.SITES, DefaultStyles.forRole(LayerRole.SITES), features));
        return new MapContent(map.crs(), layers);
    }
}
