package cn.basinguard.core.check;

import cn.basinguard.core.measure.AreaUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a unit's measured figures against its targets. A figure is compared as it is shown — areas in 万亩 or km²
 * to 2 decimals, rates to 1 decimal, counts exactly — so that a planner reading "31.26 ≥ 31.26" sees the status the
 * program gives.
 */
final class Indicators {
    private Indicators() {
    }

    /** What was measured in one unit (or the district). */
    record Figures(Map<LayerRole, MeasuredArea> areas, Map<String, Integer> reservoirs, List<SectionResult> sections,
                   Set<LayerRole> present) {
    }

    static List<IndicatorResult> evaluate(List<Target> targets, Figures fig) {
        List<IndicatorResult> out = new ArrayList<>();
        Set<Indicator> targeted = new java.util.HashSet<>();
        for (Target t : targets) {
            Indicator ind = Indicator.fromCode(t.indicator());
            if (ind != null) {
                targeted.add(ind);
            }
            out.add(evaluate(t, ind, fig));
        }
        // measured areas without a target are still shown, so a unit's sheet always has its three land figures
        for (Indicator ind : List.of(Indicator.CULTIVATED_AREA, Indicator.BASIC_FARMLAND_AREA, Indicator.ECO_REDLINE_AREA)) {
            if (!targeted.contains(ind) && fig.present().contains(ind.role())) {
                double m = roundForDisplay(AreaUnits.toWanMu(fig.areas().getOrDefault(ind.role(), MeasuredArea.ZERO).m2()), "万亩");
                out.add(new IndicatorResult(ind, null, m, "万亩", null, IndicatorResult.Status.NO_TARGET));
            }
        }
        return out;
    }

    private static IndicatorResult evaluate(Target t, Indicator ind, Figures fig) {
        Double raw = ind == null || !fig.present().contains(ind.role()) ? null : measure(ind, t, fig);
        if (raw == null) {
            return new IndicatorResult(ind, t, null, t.measure(), null, IndicatorResult.Status.NO_DATA);
        }
        double shown = roundForDisplay(raw, t.measure());
        double diff = roundForDisplay(shown - t.value(), t.measure());
        boolean holds = ind.name().endsWith("_RATE") ? shown >= t.value() : t.comparison().holds(shown, t.value());
        return new IndicatorResult(ind, t, shown, t.measure(), diff, holds ? IndicatorResult.Status.PASS : IndicatorResult.Status.FAIL);
    }

    /** The figure in the target's measure, unrounded; null when the measure is not one the checks know. */
    private static Double measure(Indicator ind, Target t, Figures fig) {
        String measure = t.measure();
        if (ind.isArea()) {
            double m2 = fig.areas().getOrDefault(ind.role(), MeasuredArea.ZERO).m2();
            return switch (measure.trim()) {
                case "万亩" -> AreaUnits.toWanMu(m2);
                case "亩" -> AreaUnits.toMu(m2);
                case "公顷", "ha" -> AreaUnits.toHectares(m2);
                case "平方公里", "km²", "km2" -> m2 / 1e6;
                case "平方米", "m²", "m2" -> m2;
                default -> null;
            };
        }
        return switch (ind) {
            case MEDIUM_RESERVOIRS -> (double) fig.reservoirs().getOrDefault("中型", 0);
            case SMALL_RESERVOIRS -> (double) fig.reservoirs().getOrDefault("小型", 0);
            case NATIONAL_SECTION_RATE, PROVINCIAL_SECTION_RATE, CITY_SECTION_RATE -> lowestRate(sectionsOf(t, ind, fig));
            case NATIONAL_SECTION_COUNT, PROVINCIAL_SECTION_COUNT, CITY_SECTION_COUNT -> (double) sectionsOf(t, ind, fig).size();
            default -> null;
        };
    }

    /**
     * The sections a target speaks of: those of its control level that the target names ("市控断面优良率（漂水河出境、
     * 浆溪店河出境）"), or every section of that level in the unit when it names none. So the document's conflicting
     * section lists are each checked against the sections they list.
     */
    static List<SectionResult> sectionsOf(Target t, Indicator ind, Figures fig) {
        List<SectionResult> level = fig.sections().stream().filter(s -> s.level() == ind.sectionLevel()).toList();
        String words = t.name() + " " + t.quote();
        List<SectionResult> named = level.stream().filter(s -> s.name() != null && words.contains(stripSuffix(s.name()))).toList();
        return named.isEmpty() ? level : named;
    }

    private static String stripSuffix(String sectionName) {
        return sectionName.endsWith("断面") ? sectionName.substring(0, sectionName.length() - 2) : sectionName;
    }

    /**
     * "N个断面水质监测点位优良率不低于90%" holds when every listed section holds it, so the figure held against the
     * target is the lowest section rate: one failing section fails the line, as a planner reads the clause.
     */
    private static Double lowestRate(List<SectionResult> sections) {
        Double lowest = null;
        for (SectionResult s : sections) {
            if (s.ratePercent() != null && (lowest == null || s.ratePercent() < lowest)) {
                lowest = s.ratePercent();
            }
        }
        return lowest;
    }

    static double roundForDisplay(double value, String measure) {
        return AreaUnits.asShown(value, measure).doubleValue();
    }
}
