package cn.basinguard.core.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The 三调 fields of one layer's patches as the site review needs them, found by {@link FieldPurpose}: text trimmed
 * (blank is null), numbers parsed from numeric or text columns. Also a patch's deduction rate: KCXS, or KCMJ / TBMJ,
 * or 1 − TBDLMJ / TBMJ where only those are given; a rate outside 0 ≤ KCXS < 1 is reported and not applied. The patches of one layer have
 * one set of columns, so each field's column is looked up once (a lookup by names costs more than the value).
 * Safe for several threads.
 */
final class SurveyFields {
    /** 田坎: the deducted class when a patch names none (KCDLBM blank). */
    static final String TIANKAN = "1203";
    private static final String NONE = "";

    /** The layer as the user knows it, for what its patches get wrong. */
    private final String layer;
    private final Map<Long, String> columns = new ConcurrentHashMap<>();
    /**
     * One copy of each class code, class name, tenure, owner and village: a city's sites occupy hundreds of thousands of
     * patches, whose rows repeat a few thousand distinct values (measured: 1.28 M strings held at city scale).
     */
    private final Map<String, String> shared = new ConcurrentHashMap<>();

    SurveyFields(String layer) {
        this.layer = layer;
    }

    String layer() {
        return layer;
    }

    /**
     * The column of {@code p} in this feature, looked up once per set of columns (the features a layer's reads hand out
     * have few, those asked for by fid more; features of other sources may differ), told apart by the hash of their
     * names; a column found before is still checked to be there.
     */
    private String column(SourceFeature f, FieldPurpose p) {
        long key = (long) p.ordinal() << 32 | (f.attributes().keySet().hashCode() & 0xFFFFFFFFL);
        String known = columns.get(key);
        if (known != null && (known.isEmpty() || f.attributes().containsKey(known))) {
            return known.isEmpty() ? null : known;
        }
        String found = p.find(f.attributes());
        columns.put(key, found == null ? NONE : found);
        return found;
    }

    String text(SourceFeature f, FieldPurpose p) {
        String key = column(f, p);
        Object v = key == null ? null : f.attributes().get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    Double number(SourceFeature f, FieldPurpose p) {
        String key = column(f, p);
        Object v = key == null ? null : f.attributes().get(key);
        if (v instanceof Number n) {
            return Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
        }
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.toString().trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The patch's owner (QSDWMC), or its code (QSDWDM) where the name is blank; null when neither is given. */
    String owner(SourceFeature f) {
        String name = text(f, FieldPurpose.OWNER);
        return name != null ? name : text(f, FieldPurpose.OWNER_CODE);
    }

    /** The patch's village (ZLDWMC), or its code (ZLDWDM) where the name is blank; null when neither is given. */
    String village(SourceFeature f) {
        String name = text(f, FieldPurpose.LOCATION);
        return name != null ? name : text(f, FieldPurpose.LOCATION_CODE);
    }

    /** The class the deduction goes to: KCDLBM, else 1203 田坎. */
    String deductedClass(SourceFeature f) {
        String k = LandClasses.normalise(text(f, FieldPurpose.DEDUCTED_CLASS));
        return k == null ? TIANKAN : k;
    }

    /**
     * The patch's deduction rate, 0 when it has none; a stated rate that cannot be one (not a number, negative, 1 or
     * more) goes to {@code issues} and is not applied.
     */
    double deductionRate(SourceFeature f, String patchId, Consumer<DataQualityIssue> issues) {
        String key = column(f, FieldPurpose.DEDUCTION_RATE);
        Object value = key == null ? null : f.attributes().get(key);
        if (value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() < 1) {
            return n.doubleValue(); // the common case, a REAL column, without making text of it
        }
        String stated = text(f, FieldPurpose.DEDUCTION_RATE);
        Double rate;
        if (stated != null) {
            rate = number(f, FieldPurpose.DEDUCTION_RATE);
        } else {
            // no KCXS: the deducted area over the patch's, KCMJ / TBMJ, or what TBDLMJ = TBMJ − KCMJ leaves
            Double kcmj = number(f, FieldPurpose.DEDUCTED_AREA);
            Double tbmj = number(f, FieldPurpose.PATCH_AREA);
            Double tbdlmj = number(f, FieldPurpose.CLASS_AREA);
            if (kcmj != null && kcmj != 0) {
                stated = "KCMJ " + kcmj + " / TBMJ " + tbmj;
                rate = tbmj == null || tbmj <= 0 ? null : kcmj / tbmj;
            } else if (kcmj == null && tbdlmj != null && tbmj != null && tbdlmj < tbmj) {
                stated = "TBDLMJ " + tbdlmj + " / TBMJ " + tbmj;
                rate = tbmj <= 0 ? null : 1 - tbdlmj / tbmj;
            } else {
                return 0;
            }
        }
        if (rate == null || rate < 0 || rate >= 1) {
            issues.accept(new DataQualityIssue(DataQualityIssue.Kind.BAD_DEDUCTION, layer, patchId, stated,
                    DataQualityIssue.Handling.USED_AS_IS));
            return 0;
        }
        return rate;
    }

    /** A patch table row: the patch's fields (from {@code full}, the patch with all its attributes) and the areas. */
    OccupiedPatch row(LayerRole role, WorkingFeature c, SourceFeature full, MeasuredArea occupied) {
        return new OccupiedPatch(role, c.id(), text(full, FieldPurpose.PATCH_NUMBER), one(text(full, FieldPurpose.LAND_CLASS)),
                one(text(full, FieldPurpose.LAND_CLASS_NAME)), one(text(full, FieldPurpose.TENURE)), one(text(full, FieldPurpose.OWNER)),
                one(text(full, FieldPurpose.LOCATION)), number(full, FieldPurpose.PATCH_AREA), occupied, c.area());
    }

    private String one(String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }
}
