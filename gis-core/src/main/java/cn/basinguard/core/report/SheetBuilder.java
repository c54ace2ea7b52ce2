package cn.basinguard.core.report;

import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.ConflictPatch;
import cn.basinguard.core.check.DataQualityIssue;
import cn.basinguard.core.check.GroupArea;
import cn.basinguard.core.check.HolderArea;
import cn.basinguard.core.check.LandClassArea;
import cn.basinguard.core.check.LandClassGroup;
import cn.basinguard.core.check.LandUseOccupation;
import cn.basinguard.core.check.MeasuredArea;
import cn.basinguard.core.check.OccupiedPatch;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.Overlap;
import cn.basinguard.core.check.SiteResult;
import cn.basinguard.core.check.UnitResult;
import cn.basinguard.core.check.UnitShare;
import cn.basinguard.core.check.Verdict;
import cn.basinguard.core.i18n.Messages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns a check report into the sheets' content. This is the only place that decides what a sheet says; the PDF,
 * XLSX and CSV writers print these records as they are.
 */
public final class SheetBuilder {
    private static final List<LayerRole> RED_LINES = List.of(LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE, LayerRole.CULTIVATED);
    private static final String DASH = "—";

    private final CheckReport report;
    private final String date;
    private final Fingerprint fingerprint;
    private final BottomLineTable bottomLines = new BottomLineTable();

    public SheetBuilder(CheckReport report, LocalDate date, Fingerprint fingerprint) {
        this.report = report;
        this.date = date.toString();
        this.fingerprint = fingerprint;
    }

    public List<ComplianceSheet> unitSheets() {
        return report.units().stream().filter(u -> !u.district()).map(this::unitSheet).toList();
    }

    public List<SiteReviewSheet> siteSheets() {
        return report.sites().stream().map(this::siteSheet).toList();
    }

    public ComplianceSheet unitSheet(UnitResult u) {
        List<SheetField> fields = new ArrayList<>();
        fields.add(field("unit", u.name()));
        fields.add(field("unitArea", Messages.get("sheet.area.m2", Figures.text(Figures.m2(u.area().m2())),
                Figures.text(Figures.mu(u.area().m2())), Figures.text(Figures.wanMu(u.area().m2())))));
        fields.add(field("result", Messages.get(u.holdsAll() ? "sheet.unit.holds" : "sheet.unit.fails")));
        fields.addAll(common());
        List<SiteResult> encroaching = report.sites().stream()
                .filter(s -> s.unitNames().contains(u.name()) && s.verdict().level() != Verdict.Level.PASS).toList();
        List<ConflictPatch> conflicts = report.conflicts().stream().filter(c -> c.units().contains(u.name())).toList();
        return new ComplianceSheet(Messages.get("sheet.unit.title"), u.name(), fields,
                bottomLines.table(Messages.get("sheet.table.bottomLines"), u, report::approximate), reservoirs(u), bottomLines.sections(u),
                sitesTable(Messages.get("sheet.table.sites"), encroaching, false), conflictTable(Messages.get("sheet.table.conflicts"), conflicts, false),
                SeedConflicts.notes(u.indicators()), quality(), unitMap(u, encroaching, conflicts), fingerprint);
    }

