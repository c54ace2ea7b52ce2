package cn.basinguard.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.basinguard.core.crs.CrsRegistry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class GeodesicLengthTest {
    @Test
    void aKilometreOnTheGridIsAKilometreOnTheGroundLessTheScaleFactor() {
        // 1 km east-west, 57 km west of the central meridian: the GK scale there is 1 + y²/2R² ≈ 1 + 4.0e-5
        double d = GeodesicLength.of(new Coordinate[] {new Coordinate(443000, 3520000), new Coordinate(444000, 3520000)},
                CrsRegistry.fromEpsg(4547));
        assertEquals(1000 / (1 + 56_500.0 * 56_500.0 / (2 * 6_371_000.0 * 6_371_000.0)), d, 0.002);
    }

    @Test
    void aDegreeOfLatitudeNearSuizhou() {
        double d = GeodesicLength.of(new Coordinate[] {new Coordinate(113.4, 31.5), new Coordinate(113.4, 32.5)}, CrsRegistry.fromEpsg(4490));
        assertEquals(110_900, d, 100); // a meridian degree at 32° N is about 110.9 km
    }

    @Test
    void aPathAddsItsLegs() {
        Coordinate[] path = {new Coordinate(443000, 3520000), new Coordinate(444000, 3520000), new Coordinate(444000, 3521000)};
        double whole = GeodesicLength.of(path, CrsRegistry.fromEpsg(4547));
        double legs = GeodesicLength.of(new Coordinate[] {path[0], path[1]}, CrsRegistry.fromEpsg(4547))
                + GeodesicLength.of(new Coordinate[] {path[1], path[2]}, CrsRegistry.fromEpsg(4547));
        assertEquals(legs, whole, 1e-9);
    }
}
