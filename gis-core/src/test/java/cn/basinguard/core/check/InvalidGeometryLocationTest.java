package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Where an invalid geometry is, as the data-quality list says it: to the millimetre in metres, to the decimetre in
 * degrees (with three decimals a CGCS2000 longitude/latitude layer's self-intersection was placed within 100 m), and
 * with a point for decimals whatever the desktop's locale.
 */
class InvalidGeometryLocationTest {
    @Test
    void theSpotIsGivenPreciselyEnoughToFindIt() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("Self-intersection (113.336829, 31.964571)", LayerPreparer.describe(
                    new TopologyValidationError(TopologyValidationError.SELF_INTERSECTION, new Coordinate(113.3368291, 31.9645712)), true));
            assertEquals("Self-intersection (38437310.168, 3538115.914)", LayerPreparer.describe(
                    new TopologyValidationError(TopologyValidationError.SELF_INTERSECTION, new Coordinate(38437310.1684, 3538115.9141)), false));
        } finally {
            Locale.setDefault(before);
        }
    }
}