    public SiteReviewSheet siteSheet(SiteResult s) {
        List<SheetField> fields = new ArrayList<>();
        fields.add(field("site", s.name()));
        fields.add(field("siteId", s.id()));
        // a site outside the checks' extent was not measured: its figures are a dash, never a zero that reads as "none"
        fields.add(field("siteArea", !s.measured() ? DASH : Messages.get("sheet.area.m2", Figures.text(Figures.m2(s.area().m2())),
                Figures.text(Figures.mu(s.area().m2())), Figures.text(Figures.wanMu(s.area().m2())))));
        fields.add(field("verdict", verdictText(s.verdict()) + (report.approximate(s) ? Messages.get("sheet.approximateMark") : "")));
        fields.addAll(common());
        List<List<SheetCell>> overlaps = new ArrayList<>();
        for (LayerRole role : RED_LINES) {
            Overlap o = s.overlap(role);
            double m2 = o == null ? 0 : o.area().m2();
            List<String> ids = o == null ? List.of() : o.patchIds();
            overlaps.add(List.of(SheetCell.text(roleName(role)), overlapFigure(s, Figures.m2(m2)), overlapFigure(s, Figures.mu(m2)),
                    SheetCell.text(ids.isEmpty() ? DASH : String.join("、", ids))));
        }
        List<List<SheetCell>> units = new ArrayList<>();
        for (UnitShare share : s.units()) {
            double pct = s.area().m2() > 0 ? share.area().m2() / s.area().m2() * 100 : 0;
            units.add(List.of(SheetCell.text(share.unit()), SheetCell.number(Figures.m2(share.area().m2())),
                    SheetCell.number(Figures.mu(share.area().m2())), SheetCell.number(Figures.value(pct, "%"))));
        }
        List<List<SheetCell>> verdict = new ArrayList<>();
        for (int i = 0; i < s.verdict().rules().size(); i++) {
            var rule = s.verdict().rules().get(i);
            verdict.add(List.of(SheetCell.text(rule.id()), SheetCell.text(Messages.get("verdict." + rule.level().name())),
                    SheetCell.text(rule.basis()), SheetCell.text(i < s.verdict().reasons().size() ? s.verdict().reasons().get(i) : DASH)));
        }
        // after the verdict, what the site occupies of the land-use layer, then every patch it occupies
        List<SheetTable> occupation = new ArrayList<>();
        int n = 4;
        if (s.measured() && s.landUse() != null) {
            LandUseOccupation lu = s.landUse();
            occupation.add(landClassTable(caption("landClasses", n++), s, lu));
            occupation.add(groupTable(caption("landGroups", n++), lu));
            occupation.add(holderTable(caption("owners", n++), "owner", lu.owners(), lu.covered()));
            occupation.add(holderTable(caption("villages", n++), "village", lu.villages(), lu.covered()));
        }
        SheetTable patches = !s.measured() ? null : new SheetTable(caption("patches", n), PATCH_COLUMNS.get(), PATCH_WEIGHTS,
                s.patches().stream().map(SheetBuilder::patchRow).toList());
        return new SiteReviewSheet(Messages.get("sheet.site.title"), s.name(), fields,
                new SheetTable(Messages.get("sheet.table.overlaps"), cols("layer", "areaM2", "areaMu", "patches"), List.of(3, 3, 3, 6), overlaps),
                new SheetTable(Messages.get("sheet.table.units"), cols("unit", "areaM2", "areaMu", "share"), List.of(4, 3, 3, 3), units),
                new SheetTable(Messages.get("sheet.table.verdict"), cols("rule", "verdict", "basis", "reason"), List.of(1, 2, 4, 8), verdict),
                occupation, patches, siteMap(s), fingerprint);
    }

