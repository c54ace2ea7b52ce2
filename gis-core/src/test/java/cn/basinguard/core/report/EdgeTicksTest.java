package cn.basinguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coordinate ticks at round steps, labelled as topographic maps label them; PNG page files named in page order. */
class EdgeTicksTest {
    @Test
    void theStepGivesFourToTenTicksOnTheLongerSide() {
        assertEquals(10_000, EdgeTicks.interval(61_500));
        assertEquals(500, EdgeTicks.interval(2_250));
        assertEquals(2_000, EdgeTicks.interval(11_250));
        assertEquals(1_000, EdgeTicks.interval(4_000));
        assertEquals(1_000, EdgeTicks.interval(7_999));
        for (double side = 100; side < 1e6; side *= 1.37) {
            int ticks = (int) (side / EdgeTicks.interval(side));
            assertTrue(ticks >= 4 && ticks <= 10, side + " m: " + ticks);
        }
    }

    @Test
    void labelsAreFullMetresInGroupsOfThree() {
        assertEquals("3 412 000", EdgeTicks.label(3_412_000));
        assertEquals("38 505 000", EdgeTicks.label(38_505_000));
        assertEquals("500", EdgeTicks.label(500));
        assertEquals("1 500", EdgeTicks.label(1_499.9999));
    }

    @Test
    void ticksAtTheMultiplesInsideTheSide() {
        assertEquals(List.of(3_510_000.0, 3_520_000.0), EdgeTicks.multiples(3_505_123, 3_529_999, 10_000));
        assertEquals(List.of(3_510_000.0, 3_520_000.0), EdgeTicks.multiples(3_510_000, 3_520_000, 10_000));
    }

    @Test
    void pngFilesAreNumberedWhenThereAreSeveralPages() {
        Path target = Path.of("out", "atlas.png");
        assertEquals(List.of(target), AtlasPng.paths(target, 1));
        assertEquals(List.of(Path.of("out", "atlas-01.png"), Path.of("out", "atlas-02.png")), AtlasPng.paths(target, 2));
        assertEquals(Path.of("out", "atlas-100.png"), AtlasPng.paths(target, 100).get(99));
        assertEquals(Path.of("out", "atlas-007.png"), AtlasPng.paths(target, 100).get(6));
    }
}
