package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An attribute table's rows give back every value they were given, whatever each column holds: a few repeated names,
 * thousands of keys, numbers, text that turns into numbers half way, blobs, empty cells, a column first met late.
 */
class AttributeRowTest {
    @Test
    void everyValueComesBackAsGiven() {
        Random rnd = new Random(3);
        cn.basinguard.core.loaded.AttributeColumns columns = new cn.basinguard.core.loaded.AttributeColumns();
        List<Map<String, Object>> given = new ArrayList<>();
        List<AttributeRow> rows = new ArrayList<>();
        String[] villages = {"洛阳镇黄庙村", "南郊街道大畈社区", "府河镇", "何店镇", "万店镇", "淅河镇"};
        for (int r = 0; r < 20_000; r++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ZLDWMC", r % 50 == 0 ? null : villages[rnd.nextInt(villages.length)]);
            m.put("BSM", "4213032000000" + String.format("%05d", r));
            m.put("TBMJ", r % 97 == 0 ? null : Math.round(rnd.nextDouble() * 1e8) / 100.0);
            m.put("SJNF", r % 3 == 0 ? 2023L : 2022L);
            m.put("NO", (long) r * 7 - 3);
            m.put("MIXED", r < 6000 ? "值" + r : r % 2 == 0 ? (Object) (double) r : "值" + r);
            if (r % 11 != 0) {
                m.put("SOMETIMES", "有" + (r % 5)); // absent from some rows altogether
            }
            if (r >= 15_000) {
                m.put("LATE", r % 2 == 0 ? new byte[] {1, 2, (byte) r} : "晚" + r);
            }
            m.put("DLBM", r % 13 == 0 ? "" : "01" + (r % 4));
            given.add(m);
            rows.add(AttributeRow.of(r + 1, m, null, columns));
        }
        assertEquals(20_000, columns.rows());
        for (int r = 0; r < rows.size(); r++) {
            AttributeRow row = rows.get(r);
            Map<String, Object> m = given.get(r);
            assertEquals(r + 1, row.fid());
            for (String name : List.of("ZLDWMC", "BSM", "TBMJ", "SJNF", "NO", "MIXED", "SOMETIMES", "LATE", "DLBM", "NOT_A_FIELD")) {
                Object want = m.get(name);
                Object got = row.value(name);
                if (want instanceof byte[] b) {
                    assertArrayEquals(b, (byte[]) got, "row " + r + " " + name);
                } else {
                    assertEquals(want, got, "row " + r + " " + name);
                }
            }
            Map<String, Object> all = row.attributes();
            // columns in the order first met (row 0 has no SOMETIMES)
            assertEquals(List.of("ZLDWMC", "BSM", "TBMJ", "SJNF", "NO", "MIXED", "DLBM", "SOMETIMES", "LATE"), List.copyOf(all.keySet()));
            assertEquals(m.get("BSM"), all.get("BSM"));
        }
    }
}
