package cn.basinguard.core.check;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.DatumFamily;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.i18n.Messages;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * Runs all checks: bottom lines per unit, encroachment per project site, the basic-farmland / red-line conflict and
 * data quality. Every layer is first brought into one CGCS2000 Gauss–Krüger grid (that of the units, or the 3° zone
 * of the data's centre), where the ellipsoidal area by 32号 and the planar grid area are both computed.
 */
public final class CheckEngine {
    private final CheckParameters parameters;

    public CheckEngine(CheckParameters parameters) {
        this.parameters = parameters;
    }

    public CheckReport run(CheckInput input, Progress progress) {
        RoleLayer anchor = anchor(input);
        if (anchor == null) {
            throw new GisException("check.noUnitsNoSites");
        }
        AreaMeter meter = new AreaMeter(workingGrid(anchor));
        List<DataQualityIssue> issues = new ArrayList<>(input.readIssues());
        LayerPreparer preparer = new LayerPreparer(meter);
        Map<LayerRole, WorkingLayer> layers = new EnumMap<>(LayerRole.class);
        for (Map.Entry<LayerRole, RoleLayer> e : input.layers().entrySet()) {
            if (e.getKey() != LayerRole.SITES) {
                progress.checkCancelled();
                progress.stage(Messages.get("check.stage.prepare", e.getValue().source()), 1);
                layers.put(e.getKey(), preparer.prepare(e.getValue(), issues::add));
            }
        }
        CheckScope scope = CheckScope.of(layers, meter.grid());

        List<NamedUnit> units = layers.containsKey(LayerRole.UNITS) ? UnitCatalog.build(layers.get(LayerRole.UNITS), meter) : List.of();
        // sites come last, as they always did, so data-quality issues keep their order
        RoleLayer siteLayer = input.layer(LayerRole.SITES);
        List<EncroachmentCheck.Placed> placed = null;
        if (siteLayer != null) {
            progress.checkCancelled();
            progress.stage(Messages.get("check.stage.prepare", siteLayer.source()), 1);
            placed = place(siteLayer, scope, preparer, issues);
        }
        List<UnitResult> unitResults = units.isEmpty() ? List.of()
                : baseline(layers, units, input.targets(), meter, progress, issues, input.area() == null);

        List<SiteResult> sites = List.of();
        if (placed != null) {
            progress.stage(Messages.get("check.stage.index"), 1);
            // built up front, one layer per core, rather than lazily under a lock that leaves the other core idle
            EncroachmentCheck.RED_LINES.parallelStream().map(layers::get).filter(java.util.Objects::nonNull).forEach(WorkingLayer::buildIndex);
            progress.stage(Messages.get("check.stage.sites"), placed.size());
            sites = new EncroachmentCheck(meter, parameters, scope).run(placed, siteLayer.crs(), layers, units, progress);
        }

        List<ConflictPatch> conflicts = List.of();
        if (layers.containsKey(LayerRole.BASIC_FARMLAND) && layers.containsKey(LayerRole.ECO_REDLINE)) {
            WorkingLayer bf = layers.get(LayerRole.BASIC_FARMLAND);
            progress.stage(Messages.get("check.stage.conflicts"), bf.features().size());
            conflicts = new RedLineConflictCheck(meter, parameters).run(bf, layers.get(LayerRole.ECO_REDLINE), units, progress);
        }
        MeasuredArea conflictTotal = MeasuredArea.ZERO;
        for (ConflictPatch c : conflicts) {
            conflictTotal = conflictTotal.plus(c.area());
        }
        List<String> inputs = new ArrayList<>(input.inputs());
        for (RoleLayer l : input.layers().values()) {
            inputs.add(l.role().key() + " = " + l.source());
        }
        List<ApproximateLayer> approximate = new ArrayList<>();
        for (RoleLayer l : input.layers().values()) {
            if (l.crs() != null && GeometryTransformer.datumShift(l.crs(), meter.grid()) == cn.basinguard.core.crs.DatumShift.APPROXIMATE) {
                approximate.add(new ApproximateLayer(l.role(), l.source(), l.crs().nameZh(), l.crs().nameEn()));
            }
        }
        return new CheckReport(inputs, meter.grid(), parameters, unitResults, sites, conflicts, conflictTotal, issues, approximate);
    }

    /**
     * @param wholeData false when the input was cut to one unit: then patches that only touch it are no data-quality
     *                  finding, and there is no district row
     */
    private List<UnitResult> baseline(Map<LayerRole, WorkingLayer> layers, List<NamedUnit> units, TargetTable targets,
                                      AreaMeter meter, Progress progress, List<DataQualityIssue> issues, boolean wholeData) {
        int n = units.size();
        List<Map<LayerRole, MeasuredArea>> areas = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            areas.add(new EnumMap<>(LayerRole.class));
        }
        UnitClipper clipper = new UnitClipper(parameters);
        for (LayerRole role : List.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE)) {
            WorkingLayer l = layers.get(role);
            if (l != null) {
                progress.stage(Messages.get("check.stage.units", l.source()), l.features().size());
                MeasuredArea[] inUnits = clipper.clip(l, units, progress, wholeData ? issues::add : d -> { });
                for (int u = 0; u < n; u++) {
                    areas.get(u).put(role, inUnits[u]);
                }
            }
        }
        WorkingLayer reservoirLayer = layers.get(LayerRole.RESERVOIRS);
        List<Map<String, Integer>> reservoirs = reservoirLayer == null ? null : ReservoirCounter.count(reservoirLayer, units);
        WorkingLayer sectionLayer = layers.get(LayerRole.SECTIONS);
        List<SectionResult> sections = sectionLayer == null ? List.of() : SectionCheck.run(sectionLayer, units, meter.grid());
        Set<LayerRole> present = EnumSet.noneOf(LayerRole.class);
        present.addAll(layers.keySet());

        List<UnitResult> out = new ArrayList<>();
        Map<LayerRole, MeasuredArea> districtAreas = new EnumMap<>(LayerRole.class);
        Map<String, Integer> districtReservoirs = new LinkedHashMap<>();
        MeasuredArea districtArea = MeasuredArea.ZERO;
        for (int u = 0; u < n; u++) {
            NamedUnit unit = units.get(u);
            Map<String, Integer> res = reservoirs == null ? Map.of() : reservoirs.get(u);
            List<SectionResult> inUnit = sections.stream().filter(s -> unit.name().equals(s.unit())).toList();
            Indicators.Figures fig = new Indicators.Figures(areas.get(u), res, inUnit, present);
            out.add(new UnitResult(unit.name(), false, unit.area(), areas.get(u), res, inUnit,
                    Indicators.evaluate(targets.forUnit(unit.name()), fig), unit.geometry()));
            areas.get(u).forEach((role, a) -> districtAreas.merge(role, a, MeasuredArea::plus));
            res.forEach((k, v) -> districtReservoirs.merge(k, v, Integer::sum));
            districtArea = districtArea.plus(unit.area());
        }
        if (!wholeData) {
            return out;
        }
        List<String> names = units.stream().map(NamedUnit::name).toList();
        List<String> others = targets.otherUnits(names);
        String district = others.isEmpty() ? Messages.get("check.district") : others.get(0);
        Indicators.Figures all = new Indicators.Figures(districtAreas, districtReservoirs, sections, present);
        out.add(new UnitResult(district, true, districtArea, districtAreas, districtReservoirs, sections,
                Indicators.evaluate(targets.forUnit(district), all), null));
        return out;
    }

    /** The layer the working grid is taken from: the units, else a red-line layer, else the sites. */
    private static RoleLayer anchor(CheckInput input) {
        for (LayerRole role : List.of(LayerRole.UNITS, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE, LayerRole.CULTIVATED, LayerRole.SITES)) {
            if (input.layer(role) != null) {
                return input.layer(role);
            }
        }
        return null;
    }

    /**
     * The sites in their order, each either moved into the working grid (near the data) or left where it is with its
     * scope decided (far away, or no position in its own CRS): far-off sites must never go through the grid, which
     * would wrap them round onto the data. Sites without usable geometry are dropped here with a data-quality issue.
     */
    private static List<EncroachmentCheck.Placed> place(RoleLayer sites, CheckScope scope, LayerPreparer preparer, List<DataQualityIssue> issues) {
        Map<SourceFeature, SiteScope> beyond = new IdentityHashMap<>();
        List<SourceFeature> near = new ArrayList<>();
        for (SourceFeature f : sites.features()) {
            SiteScope far = sites.crs() == null ? null : scope.beyondReach(f.geometry(), sites.crs());
            if (far != null) {
                beyond.put(f, far);
            } else {
                near.add(f);
            }
        }
        Map<SourceFeature, WorkingFeature> inGrid = new IdentityHashMap<>();
        for (WorkingFeature w : preparer.prepare(new RoleLayer(sites.role(), sites.source(), sites.crs(), near), issues::add).features()) {
            inGrid.put(w.source(), w);
        }
        List<EncroachmentCheck.Placed> out = new ArrayList<>();
        for (SourceFeature f : sites.features()) {
            if (beyond.containsKey(f)) {
                out.add(new EncroachmentCheck.Placed(f, LayerPreparer.idOf(f), null, beyond.get(f)));
            } else if (inGrid.containsKey(f)) {
                out.add(new EncroachmentCheck.Placed(f, inGrid.get(f).id(), inGrid.get(f), null));
            }
        }
        return out;
    }

    /**
     * The grid of the anchor layer when it is a CGCS2000 Gauss–Krüger grid, zone prefix and all, so that the
     * red-line layers delivered in it are used as they are, without a copy; otherwise the CGCS2000 3° zone of the
     * anchor's centre.
     */
    static Crs workingGrid(RoleLayer anchor) {
        Crs crs = anchor.crs();
        if (crs == null) {
            throw new GisException("check.anchorNoCrs", anchor.source());
        }
        if (crs.datum() == DatumFamily.CGCS2000 && crs.gaussKruger().isPresent()) {
            return crs;
        }
        Envelope env = new Envelope();
        anchor.features().stream().filter(f -> f.geometry() != null && !f.geometry().isEmpty())
                .forEach(f -> env.expandToInclude(f.geometry().getEnvelopeInternal()));
        if (env.isNull()) {
            return CrsRegistry.fromEpsg(4547);
        }
        double[] lonLat = GeometryTransformer.shared().transform(env.centre().x, env.centre().y, crs, CrsRegistry.fromEpsg(4490));
        return CrsRegistry.gkZoneFor(lonLat[0], 3, false);
    }
}
