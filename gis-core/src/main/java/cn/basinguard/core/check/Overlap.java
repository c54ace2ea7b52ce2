package cn.basinguard.core.check;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * What a project site covers of one red-line layer: the area, the patches touched, and the overlap itself (in the
 * working grid) so that a map can show the encroachment, not just the site.
 *
 * @param area the area as the checks count it: for cultivated land net of 田坎 (each patch's overlap × (1 − KCXS), as
 *             the land survey counts 耕地), for the other layers the whole overlap
 * @param gross the whole overlap; equal to {@code area} but for cultivated land whose patches deduct 田坎
 */
public record Overlap(LayerRole role, MeasuredArea area, MeasuredArea gross, List<String> patchIds, Geometry geometry) {
    public Overlap {
        patchIds = PackedStrings.of(patchIds); // a city's sites name ~340,000 patches: kept as bytes, not strings
    }

    /** An overlap with nothing deducted. */
    public Overlap(LayerRole role, MeasuredArea area, List<String> patchIds, Geometry geometry) {
        this(role, area, area, patchIds, geometry);
    }
}
