package cn.basinguard.core.check;

import cn.basinguard.core.GisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bottom-line targets (底线指标), read from a non-spatial table of the data or a targets file: one row per unit
 * and indicator, with target, measure, comparison and source clause.
 */
public final class TargetTable {
    /** Table names recognised as the targets table. */
    public static final List<String> NAMES = List.of("DXZB", "底线指标", "底线管控清单", "targets", "bottom_lines");

    private static final List<String> UNIT = List.of("DYMC", "单元名称", "UNIT", "单元");
    private static final List<String> CODE = List.of("ZBDM", "指标代码", "INDICATOR", "CODE");
    private static final List<String> NAME = List.of("ZBMC", "指标名称", "NAME");
    private static final List<String> VALUE = List.of("MBZ", "目标值", "TARGET", "VALUE");
    private static final List<String> MEASURE = List.of("JLDW", "计量单位", "UOM", "MEASURE");
    private static final List<String> COMPARISON = List.of("BJFS", "比较方式", "COMPARISON");
    private static final List<String> CLAUSE = List.of("LYTK", "来源条款", "CLAUSE", "SOURCE");
    private static final List<String> QUOTE = List.of("YWZL", "原文", "QUOTE");
    private static final List<String> CONFLICT = List.of("CTZ", "冲突组", "CONFLICT_GROUP");

    private final List<Target> targets;

    public TargetTable(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    public static TargetTable empty() {
        return new TargetTable(List.of());
    }

    /** Reads the rows of a targets table; {@code source} names it in messages. */
    public static TargetTable read(String source, List<SourceFeature> rows) {
        List<Target> out = new ArrayList<>();
        for (SourceFeature r : rows) {
            String unit = text(r, UNIT);
            String code = text(r, CODE);
            String value = text(r, VALUE);
            if (unit == null || code == null || value == null) {
                throw new GisException("check.targets.columns", source, r.fid());
            }
            double v;
            try {
                v = Double.parseDouble(value.trim().replace("%", ""));
            } catch (NumberFormatException e) {
                throw new GisException("check.targets.value", source, r.fid(), value);
            }
            Comparison cmp = Comparison.parse(text(r, COMPARISON));
            out.add(new Target(unit.trim(), code.trim(), orElse(text(r, NAME), code), v, orElse(text(r, MEASURE), ""),
                    cmp == null ? Comparison.AT_LEAST : cmp, orElse(text(r, CLAUSE), ""), orElse(text(r, QUOTE), ""),
                    blankToNull(text(r, CONFLICT))));
        }
        return new TargetTable(out);
    }

    /** The targets of one unit only (a check of that unit has no district row to hold the others against). */
    public TargetTable forUnitOnly(String unit) {
        return new TargetTable(forUnit(unit));
    }

    public List<Target> all() {
        return targets;
    }

    public List<Target> forUnit(String unit) {
        return targets.stream().filter(t -> t.unit().equals(unit)).toList();
    }

    /** Units named in the table that are none of {@code unitNames}: the district-wide rows. */
    public List<String> otherUnits(List<String> unitNames) {
        return targets.stream().map(Target::unit).filter(u -> !unitNames.contains(u)).distinct().toList();
    }

    private static String text(SourceFeature r, List<String> names) {
        for (String n : names) {
            for (Map.Entry<String, Object> e : r.attributes().entrySet()) {
                if (e.getKey().equalsIgnoreCase(n) && e.getValue() != null) {
                    return e.getValue().toString();
                }
            }
        }
        return null;
    }

    private static String orElse(String s, String other) {
        return s == null ? other : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
