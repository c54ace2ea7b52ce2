package cn.basinguard.core.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row's values behave as the LinkedHashMap they replace: order, NULL values, equality, lookups by an equal name. */
class AttributeRowTest {
    @Test
    void behavesAsTheMapItReplaces() {
        AttributeRow.Columns columns = new AttributeRow.Columns(List.of("BSM", "DLBM", "KCXS", "QSDWMC"));
        AttributeRow row = new AttributeRow(columns, new Object[] {"4211", "0101", null, "白云湖街道"});
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("BSM", "4211");
        expected.put("DLBM", "0101");
        expected.put("KCXS", null);
        expected.put("QSDWMC", "白云湖街道");
        assertEquals(expected, row);
        assertEquals(row, expected);
        assertEquals(expected.hashCode(), row.hashCode());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(row.keySet()));
        assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(row.values()));
        assertEquals("0101", row.get(new String("DLBM")), "found by an equal name, not only the same instance");
        assertTrue(row.containsKey("KCXS"));
        assertNull(row.get("KCXS"));
        assertFalse(row.containsKey("TBMJ"));
        assertNull(row.get("TBMJ"));
        assertEquals(expected.toString(), row.toString());
        assertThrows(UnsupportedOperationException.class, () -> row.put("TBMJ", 1.0));
        assertThrows(IllegalArgumentException.class, () -> new AttributeRow(columns, new Object[3]));
    }
}
