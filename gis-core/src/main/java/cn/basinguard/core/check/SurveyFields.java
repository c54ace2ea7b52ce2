package cn.basinguard.core.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The 三调 fields of one layer's patches as the site review needs them, found by {@link FieldPurpose}: text trimmed
 * (blank is null), numbers parsed from numeric or text columns. Also a patch's deduction rate: KCXS, or KCMJ / TBMJ
 * where only those are given; a rate outside 0 ≤ KCXS < 1 is reported and not applied. The patches of one layer have
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

    SurveyFields(String layer) {
        this.layer = layer;
    }

    String layer() {
        return layer;
    }

    /**
     * The column of {@code p} in this feature, looked up once per set of columns: the features a layer's reads hand out
     * (few columns) and those asked for by fid (all) are told apart by their number of columns, and a column found
     * before is still checked to be there.
     */
    private String column(SourceFeature f, FieldPurpose p) {
        long key = (long) p.ordinal() << 32 | f.attributes().size();
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
            Double kcmj = number(f, FieldPurpose.DEDUCTED_AREA);
            Double tbmj = number(f, FieldPurpose.PATCH_AREA);
            if (kcmj == null || kcmj == 0) {
                return 0;
            }
            stated = "KCMJ " + kcmj + " / TBMJ " + tbmj;
            rate = tbmj == null || tbmj <= 0 ? null : kcmj / tbmj;
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
        return new OccupiedPatch(role, c.id(), text(full, FieldPurpose.PATCH_NUMBER), text(full, FieldPurpose.LAND_CLASS),
                text(full, FieldPurpose.LAND_CLASS_NAME), text(full, FieldPurpose.TENURE), text(full, FieldPurpose.OWNER),
                text(full, FieldPurpose.LOCATION), number(full, FieldPurpose.PATCH_AREA), occupied, c.area());
    }
}
