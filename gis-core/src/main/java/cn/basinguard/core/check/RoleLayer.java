package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import java.util.ArrayList;
import java.util.List;

/**
 * A layer bound to a role, as read from its source, before any check touches it: held in memory (units, sites, small
 * layers) or read area by area from its source as the checks go ({@link LayerReader}: a county's land-use and
 * red-line layers).
 *
 * @param role what the layer means to the checks
 * @param source where it came from, as the user knows it ("zengdu.gpkg / 永久基本农田")
 * @param crs its CRS; null when the source declares none (reported, and the checks refuse the layer)
 * @param reader its features
 */
public record RoleLayer(LayerRole role, String source, Crs crs, LayerReader reader) {
    /** A layer held in memory, features in source order. */
    public RoleLayer(LayerRole role, String source, Crs crs, List<SourceFeature> features) {
        this(role, source, crs, new ListReader(features));
    }

    /** Whether the layer is held in memory, rather than read area by area from its source. */
    public boolean inMemory() {
        return reader instanceof ListReader;
    }

    /**
     * Every feature in source order, those without a position included. A layer read from its source is read in full
     * here: callers use this for small layers only.
     */
    public List<SourceFeature> features() {
        if (reader instanceof ListReader l) {
            return l.features();
        }
        List<SourceFeature> all = new ArrayList<>();
        reader.read(null, all::add);
        reader.readWithoutPosition(all::add);
        all.sort(java.util.Comparator.comparingLong(SourceFeature::fid));
        return all;
    }
}