    /**
     * The site tables of every measured site as one table each, a project column first and no total rows, for the
     * workbook's filterable worksheets: land classes, three big classes, owners, villages (when a land-use layer was
     * read) and occupied patches.
     */
    public List<SheetTable> siteWorksheets() {
        List<SiteResult> measured = report.sites().stream().filter(SiteResult::measured).toList();
        if (measured.isEmpty()) {
            return List.of();
        }
        List<List<SheetCell>> classes = new ArrayList<>();
        List<List<SheetCell>> groups = new ArrayList<>();
        List<List<SheetCell>> owners = new ArrayList<>();
        List<List<SheetCell>> villages = new ArrayList<>();
        List<List<SheetCell>> patches = new ArrayList<>();
        for (SiteResult s : measured) {
            LandUseOccupation lu = s.landUse();
            if (lu != null) {
                lu.classes().forEach(c -> classes.add(withSite(s, landClassRow(c))));
                lu.groups().forEach(g -> groups.add(withSite(s, areaRow(g.group().label(), g.area()))));
                lu.owners().forEach(h -> owners.add(withSite(s, areaRow(holderName(h), h.area()))));
                lu.villages().forEach(h -> villages.add(withSite(s, areaRow(holderName(h), h.area()))));
            }
            s.patches().forEach(p -> patches.add(withSite(s, patchRow(p))));
        }
        List<SheetTable> out = new ArrayList<>();
        if (measured.stream().anyMatch(s -> s.landUse() != null)) {
            out.add(new SheetTable(Messages.get("sheet.xlsx.landClasses"), withSite(cols("dlbm", "dlmc", "landGroup", "areaM2", "areaHa", "areaMu")),
                    siteWeight(List.of(2, 3, 2, 3, 3, 3)), classes));
            out.add(new SheetTable(Messages.get("sheet.xlsx.landGroups"), withSite(cols("landGroup", "areaM2", "areaHa", "areaMu")),
                    siteWeight(List.of(4, 3, 3, 3)), groups));
            out.add(new SheetTable(Messages.get("sheet.xlsx.owners"), withSite(cols("owner", "areaM2", "areaHa", "areaMu")),
                    siteWeight(List.of(4, 3, 3, 3)), owners));
            out.add(new SheetTable(Messages.get("sheet.xlsx.villages"), withSite(cols("village", "areaM2", "areaHa", "areaMu")),
                    siteWeight(List.of(4, 3, 3, 3)), villages));
        }
        out.add(new SheetTable(Messages.get("sheet.xlsx.patches"), withSite(PATCH_COLUMNS.get()), siteWeight(PATCH_WEIGHTS), patches));
        return out;
    }

    private static final java.util.function.Supplier<List<String>> PATCH_COLUMNS = () -> cols("role", "patchId", "tbbh", "dlbm", "dlmc",
            "qsxz", "owner", "village", "tbmj", "yzmj", "yzmjMu", "yzb");
    /** Twelve columns on A4 portrait: a figure of 9 digits, a 4-character class name and an 8-character owner fit unwrapped. */
    private static final List<Integer> PATCH_WEIGHTS = List.of(5, 5, 3, 3, 4, 2, 6, 6, 5, 5, 4, 3);

    /** 四、 / "4." and the table's name. */
    private static String caption(String table, int number) {
        return Messages.get("sheet.table." + table, Messages.get("sheet.numeral." + number));
    }

    /**
     * The land-class lines, then the reconciliation: their total (the site's area the land-use patches cover), what
     * of it is counted twice where patches overlap (only when they do), the part no patch covers, the difference the
     * piece-by-piece ellipsoidal measurement leaves (only when it shows), and the site's area.
     */
    private static SheetTable landClassTable(String caption, SiteResult s, LandUseOccupation lu) {
        List<List<SheetCell>> rows = new ArrayList<>();
        lu.classes().forEach(c -> rows.add(landClassRow(c)));
        rows.add(summary(Messages.get("sheet.row.total"), lu.covered()));
        if (!lu.doubleCounted().isZero()) {
            rows.add(summary(Messages.get("sheet.row.doubleCounted"), lu.doubleCounted()));
        }
        rows.add(summary(Messages.get("sheet.row.outside"), lu.outside()));
        // a few hundredths of a m² a reviewer would see as a table that does not add up: its own line when it shows
        if (Figures.m2(lu.pieceDifference().m2()).signum() != 0) {
            rows.add(summary(Messages.get("sheet.row.pieceRounding"), lu.pieceDifference()));
        }
        rows.add(summary(Messages.get("sheet.row.siteArea"), s.area()));
        return new SheetTable(caption, cols("dlbm", "dlmc", "landGroup", "areaM2", "areaHa", "areaMu"), List.of(2, 5, 3, 3, 3, 3), rows);
    }

    private static List<SheetCell> landClassRow(LandClassArea c) {
        List<SheetCell> row = new ArrayList<>(List.of(SheetCell.text(c.dlbm().isEmpty() ? DASH : c.dlbm()),
                SheetCell.text(c.dlmc() == null ? DASH : c.dlmc()), SheetCell.text(c.group().label())));
        row.addAll(areaCells(c.area()));
        return row;
    }

