package cn.basinguard.app.ui;

import cn.basinguard.core.crs.Crs;
import org.locationtech.jts.geom.Geometry;

/** A geometry the user picked (a result row, an attribute row, a clicked feature) and the CRS it is in. */
record MapSelection(Geometry geometry, Crs crs) {
}
