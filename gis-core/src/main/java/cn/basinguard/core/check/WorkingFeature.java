package cn.basinguard.core.check;

import org.locationtech.jts.geom.Geometry;

/**
 * A feature ready for the checks: geometry in the working grid (repaired where it was invalid), its id as the
 * planner knows it (BSM, TBBH … or the fid), its own area, and the source feature for attributes.
 */
public record WorkingFeature(SourceFeature source, String id, Geometry geometry, MeasuredArea area) {
}