    /** The three big classes (耕地 net of 田坎 under 农用地) and their total. */
    private static SheetTable groupTable(String caption, LandUseOccupation lu) {
        List<List<SheetCell>> rows = new ArrayList<>();
        for (GroupArea g : lu.groups()) {
            rows.add(areaRow(g.group().label(), g.area()));
            if (g.group() == LandClassGroup.AGRICULTURAL) {
                rows.add(areaRow(Messages.get("sheet.row.ofWhichCultivated"), lu.cultivated()));
            }
        }
        rows.add(areaRow(Messages.get("sheet.row.total"), lu.covered()));
        return new SheetTable(caption, cols("landGroup", "areaM2", "areaHa", "areaMu"), List.of(5, 3, 3, 3), rows);
    }

    private static SheetTable holderTable(String caption, String column, List<HolderArea> holders, MeasuredArea total) {
        List<List<SheetCell>> rows = new ArrayList<>();
        holders.forEach(h -> rows.add(areaRow(holderName(h), h.area())));
        rows.add(areaRow(Messages.get("sheet.row.total"), total));
        return new SheetTable(caption, cols(column, "areaM2", "areaHa", "areaMu"), List.of(5, 3, 3, 3), rows);
    }

    private static String holderName(HolderArea h) {
        return h.name() == null ? DASH : h.name();
    }

    private static List<SheetCell> patchRow(OccupiedPatch p) {
        return List.of(SheetCell.text(roleName(p.role())), SheetCell.text(p.id()), text(p.tbbh()), text(p.dlbm()), text(p.dlmc()),
                text(p.qsxz()), text(p.qsdwmc()), text(p.zldwmc()),
                p.tbmj() == null ? SheetCell.text(DASH) : SheetCell.number(Figures.m2(p.tbmj())),
                SheetCell.number(Figures.m2(p.area().m2())), SheetCell.number(Figures.mu(p.area().m2())),
                SheetCell.number(Figures.percent(p.share())));
    }

    private static SheetCell text(String s) {
        return SheetCell.text(s == null ? DASH : s);
    }

    /** A summary row of the land-class table: its label under the class names, then the area in m², 公顷 and 亩. */
    private static List<SheetCell> summary(String label, MeasuredArea a) {
        List<SheetCell> row = new ArrayList<>(List.of(SheetCell.text(""), SheetCell.text(label), SheetCell.text("")));
        row.addAll(areaCells(a));
        return row;
    }

    /** A label, then the area in m², 公顷 and 亩. */
    private static List<SheetCell> areaRow(String label, MeasuredArea a) {
        List<SheetCell> row = new ArrayList<>();
        row.add(SheetCell.text(label));
        row.addAll(areaCells(a));
        return row;
    }

    /** m² and 亩 to 2 decimals, 公顷 to 4, each rounded once from the unrounded m². */
    private static List<SheetCell> areaCells(MeasuredArea a) {
        return List.of(SheetCell.number(Figures.m2(a.m2())), SheetCell.number(Figures.hectares(a.m2())), SheetCell.number(Figures.mu(a.m2())));
    }

    private static <T> List<T> withSite(List<T> row, T site) {
        List<T> out = new ArrayList<>();
        out.add(site);
        out.addAll(row);
        return out;
    }

    private static List<SheetCell> withSite(SiteResult s, List<SheetCell> row) {
        return withSite(row, SheetCell.text(s.name()));
    }

    private static List<String> withSite(List<String> header) {
        return withSite(header, Messages.get("sheet.col.site"));
    }

    private static List<Integer> siteWeight(List<Integer> weights) {
        return withSite(weights, 4);
    }

