package cn.basinguard.core.check;

import java.util.List;
import java.util.Map;

/**
 * What the tile that owns a site found around it: the overlap with each red line, the occupation of the land-use
 * layer (null without one) and the occupied patches (land use, or cultivated land without it; basic farmland; red
 * line), in that order and each in id order.
 */
record SiteFindings(Map<LayerRole, Overlap> overlaps, LandUseOccupation landUse, List<OccupiedPatch> patches) {
    SiteFindings {
        overlaps = Map.copyOf(overlaps);
        patches = patches instanceof PatchStore.Rows ? patches : List.copyOf(patches); // rows in the file stay there
    }

    static final SiteFindings NONE = new SiteFindings(Map.of(), null, List.of());
}
