package cn.basinguard.core.check;

import org.locationtech.jts.geom.Geometry;

/**
 * A feature ready for the checks: geometry in the working grid (repaired where it was invalid), its id as the
 * planner knows it (BSM, TBBH … or the fid), its own area, and the source feature for attributes.
 *
 * @param cut true when {@code geometry} is only the part of the feature inside the area a tile works on (a big
 *            red-line polygon cut to a tile): {@code area} is then the whole feature's, not the part's
 */
public record WorkingFeature(SourceFeature source, String id, Geometry geometry, MeasuredArea area, boolean cut) {
    public WorkingFeature(SourceFeature source, String id, Geometry geometry, MeasuredArea area) {
        this(source, id, geometry, area, false);
    }
}
