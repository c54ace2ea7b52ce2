package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A patch's deduction rate from whichever of KCXS, KCMJ, TBDLMJ and TBMJ it gives, and what cannot be a rate. */
class SurveyFieldsTest {
    static SourceFeature patch(Object... kv) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            a.put((String) kv[i], kv[i + 1]);
        }
        return new SourceFeature(1, null, a);
    }

    final SurveyFields fields = new SurveyFields("t.gpkg / DLTB");
    final List<DataQualityIssue> issues = new ArrayList<>();

    double rate(SourceFeature f) {
        return fields.deductionRate(f, "P1", issues::add);
    }

    @Test
    void kcxsFirstAsNumberOrText() {
        assertEquals(0.1, rate(patch("KCXS", 0.1, "KCMJ", 500.0, "TBMJ", 1000.0)));
        assertEquals(0.08, rate(patch("kcxs", " 0.08 ")));
        assertEquals(0, rate(patch("KCXS", 0.0)));
        assertTrue(issues.isEmpty());
    }

    @Test
    void withoutKcxsTheDeductedAreaOverThePatchArea() {
        assertEquals(0.25, rate(patch("KCMJ", 250.0, "TBMJ", 1000.0)));
        assertEquals(0.1, rate(patch("TBMJ", 1000.0, "TBDLMJ", 900.0)), 1e-15);
        assertEquals(0, rate(patch("TBMJ", 1000.0, "TBDLMJ", 1000.0)), "TBDLMJ = TBMJ: nothing deducted");
        assertEquals(0, rate(patch("TBMJ", 1000.0)));
        assertTrue(issues.isEmpty());
    }

    @Test
    void aRateThatCannotBeOneIsReportedAndNotApplied() {
        assertEquals(0, rate(patch("KCXS", 8.0)));
        assertEquals(0, rate(patch("KCXS", -0.1)));
        assertEquals(0, rate(patch("KCXS", "一成")));
        assertEquals(0, rate(patch("KCMJ", 100.0, "TBMJ", 0.0)));
        assertEquals(4, issues.size());
        assertTrue(issues.stream().allMatch(d -> d.kind() == DataQualityIssue.Kind.BAD_DEDUCTION && d.featureId().equals("P1")));
        assertEquals("8.0", issues.get(0).detail());
    }

    @Test
    void ownersAndVillagesByNameElseByCode() {
        assertEquals("甲村集体", fields.owner(patch("QSDWDM", "4213031010010000000", "QSDWMC", "甲村集体")));
        assertEquals("4213031010010000000", fields.owner(patch("QSDWDM", "4213031010010000000", "QSDWMC", " ")));
        assertEquals("4213031010020000000", fields.village(patch("ZLDWDM", "4213031010020000000")));
        assertNull(fields.village(patch("BSM", "1")));
    }
}
