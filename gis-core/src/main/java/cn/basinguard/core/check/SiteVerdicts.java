package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.measure.AreaUnits;
import cn.basinguard.core.measure.GroundDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the {@link SiteRule} table to a site's overlaps and scope. Rules are listed most severe first, so the
 * first decides: a site partly outside the extent that occupies permanent basic farmland is 不符合 all the same, but
 * one that only touches cultivated land (or nothing) inside is 未核查 — the part outside may hold anything.
 */
final class SiteVerdicts {
    private SiteVerdicts() {
    }

    /**
     * @param overlaps the site's overlaps (empty when it was not measured)
     * @param own the CRS the site was read in, for the R4 reason
     */
    static Verdict decide(Map<LayerRole, Overlap> overlaps, SiteScope scope, Crs own, CheckParameters parameters) {
        List<SiteRule> rules = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        MeasuredArea bf = areaOf(overlaps, LayerRole.BASIC_FARMLAND);
        MeasuredArea eco = areaOf(overlaps, LayerRole.ECO_REDLINE);
        // permanent basic farmland lies inside cultivated land: R3 is about the cultivated land outside it
        MeasuredArea otherCultivated = areaOf(overlaps, LayerRole.CULTIVATED).minus(bf);
        add(rules, reasons, SiteRule.BASIC_FARMLAND_OCCUPIED, bf, parameters);
        add(rules, reasons, SiteRule.ECO_REDLINE_OCCUPIED, eco, parameters);
        if (scope.status() != SiteScope.Status.INSIDE) {
            rules.add(SiteRule.OUT_OF_SCOPE);
            reasons.add(scopeReason(scope, own));
        }
        add(rules, reasons, SiteRule.CULTIVATED_OCCUPIED, otherCultivated, parameters);
        if (rules.isEmpty()) {
            rules.add(SiteRule.CLEAR);
            reasons.add(SiteRule.CLEAR.reason("0", "0"));
        }
        return new Verdict(rules.get(0).level(), rules, reasons);
    }

    /** The R4 reason: where the site lies and how far from the data, then what to check in its CRS. */
    static String scopeReason(SiteScope scope, Crs own) {
        if (scope.basis() == SiteScope.Basis.NONE) {
            return Messages.get("rule.R4.reason.noData");
        }
        String extent = Messages.get("scope.basis." + scope.basis().name());
        String reason;
        if (scope.status() == SiteScope.Status.PARTLY_OUTSIDE) {
            reason = Messages.get("rule.R4.reason.partly", extent);
        } else if (scope.lon() == null) {
            reason = Messages.get("rule.R4.reason.noPosition", extent, CrsHint.crsName(own));
        } else if (scope.distanceM() == null) {
            reason = Messages.get("rule.R4.reason.where", extent, place(scope.lon(), scope.lat()));
        } else {
            reason = Messages.get("rule.R4.reason.far", extent, GroundDistance.kilometresText(scope.distanceM()), place(scope.lon(), scope.lat()));
        }
        return scope.hint() == null ? reason : reason + scope.hint().text(own);
    }

    /** 东经 113.40°、北纬 31.70° — hemispheres named, two decimals (about a kilometre): where to look on a map. */
    static String place(double lon, double lat) {
        String ew = Messages.get(lon < 0 ? "scope.west" : "scope.east", String.format(Locale.ROOT, "%.2f", Math.abs(lon)));
        String ns = Messages.get(lat < 0 ? "scope.south" : "scope.north", String.format(Locale.ROOT, "%.2f", Math.abs(lat)));
        return Messages.get("scope.place", ew, ns);
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
