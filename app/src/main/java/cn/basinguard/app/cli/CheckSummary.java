package cn.basinguard.app.cli;

import cn.basinguard.core.check.ApproximateLayer;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DataQualityIssue;
import cn.basinguard.core.check.IndicatorResult;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.SiteResult;
import cn.basinguard.core.check.SiteRule;
import cn.basinguard.core.check.UnitResult;
import cn.basinguard.core.check.Verdict;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.report.Figures;
import java.io.PrintStream;
import java.util.List;

/** The short human summary that `basinguard check` prints; every figure comes from the {@link CheckReport}. */
final class CheckSummary {
    private static final int MAX_ISSUES = 10;

    private CheckSummary() {
    }

    static void print(CheckReport r, PrintStream out) {
        boolean en = Messages.locale().getLanguage().equals("en");
        out.println(CliText.get("check.header", en ? r.grid().nameEn() : r.grid().nameZh()));
        for (ApproximateLayer a : r.approximateLayers()) {
            out.println(CliText.get("check.approximate", a.source(), en ? a.crsEn() : a.crsZh()));
        }
        if (!r.units().isEmpty()) {
            out.println();
            out.println(CliText.get("check.units"));
            for (UnitResult u : r.units()) {
                unit(u, out, r);
            }
        }
        if (!r.sites().isEmpty()) {
            out.println();
            long fail = r.sites().stream().filter(s -> s.verdict().level() == Verdict.Level.FAIL).count();
            long cond = r.sites().stream().filter(s -> s.verdict().level() == Verdict.Level.CONDITIONAL).count();
            long pass = r.sites().stream().filter(s -> s.verdict().level() == Verdict.Level.PASS).count();
            out.println(CliText.get("check.sites", r.sites().size(), fail, cond, pass, r.sites().size() - fail - cond - pass));
            for (SiteResult s : r.sites()) {
                site(s, r.approximate(s) ? approximate(out) : out);
            }
        }
        out.println();
        (r.conflictsApproximate() ? approximate(out) : out).println(CliText.get("check.conflicts", r.conflicts().size(), Figures.m2Text(r.conflictTotal().m2()), Figures.muText(r.conflictTotal().m2())));
        out.println();
        out.println(CliText.get("check.quality", r.dataQuality().size()));
        List<DataQualityIssue> shown = r.dataQuality().subList(0, Math.min(MAX_ISSUES, r.dataQuality().size()));
        for (DataQualityIssue d : shown) {
            out.println("  " + d.describe());
        }
        if (r.dataQuality().size() > shown.size()) {
            out.println("  " + CliText.get("check.quality.more", r.dataQuality().size() - shown.size()));
        }
    }

    /** Marks each line printed through it with ≈: its figures depend on a layer moved only approximately. */
    private static PrintStream approximate(PrintStream target) {
        return new PrintStream(target, true, java.nio.charset.StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                target.println(line.replaceFirst("^(\\s*)", "$1≈"));
            }
        };
    }

    private static void unit(UnitResult u, PrintStream out, CheckReport r) {
        String verdict = u.holdsAll() ? CliText.get("check.unit.holds") : CliText.get("check.unit.fails");
        out.println(CliText.get("check.unit", u.name(), Figures.wanMuText(u.area().m2()), verdict));
        for (LayerRole role : List.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE)) {
            if (u.roleAreas().containsKey(role)) {
                double m2 = u.areaOf(role).m2();
                (r.approximate(LayerRole.UNITS, role) ? approximate(out) : out).println(CliText.get("check.unit.area",
                        CliText.get("role." + role.key()), Figures.wanMuText(m2), Figures.muText(m2), Figures.m2Text(m2),
                        Figures.m2Text(u.areaOf(role).planarM2())));
            }
        }
        for (IndicatorResult i : u.indicators()) {
            if (i.target() == null) {
                continue;
            }
            String m = i.measure();
            (r.approximate(i) ? approximate(out) : out).println(CliText.get("check.indicator", i.target().name(), i.target().comparison().symbol(), Figures.figure(i.target().value(), m),
                    m, i.measured() == null ? "—" : Figures.figure(i.measured(), m), i.difference() == null ? "—" : Figures.signed(i.difference(), m),
                    CliText.get("status." + i.status().name()), i.target().clause()));
        }
    }

    private static void site(SiteResult s, PrintStream out) {
        String verdict = Messages.get("verdict." + s.verdict().level().name());
        if (s.measured()) {
            out.println(CliText.get("check.site", s.name(), verdict, String.join("、", s.unitNames()), Figures.m2Text(s.area().m2())));
        } else {
            out.println(CliText.get("check.site.notMeasured", s.name(), verdict));
        }
        for (LayerRole role : List.of(LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE, LayerRole.CULTIVATED)) {
            var o = s.overlap(role);
            if (o != null && !o.area().isZero()) {
                out.println(CliText.get("check.site.overlap", CliText.get("role." + role.key()), Figures.m2Text(o.area().m2()), Figures.muText(o.area().m2()),
                        o.patchIds().size()));
            }
        }
        // where it lies and what to check in its CRS: the one reason that is not a figure above
        int r4 = s.verdict().rules().indexOf(SiteRule.OUT_OF_SCOPE);
        if (r4 >= 0) {
            out.println(CliText.get("check.site.reason", s.verdict().reasons().get(r4)));
        }
    }
}
