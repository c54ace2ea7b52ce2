package cn.basinguard.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AreaUnitsTest {
    @Test
    void conversions() {
        assertEquals(1.0, AreaUnits.toMu(10_000.0 / 15), 1e-12);
        assertEquals(15.0, AreaUnits.toMu(10_000), 1e-12);
        assertEquals(1.0, AreaUnits.toHectares(10_000), 0);
        assertEquals(1.0, AreaUnits.toWanMu(1e8 / 15), 1e-12);
        assertEquals(new BigDecimal("1500.00"), AreaUnits.mu(1e6, 2));
        assertEquals(new BigDecimal("15.00"), AreaUnits.wanMu(1e8, 2));
        assertEquals(new BigDecimal("1.00"), AreaUnits.squareKilometres(999_921.3044, 2));
    }

    @Test
    void halfUpNotBankers() {
        assertEquals(new BigDecimal("0.13"), AreaUnits.round(0.125, 2));
        assertEquals(new BigDecimal("2.5"), AreaUnits.round(2.45, 1));
        assertEquals(new BigDecimal("1.01"), AreaUnits.squareMetres(1.005));
        assertEquals(new BigDecimal("-0.13"), AreaUnits.round(-0.125, 2));
    }

    @Test
    void roundsOnceFromTheUnroundedValue() {
        // 31.26 万亩 of cultivated land in m²: going through rounded hectares would drift
        double m2 = 31.26 * 1e8 / 15 + 33;
        assertEquals(new BigDecimal("20840.00"), AreaUnits.hectares(m2, 2));
        assertEquals(new BigDecimal("31.26"), AreaUnits.wanMu(m2, 2));
        assertEquals("312600.05", AreaUnits.format(AreaUnits.mu(m2, 2)));
    }

    @Test
    void hotPathRoundingMatchesHalfUpAwayFromTies() {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            double v = 3_500_000 + rnd.nextDouble() * 100_000;
            double fast = Rounding.halfUp(v, 1e4);
            double exact = new BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_UP).doubleValue();
            assertEquals(exact, fast, 0, "at " + v);
        }
    }
}
