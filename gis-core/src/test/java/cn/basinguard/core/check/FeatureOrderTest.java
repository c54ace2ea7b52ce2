package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tiles keep what they read in feature order: a list in order is left as it is, any other is sorted. */
class FeatureOrderTest {
    @Test
    void aListInOrderStaysAndAnyOtherIsSorted() {
        List<Long> inOrder = new ArrayList<>(List.of(1L, 2L, 2L, 7L, 40L));
        TiledCheck.inFeatureOrder(inOrder, Long::longValue);
        assertEquals(List.of(1L, 2L, 2L, 7L, 40L), inOrder);
        List<Long> twoBoxes = new ArrayList<>(List.of(3L, 9L, 12L, 1L, 10L, 11L));
        TiledCheck.inFeatureOrder(twoBoxes, Long::longValue);
        assertEquals(List.of(1L, 3L, 9L, 10L, 11L, 12L), twoBoxes);
        List<Long> empty = new ArrayList<>();
        TiledCheck.inFeatureOrder(empty, Long::longValue);
        assertEquals(List.of(), empty);
    }
}
