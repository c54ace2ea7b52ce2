package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An attribute table sorts as a planner expects: numbers by value, names by pinyin, codes as written, blanks last, ties as read. */
class RowOrderTest {
    private static List<AttributeRow> rows(Object[][] values) {
        cn.basinguard.core.loaded.AttributeColumns columns = new cn.basinguard.core.loaded.AttributeColumns();
        List<AttributeRow> rows = new ArrayList<>();
        for (int r = 0; r < values.length; r++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("QSDWMC", values[r][0]);
            m.put("TBMJ", values[r][1]);
            m.put("BSM", values[r][2]);
            rows.add(AttributeRow.of(100 - r, m, null, columns));
        }
        return rows;
    }

    private static final Object[][] TABLE = {
        {"万店镇", 10.0, "B10"},
        {"安居镇", 2.0, "B2"},
        {null, 2.0, "A1"},
        {"府河镇", null, "B1"},
        {"安居镇", 300.5, "a0"},
        {"洛阳镇", 2.0, null},
    };

    @Test
    void byNumberNamesCodesAndKey() {
        cn.basinguard.core.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        List<AttributeRow> rows = rows(TABLE);
        RowOrder order = new RowOrder();
        // numbers by value (2 < 10 < 300.5), ties in the order read, blanks last
        assertEquals("[1, 2, 5, 0, 4, 3]", Arrays.toString(order.sort(rows, List.of(new RowOrder.Key("TBMJ", false)))));
        // names by pinyin: an (安居), fu (府河), luo (洛阳), wan (万店); blanks last
        assertEquals("[1, 4, 3, 5, 0, 2]", Arrays.toString(order.sort(rows, List.of(new RowOrder.Key("QSDWMC", false)))));
        // codes as written (ASCII order: upper case before lower case)
        assertEquals("[2, 3, 0, 1, 4, 5]", Arrays.toString(order.sort(rows, List.of(new RowOrder.Key("BSM", false)))));
        // two keys: by name, then by area descending
        assertEquals("[4, 1, 3, 5, 0, 2]", Arrays.toString(order.sort(rows,
                List.of(new RowOrder.Key("QSDWMC", false), new RowOrder.Key("TBMJ", true)))));
        // by the key column (FID), and nothing: as read
        assertEquals("[5, 4, 3, 2, 1, 0]", Arrays.toString(order.sort(rows, List.of(new RowOrder.Key(null, false)))));
        assertEquals("[0, 1, 2, 3, 4, 5]", Arrays.toString(order.sort(rows, List.of())));
    }
}
