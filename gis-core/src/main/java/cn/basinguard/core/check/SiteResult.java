package cn.basinguard.core.check;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The encroachment check of one project site.
 *
 * @param id the site's id in its layer (code or fid)
 * @param area the site's area; null when the site was not measured (it lies outside the checks' extent)
 * @param units the units the site lies in, largest share first (more than one when it spans units)
 * @param overlaps overlap with permanent basic farmland, ecological red line and cultivated land (all three for a
 *     measured site, none for a site not measured)
 * @param geometry the site in the working grid; null when it was not measured
 * @param scope whether the site lies inside the extent of the checked data, and if not, how far away
 * @param landUse what the site occupies of the land-use layer, by land class, three big class, owner and village;
 *     null without a land-use layer or when the site was not measured
 * @param patches one row per occupied patch: land use (cultivated land when there is no land-use layer), permanent
 *     basic farmland, ecological red line, each in id order; empty when the site was not measured
 */
public record SiteResult(String name, String id, MeasuredArea area, List<UnitShare> units, Map<LayerRole, Overlap> overlaps,
                         Verdict verdict, Geometry geometry, SiteScope scope, LandUseOccupation landUse, List<OccupiedPatch> patches) {
    public SiteResult {
        units = List.copyOf(units);
        overlaps = Map.copyOf(overlaps);
        patches = patches instanceof PatchStore.Rows ? patches : List.copyOf(patches); // rows in the file stay there
    }

    public Overlap overlap(LayerRole role) {
        return overlaps.get(role);
    }

    public List<String> unitNames() {
        return units.stream().map(UnitShare::unit).toList();
    }

    /** Whether the site was measured at all: false for a site outside the checks' extent, whose figures are "—". */
    public boolean measured() {
        return area != null;
    }
}