    public DistrictSummarySheet districtSheet() {
        List<List<SheetCell>> units = new ArrayList<>();
        UnitResult district = null;
        for (UnitResult u : report.units()) {
            if (u.district()) {
                district = u;
            }
            long pass = u.indicators().stream().filter(i -> i.status() == cn.basinguard.core.check.IndicatorResult.Status.PASS).count();
            long fail = u.indicators().stream().filter(i -> i.status() == cn.basinguard.core.check.IndicatorResult.Status.FAIL).count();
            units.add(List.of(SheetCell.text(u.name()), SheetCell.number(Figures.wanMu(u.area().m2())),
                    wanMu(u, LayerRole.CULTIVATED), wanMu(u, LayerRole.BASIC_FARMLAND), wanMu(u, LayerRole.ECO_REDLINE),
                    SheetCell.text(pass + "/" + fail), SheetCell.text(Messages.get(u.holdsAll() ? "sheet.unit.holds" : "sheet.unit.fails"))));
        }
        List<SheetField> fields = new ArrayList<>(common());
        String caption = Messages.get("sheet.table.districtTargets");
        SheetTable targets = district == null
                ? new SheetTable(caption, cols("indicator"), List.of(1), List.of())
                : bottomLines.table(caption, district, report::approximate);
        List<cn.basinguard.core.check.IndicatorResult> all = report.units().stream().flatMap(u -> u.indicators().stream()).toList();
        return new DistrictSummarySheet(Messages.get("sheet.district.title"), district == null ? Messages.get("sheet.district.title") : district.name(),
                fields,
                new SheetTable(Messages.get("sheet.table.unitSummary"),
                        cols("unit", "unitArea", "cultWanMu", "bfWanMu", "ecoWanMu", "passFail", "result"), List.of(3, 2, 2, 2, 2, 2, 3), units),
                targets, sitesTable(Messages.get("sheet.table.allSites"), report.sites(), true),
                conflictTable(Messages.get("sheet.table.allConflicts"), report.conflicts(), true),
                SeedConflicts.notes(all), quality(), fingerprint);
    }

    private List<SheetField> common() {
        List<SheetField> f = new ArrayList<>();
        f.add(field("date", date));
        f.add(field("files", String.join("、", fingerprint.files().stream().map(Fingerprint.FileHash::name).toList())));
        // the role lines only: the files are listed (by name) above, and a full path would tie the sheet to one PC
        f.add(field("layers", String.join("；", report.inputs().stream().filter(i -> i.contains(" = ")).toList())));
        f.add(field("grid", Messages.locale().getLanguage().equals("en") ? report.grid().nameEn() : report.grid().nameZh()));
        f.add(field("fingerprint", fingerprint.shortHash()));
        return f;
    }

