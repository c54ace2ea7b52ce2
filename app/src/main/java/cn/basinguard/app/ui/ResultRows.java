package cn.basinguard.app.ui;

import cn.basinguard.core.check.ApproximateLayer;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.ConflictPatch;
import cn.basinguard.core.check.DataQualityIssue;
import cn.basinguard.core.check.IndicatorResult;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.SiteResult;
import cn.basinguard.core.check.UnitResult;
import cn.basinguard.core.check.Verdict;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.report.Figures;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The rows of the result tables, as text, made from the check report alone. Each row keeps the geometry it is about
 * (the overlap itself, not just the site), so that clicking it can show that place on the map.
 *
 * <p>A row is equal only to itself: a table cell compares its old and new row at every layout, and a record's own
 * equals compared geometries coordinate by coordinate and a site's whole result (~150 ms of the JavaFX thread while
 * the county's results were first shown). No two rows of a table are meant to be the same row anyway.
 */
final class ResultRows {
    private ResultRows() {
    }

    /**
     * @param approximate whether the measured figure depends on a layer moved into the grid without its seven
     *                    parameters (marked 近似 in the measured column, why in the row's tooltip)
     */
    record IndicatorRow(String unit, String indicator, String target, String measured, String difference, IndicatorResult.Status status,
                        String clause, Geometry geometry, boolean approximate) {
        /** Equal only to itself, see {@link ResultRows}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * A project site. Areas are unrounded m² (0 where a red line is not touched, NaN where the site was not measured),
     * shown in the unit the user picks.
     *
     * @param fails whether the verdict is anything but plain 符合
     * @param approximate whether the figures and verdict depend on a layer moved without its seven parameters (the
     *                    verdict is then marked 近似, and the reasons say why)
     * @param result the site's record, whose land-use and patch tables the window shows when the row is chosen
     */
    record SiteRow(String site, String units, double areaM2, double basicFarmlandM2, double ecoRedlineM2, double cultivatedM2,
                   Verdict.Level level, String verdict, boolean fails, String reasons, Geometry geometry, Geometry overlap,
                   boolean approximate, SiteResult result) {
        /** Equal only to itself, see {@link ResultRows}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A red-line conflict patch; its area in unrounded m². */
    record ConflictRow(String basicFarmland, String ecoRedline, String units, double areaM2, Geometry geometry) {
        /** Equal only to itself, see {@link ResultRows}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    record QualityRow(String kind, String layer, String feature, String detail, String handling) {
        /** Equal only to itself, see {@link ResultRows}. */
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Every table's rows; made on the checking thread, since a county's conflicts run to thousands of rows. */
    record Tables(List<IndicatorRow> indicators, List<SiteRow> sites, List<ConflictRow> conflicts, List<QualityRow> quality) {
    }

    static Tables of(CheckReport r) {
        return new Tables(indicators(r), sites(r), conflicts(r), quality(r));
    }

    static List<IndicatorRow> indicators(CheckReport r) {
        List<IndicatorRow> out = new ArrayList<>();
        for (UnitResult u : r.units()) {
            for (IndicatorResult i : u.indicators()) {
                boolean approximate = i.measured() != null && r.approximate(i);
                String m = i.measure();
                String name = i.target() != null ? i.target().name() : UiText.get("indicator." + i.indicator().name());
                String target = i.target() == null ? "—" : i.target().comparison().symbol() + Figures.figure(i.target().value(), m) + " " + m;
                out.add(new IndicatorRow(u.name(), name, target,
                        i.measured() == null ? "—" : Figures.figure(i.measured(), m) + " " + m + (approximate ? UiText.get("results.approximateMark") : ""),
                        i.difference() == null ? "—" : Figures.signed(i.difference(), m), i.status(),
                        i.target() == null ? "" : i.target().clause(), u.geometry(), approximate));
            }
        }
        return out;
    }

    static List<SiteRow> sites(CheckReport r) {
        List<SiteRow> out = new ArrayList<>();
        String note = approximateNote(r);
        for (SiteResult s : r.sites()) {
            Geometry overlap = null;
            for (LayerRole role : List.of(LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE, LayerRole.CULTIVATED)) {
                if (overlap == null && s.overlap(role) != null && s.overlap(role).geometry() != null) {
                    overlap = s.overlap(role).geometry();
                }
            }
            Verdict.Level level = s.verdict().level();
            boolean approximate = s.measured() && r.approximate(s);
            String reasons = String.join("\n", s.verdict().reasons());
            if (approximate) {
                reasons = reasons.isEmpty() ? note : reasons + "\n\n" + note;
            }
            out.add(new SiteRow(s.name(), String.join("、", s.unitNames()), s.measured() ? s.area().m2() : Double.NaN,
                    area(s, LayerRole.BASIC_FARMLAND),
                    area(s, LayerRole.ECO_REDLINE), area(s, LayerRole.CULTIVATED), level, Messages.get("verdict." + level.name()),
                    level != Verdict.Level.PASS, reasons, s.geometry(), overlap, approximate, s));
        }
        return out;
    }

    static List<ConflictRow> conflicts(CheckReport r) {
        List<ConflictRow> out = new ArrayList<>();
        for (ConflictPatch c : r.conflicts()) {
            out.add(new ConflictRow(c.basicFarmlandId(), c.ecoRedlineId(), String.join("、", c.units()), c.area().m2(), c.geometry()));
        }
        return out;
    }

    static List<QualityRow> quality(CheckReport r) {
        List<QualityRow> out = new ArrayList<>();
        for (DataQualityIssue d : r.dataQuality()) {
            out.add(new QualityRow(Messages.get("dq.kind." + d.kind().name()), d.source(), d.featureId() == null ? "" : d.featureId(),
                    d.detail() == null ? "" : d.detail(), Messages.get("dq.handling." + d.handling().name())));
        }
        return out;
    }

    /**
     * Why figures are marked 近似: each layer moved into the grid without its seven parameters, and how to give them,
     * as the sheets say it; empty when there is none.
     */
    static String approximateNote(CheckReport r) {
        boolean en = Messages.locale().getLanguage().equals("en");
        List<String> notes = new ArrayList<>();
        for (ApproximateLayer a : r.approximateLayers()) {
            notes.add(Messages.get("sheet.approximate", a.source(), en ? a.crsEn() : a.crsZh()));
        }
        return String.join("\n", notes);
    }

    /** The overlap with one red line in m², 0 when there is none, NaN (shown as a dash) when the site was not measured. */
    private static double area(SiteResult s, LayerRole role) {
        if (!s.measured()) {
            return Double.NaN; // outside the checks' extent: not measured, and a 0 would read as "no overlap"
        }
        var o = s.overlap(role);
        return o == null || o.area().isZero() ? 0 : o.area().m2();
    }
}
