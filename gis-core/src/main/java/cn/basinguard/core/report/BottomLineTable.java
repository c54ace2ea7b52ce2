package cn.basinguard.core.report;

import cn.basinguard.core.check.IndicatorResult;
import cn.basinguard.core.check.SectionResult;
import cn.basinguard.core.check.Target;
import cn.basinguard.core.check.UnitResult;
import cn.basinguard.core.check.WaterClass;
import cn.basinguard.core.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/** The bottom-line and section tables of a unit (also the district row), figures rounded by {@link Figures}. */
final class BottomLineTable {
    private static final String DASH = "—";

    /** @param approximate whether an indicator's figure depends on a layer moved only approximately (marked in its status) */
    SheetTable table(String caption, UnitResult u, java.util.function.Predicate<IndicatorResult> approximate) {
        List<List<SheetCell>> rows = new ArrayList<>();
        for (IndicatorResult i : u.indicators()) {
            Target t = i.target();
            String measure = t != null ? t.measure() : i.measure();
            String name = t != null ? t.name() : (i.indicator() != null ? i.indicator().code() : DASH);
            SheetCell target = SheetCell.text(t == null ? DASH : t.comparison().symbol() + Figures.figure(t.value(), measure) + " " + measure);
            SheetCell measured = i.measured() == null ? SheetCell.text(DASH)
                    : new SheetCell(Figures.figure(i.measured(), measure) + " " + measure, Figures.value(i.measured(), measure));
            SheetCell mu = i.indicator() != null && i.indicator().isArea() && u.roleAreas().containsKey(i.indicator().role())
                    ? SheetCell.number(Figures.mu(u.areaOf(i.indicator().role()).m2())) : SheetCell.text(DASH);
            SheetCell diff = i.difference() == null ? SheetCell.text(DASH)
                    : new SheetCell(Figures.signed(i.difference(), measure), Figures.value(i.difference(), measure));
            rows.add(List.of(SheetCell.text(name), target, SheetCell.text(t == null ? DASH : t.clause()), measured, mu, diff,
                    SheetCell.text(Messages.get("sheet.status." + i.status().name())
                            + (approximate.test(i) ? Messages.get("sheet.approximateMark") : ""))));
        }
        return new SheetTable(caption, SheetBuilder.cols("indicator", "target", "clause", "measured", "measuredMu", "difference", "status"),
                List.of(6, 3, 5, 3, 3, 2, 2), rows);
    }

    SheetTable sections(UnitResult u) {
        List<List<SheetCell>> rows = new ArrayList<>();
        for (SectionResult s : u.sections()) {
            WaterClass latest = s.latest();
            rows.add(List.of(SheetCell.text(s.name()), SheetCell.text(s.level().zh()), SheetCell.text(latest == null ? DASH : latest.label()),
                    SheetCell.text(s.goodReadings() + "/" + s.totalReadings()),
                    s.ratePercent() == null ? SheetCell.text(DASH) : SheetCell.number(Figures.value(s.ratePercent(), "%")),
                    s.targetPercent() == null ? SheetCell.text(DASH)
                            : SheetCell.text(s.comparison().symbol() + Figures.figure(s.targetPercent(), "%")),
                    SheetCell.text(Messages.get("sheet.status." + s.status().name()))));
        }
        return new SheetTable(Messages.get("sheet.table.sections"),
                SheetBuilder.cols("section", "level", "latest", "readings", "rate", "targetRate", "status"), List.of(4, 2, 2, 2, 2, 2, 2), rows);
    }
}
