package cn.basinguard.data;

import org.locationtech.jts.geom.Polygon;

/** One Voronoi cell clipped to a basin unit: the space a single patch of any layer may occupy. */
record Cell(int id, int unit, Polygon polygon) {
}
