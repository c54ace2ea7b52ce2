package cn.basinguard.data;

import org.locationtech.jts.geom.Polygon;

/** A reservoir water surface (水库水面, DLBM 1103) with the seed's watch-list flags. */
record Reservoir(String code, String name, String alias, boolean medium, int unit, Polygon surface,
                 boolean bloomWatch, String drinkingSource) {
}
