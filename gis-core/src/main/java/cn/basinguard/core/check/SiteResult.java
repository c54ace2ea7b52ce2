package cn.basinguard.core.check;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The encroachment check of one project site.
 *
 * @param id the site's id in its layer (code or fid)
 * @param units the units the site lies in, largest share first (more than one when it spans units)
 * @param overlaps overlap with permanent basic farmland, ecological red line and cultivated land (always all three)
 * @param geometry the site in the working grid
 */
public record SiteResult(String name, String id, MeasuredArea area, List<UnitShare> units, Map<LayerRole, Overlap> overlaps,
                         Verdict verdict, Geometry geometry) {
    public SiteResult {
        units = List.copyOf(units);
        overlaps = Map.copyOf(overlaps);
    }

    public Overlap overlap(LayerRole role) {
        return overlaps.get(role);
    }

    public List<String> unitNames() {
        return units.stream().map(UnitShare::unit).toList();
    }
}
