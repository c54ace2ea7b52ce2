package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.basinguard.core.gpkg.AttributeRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which column serves a purpose, found once for the rows of a read and never carried over to other columns. */
class FieldPurposeTest {
    @Test
    void eachReadsColumnsAreSearchedForThemselves() {
        AttributeRow.Columns survey = new AttributeRow.Columns(List.of("BSM", "dlbm", "TBMJ"));
        AttributeRow.Columns chinese = new AttributeRow.Columns(List.of("图斑编号", "地类编码"));
        AttributeRow.Columns none = new AttributeRow.Columns(List.of("NAME"));
        for (int i = 0; i < 3; i++) { // alternating reads, as two tiles' threads ask
            assertEquals("dlbm", FieldPurpose.LAND_CLASS.find(new AttributeRow(survey, new Object[] {"1", "0101", 1.0})));
            assertEquals("地类编码", FieldPurpose.LAND_CLASS.find(new AttributeRow(chinese, new Object[] {"7", "0301"})));
            assertNull(FieldPurpose.LAND_CLASS.find(new AttributeRow(none, new Object[] {"x"})));
            assertEquals("BSM", FieldPurpose.PATCH_ID.find(new AttributeRow(survey, new Object[] {"1", "0101", 1.0})));
            assertEquals("图斑编号", FieldPurpose.PATCH_ID.find(new AttributeRow(chinese, new Object[] {"7", "0301"})));
        }
        // a map whose keys change is searched every time
        Map<String, Object> row = new LinkedHashMap<>(Map.of("DLBM", "0101"));
        assertEquals("DLBM", FieldPurpose.LAND_CLASS.find(row));
        row.remove("DLBM");
        row.put("地类编码", "0101");
        assertEquals("地类编码", FieldPurpose.LAND_CLASS.find(row));
    }
}
