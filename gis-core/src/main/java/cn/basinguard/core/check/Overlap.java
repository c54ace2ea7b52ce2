package cn.basinguard.core.check;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What a project site covers of one red-line layer: the area, the patches touched, and the overlap itself (in the
 * working grid) so that a map can show the encroachment, not just the site.
 */
public record Overlap(LayerRole role, MeasuredArea area, List<String> patchIds, Geometry geometry) {
    public Overlap {
        patchIds = List.copyOf(patchIds);
    }
}
