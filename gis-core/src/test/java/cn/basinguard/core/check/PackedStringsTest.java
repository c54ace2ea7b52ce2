package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackedStringsTest {
    @Test
    void givesBackEveryStringInOrder() {
        List<String> ids = List.of("421303200000002273", "", "DLTB #17", "㵐水片区-3", "x");
        List<String> packed = PackedStrings.of(ids);
        assertEquals(ids, packed);
        assertEquals(ids.hashCode(), packed.hashCode());
        assertEquals("㵐水片区-3", packed.get(3));
        assertThrows(IndexOutOfBoundsException.class, () -> packed.get(5));
        assertThrows(UnsupportedOperationException.class, () -> packed.add("y"));
        assertSame(packed, PackedStrings.of(packed));
        assertEquals(List.of(), PackedStrings.of(List.of()));
    }

    @Test
    void anOverlapKeepsItsIdsPacked() {
        Overlap o = new Overlap(LayerRole.CULTIVATED, MeasuredArea.ZERO, List.of("a", "b"), null);
        assertEquals(PackedStrings.class, o.patchIds().getClass());
        assertEquals(List.of("a", "b"), o.patchIds());
    }
}
