package cn.basinguard.data;

import org.locationtech.jts.geom.Polygon;

/** A patch of one land layer, with the cell it was shrunk from (basic farmland shares its cultivated cell). */
record LandPatch(Cell cell, Polygon geometry) {
    int unit() {
        return cell.unit();
    }
}
