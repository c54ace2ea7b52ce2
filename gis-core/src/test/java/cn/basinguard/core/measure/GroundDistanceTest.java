package cn.basinguard.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroundDistanceTest {
    private static final Geodesic EARTH = new Geodesic(6378137, 1 / 298.257222101);

    /** The distance to the meridian by brute force: every 0.01° along it, then every 0.0001° around the nearest. */
    private static double bruteToMeridian(double lon, double lat, double meridian) {
        double best = Double.POSITIVE_INFINITY;
        double at = 0;
        for (int i = 0; i <= 18_000; i++) {
            double d = EARTH.Inverse(lat, lon, -90 + i * 0.01, meridian).s12;
            if (d < best) {
                best = d;
                at = -90 + i * 0.01;
            }
        }
        for (int i = -100; i <= 100; i++) {
            best = Math.min(best, EARTH.Inverse(lat, lon, Math.max(-90, Math.min(90, at + i * 0.0001)), meridian).s12);
        }
        return best;
    }

    @ParameterizedTest(name = "{0}°E {1}°N to meridian 114°")
    @CsvSource({"114, 31.7", "124.5, 31.7", "174, 31.7", "54, 31.7", "-122, 37.8", "-10, 31.7", "-66, 31.7", "-66, -40", "113.4, 0"})
    void distanceToAMeridianIsTheNearestPointsDistance(double lon, double lat) {
        double brute = bruteToMeridian(lon, lat, 114);
        // the brute force's last step is 0.0001° (11 m) along the meridian: it lies at most centimetres above the minimum
        assertEquals(brute, GroundDistance.toMeridian(lon, lat, 114), 1);
        assertEquals(brute, GroundDistance.approximatelyToMeridian(lon, lat, 114), 0.005 * brute + 1, "on the sphere, to choose");
    }

    @Test
    void moreThanAQuarterTurnAwayTheNearestPointIsThePole() {
        // 180° from the meridian at 31.7°N: the way to the meridian goes over the North Pole (58.3° of latitude)
        assertEquals(EARTH.Inverse(31.7, -66, 90, 114).s12, GroundDistance.toMeridian(-66, 31.7, 114), 1);
        assertEquals(6_493_000, GroundDistance.toMeridian(-66, 31.7, 114), 1_000);
    }

    @Test
    void aPathIsSearchedToItsNearestPoint() {
        // a meridian segment 110°E from 20°N to 40°N, sampled only 4 times: the point at 31.7°N is found all the same
        double d = GroundDistance.toPath(113, 31.7, t -> new double[] {110, 20 + 20 * t}, 4);
        assertEquals(bruteToSegment(113, 31.7), d, 1);
    }

    private static double bruteToSegment(double lon, double lat) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 200_000; i++) {
            best = Math.min(best, EARTH.Inverse(lat, lon, 20 + i * 0.0001, 110).s12);
        }
        return best;
    }

    @Test
    void kilometresAsShown() {
        assertEquals(new BigDecimal("3.4"), GroundDistance.kilometres(3_449.9));
        assertEquals(new BigDecimal("3.5"), GroundDistance.kilometres(3_450));
        assertEquals(new BigDecimal("10"), GroundDistance.kilometres(9_950));
        assertEquals(new BigDecimal("10855"), GroundDistance.kilometres(10_855_400));
        assertThrows(IllegalArgumentException.class, () -> GroundDistance.kilometres(Double.NaN));
        assertEquals("2.0", GroundDistance.kilometresText(2_000));
        assertEquals("10,855", GroundDistance.kilometresText(10_855_400));
    }
}
