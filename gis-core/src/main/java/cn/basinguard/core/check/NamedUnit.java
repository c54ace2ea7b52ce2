package cn.basinguard.core.check;

import org.locationtech.jts.geom.Geometry;

/** A basin governance unit as the checks use it: its name, outline in the working grid, and area. */
record NamedUnit(String name, Geometry geometry, MeasuredArea area, OverlapMeter meter) {
}