    private SheetTable reservoirs(UnitResult u) {
        List<List<SheetCell>> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : u.reservoirs().entrySet()) {
            rows.add(List.of(SheetCell.text(e.getKey()), SheetCell.number(BigDecimal.valueOf(e.getValue()))));
        }
        return new SheetTable(Messages.get("sheet.table.reservoirs"), cols("class", "count"), List.of(1, 1), rows);
    }

    private static SheetTable sitesTable(String caption, List<SiteResult> sites, boolean withUnits) {
        List<List<SheetCell>> rows = new ArrayList<>();
        for (SiteResult s : sites) {
            List<SheetCell> row = new ArrayList<>();
            row.add(SheetCell.text(s.name()));
            row.add(SheetCell.text(Messages.get("verdict." + s.verdict().level().name())));
            if (withUnits) {
                row.add(SheetCell.text(String.join("、", s.unitNames())));
            }
            for (LayerRole role : RED_LINES) {
                Overlap o = s.overlap(role);
                row.add(overlapFigure(s, Figures.m2(o == null ? 0 : o.area().m2())));
            }
            rows.add(row);
        }
        return withUnits
                ? new SheetTable(caption, cols("site", "verdict", "units", "bfM2", "ecoM2", "cultM2"), List.of(6, 3, 3, 3, 3, 3), rows)
                : new SheetTable(caption, cols("site", "verdict", "bfM2", "ecoM2", "cultM2"), List.of(6, 3, 3, 3, 3), rows);
    }

    /** An overlap figure of a site; a dash for a site not measured. */
    private static SheetCell overlapFigure(SiteResult s, BigDecimal figure) {
        return s.measured() ? SheetCell.number(figure) : SheetCell.text(DASH);
    }

    private static SheetTable conflictTable(String caption, List<ConflictPatch> patches, boolean withUnits) {
        List<List<SheetCell>> rows = new ArrayList<>();
        for (ConflictPatch c : patches) {
            List<SheetCell> row = new ArrayList<>();
            row.add(SheetCell.text(c.basicFarmlandId()));
            row.add(SheetCell.text(c.ecoRedlineId()));
            if (withUnits) {
                row.add(SheetCell.text(String.join("、", c.units())));
            }
            row.add(SheetCell.number(Figures.m2(c.area().m2())));
            row.add(SheetCell.number(Figures.mu(c.area().m2())));
            rows.add(row);
        }
        return withUnits
                ? new SheetTable(caption, cols("bfId", "ecoId", "units", "areaM2", "areaMu"), List.of(4, 4, 3, 3, 3), rows)
                : new SheetTable(caption, cols("bfId", "ecoId", "areaM2", "areaMu"), List.of(4, 4, 3, 3), rows);
    }

    /** The notes on figures that are approximate (first), then every data-quality finding. */
    private List<String> quality() {
        List<String> out = new ArrayList<>();
        boolean en = Messages.locale().getLanguage().equals("en");
        for (var a : report.approximateLayers()) {
            out.add(Messages.get("sheet.approximate", a.source(), en ? a.crsEn() : a.crsZh()));
        }
        report.dataQuality().stream().map(DataQualityIssue::describe).map(d -> Messages.get("sheet.quality", d)).forEach(out::add);
        return out;
    }

    private SheetMap unitMap(UnitResult u, List<SiteResult> sites, List<ConflictPatch> conflicts) {
        if (u.geometry() == null) {
            return null;
        }
        List<SheetMap.Layer> layers = new ArrayList<>();
        layers.add(layer(SheetMap.Kind.UNIT, List.of(u.geometry())));
        layers.add(layer(SheetMap.Kind.SITE, sites.stream().map(SiteResult::geometry).toList()));
        addOverlaps(layers, sites);
        layers.add(layer(SheetMap.Kind.CONFLICT, conflicts.stream().map(ConflictPatch::geometry).toList()));
        return new SheetMap(u.geometry().getEnvelopeInternal(), layers);
    }

    private SheetMap siteMap(SiteResult s) {
        if (s.geometry() == null) {
            return null;
        }
        Envelope e = new Envelope(s.geometry().getEnvelopeInternal());
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.25 + 50);
        List<Geometry> units = report.units().stream().filter(u -> !u.district() && s.unitNames().contains(u.name()))
                .map(UnitResult::geometry).filter(Objects::nonNull).toList();
        List<SheetMap.Layer> layers = new ArrayList<>();
        layers.add(layer(SheetMap.Kind.UNIT, units));
        layers.add(layer(SheetMap.Kind.SITE, List.of(s.geometry())));
        addOverlaps(layers, List.of(s));
        return new SheetMap(e, layers);
    }

    private static void addOverlaps(List<SheetMap.Layer> layers, List<SiteResult> sites) {
        for (LayerRole role : List.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE)) {
            List<Geometry> g = sites.stream().map(s -> s.overlap(role)).filter(o -> o != null && o.geometry() != null && !o.area().isZero())
                    .map(Overlap::geometry).toList();
            layers.add(layer(SheetMap.Kind.valueOf(role.name()), g));
        }
    }

    private static SheetMap.Layer layer(SheetMap.Kind kind, List<Geometry> geometries) {
        return new SheetMap.Layer(kind, Messages.get("sheet.map.legend." + kind.name()),
                geometries.stream().filter(g -> g != null && !g.isEmpty()).toList());
    }

    private static SheetCell wanMu(UnitResult u, LayerRole role) {
        return u.roleAreas().containsKey(role) ? SheetCell.number(Figures.wanMu(u.areaOf(role).m2())) : SheetCell.text(DASH);
    }

    static String verdictText(Verdict v) {
        return Messages.get("verdict." + v.level().name()) + "（"
                + String.join("、", v.rules().stream().map(cn.basinguard.core.check.SiteRule::id).toList()) + "）";
    }

    static String roleName(LayerRole role) {
        return Messages.get("sheet.role." + role.key());
    }

    private static SheetField field(String key, String value) {
        return new SheetField(Messages.get("sheet.field." + key), value == null ? DASH : value);
    }

    static List<String> cols(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> Messages.get("sheet.col." + k)).toList();
    }
}
