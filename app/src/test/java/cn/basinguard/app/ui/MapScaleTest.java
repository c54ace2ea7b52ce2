package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MapScaleTest {
    @Test
    void roundsAndGroupsThousandsAsStringFormatDid() {
        assertEquals("1:10,000", MapScale.format(10_000));
        assertEquals("1:1,000", MapScale.format(999.6));
        assertEquals("1:123", MapScale.format(123.4));
        assertEquals("1:1,234,567", MapScale.format(1_234_567.4));
        assertEquals("1:50,000,000", MapScale.format(50_000_000));
        for (double d = 100; d < 5e7; d *= 1.37) {
            assertEquals("1:" + String.format(Locale.ROOT, "%,.0f", d), MapScale.format(d), "denominator " + d);
        }
    }

    @Test
    void readsBackWhatItWrites() {
        assertEquals(25_000, MapScale.parse(MapScale.format(25_000)));
        assertEquals(10_000, MapScale.parse("1：1万"));
    }
}
