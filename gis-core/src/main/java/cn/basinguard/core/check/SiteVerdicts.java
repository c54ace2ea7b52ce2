package cn.basinguard.core.check;

import cn.basinguard.core.measure.AreaUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies the {@link SiteRule} table to a site's overlaps. */
final class SiteVerdicts {
    private SiteVerdicts() {
    }

    static Verdict decide(Map<LayerRole, Overlap> overlaps, CheckParameters parameters) {
        List<SiteRule> rules = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        MeasuredArea bf = areaOf(overlaps, LayerRole.BASIC_FARMLAND);
        MeasuredArea eco = areaOf(overlaps, LayerRole.ECO_REDLINE);
        // permanent basic farmland lies inside cultivated land: R3 is about the cultivated land outside it
        MeasuredArea otherCultivated = areaOf(overlaps, LayerRole.CULTIVATED).minus(bf);
        add(rules, reasons, SiteRule.BASIC_FARMLAND_OCCUPIED, bf, parameters);
        add(rules, reasons, SiteRule.ECO_REDLINE_OCCUPIED, eco, parameters);
        add(rules, reasons, SiteRule.CULTIVATED_OCCUPIED, otherCultivated, parameters);
        if (rules.isEmpty()) {
            rules.add(SiteRule.CLEAR);
            reasons.add(SiteRule.CLEAR.reason("0", "0"));
        }
        return new Verdict(rules.get(0).level(), rules, reasons);
    }

    private static void add(List<SiteRule> rules, List<String> reasons, SiteRule rule, MeasuredArea a, CheckParameters p) {
        if (a.m2() > p.minOverlapM2()) {
            rules.add(rule);
            reasons.add(rule.reason(AreaUnits.format(AreaUnits.squareMetres(a.m2())), AreaUnits.format(AreaUnits.mu(a.m2(), 2))));
        }
    }

    private static MeasuredArea areaOf(Map<LayerRole, Overlap> overlaps, LayerRole role) {
        Overlap o = overlaps.get(role);
        return o == null ? MeasuredArea.ZERO : o.area();
    }
}
