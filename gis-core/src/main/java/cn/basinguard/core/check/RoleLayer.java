package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import java.util.List;

/**
 * A layer bound to a role, as read from its source, before any check touches it.
 *
 * @param role what the layer means to the checks
 * @param source where it came from, as the user knows it ("zengdu.gpkg / 永久基本农田")
 * @param crs its CRS; null when the source declares none (reported, and the checks refuse the layer)
 * @param features the features in source order
 */
public record RoleLayer(LayerRole role, String source, Crs crs, List<SourceFeature> features) {
    public RoleLayer {
        features = List.copyOf(features);
    }
}
