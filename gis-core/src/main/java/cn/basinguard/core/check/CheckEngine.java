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
    private final boolean pieces;

    public CheckEngine(CheckParameters parameters) {
        this(parameters, true);
    }

    private CheckEngine(CheckParameters parameters, boolean pieces) {
        this.parameters = parameters;
        this.pieces = pieces;
    }

    /**
     * An engine whose results carry the figures but not the pieces' outlines (a site's overlap with each red line, each
     * conflict piece): {@link Overlap#geometry()} and {@link ConflictPatch#geometry()} are null. For callers that report
     * figures and draw nothing — the command line's check, a pack's verification: at city scale the outlines were two
     * thirds of the memory a check kept (4,000 sites' pieces, 330,000 polygons).
     */
    public CheckEngine figuresOnly() {
        return new CheckEngine(parameters, false);
    }

    public CheckReport run(CheckInput input, Progress progress) {
        RoleLayer anchor = anchor(input);
        if (anchor == null) {
            throw new GisException("check.noUnitsNoSites");
        }
        AreaMeter meter = new AreaMeter(workingGrid(anchor));
        List<DataQualityIssue> issues = new ArrayList<>(input.readIssues());
        LayerPreparer preparer = new LayerPreparer(meter);
        // the small layers are held and prepared whole; the big ones are admitted here and read tile by tile below
        Map<LayerRole, WorkingLayer> layers = new EnumMap<>(LayerRole.class);
        Map<LayerRole, RoleLayer> big = new EnumMap<>(LayerRole.class);
        Map<LayerRole, List<DataQualityIssue>> notes = new EnumMap<>(LayerRole.class);
        for (Map.Entry<LayerRole, RoleLayer> e : input.layers().entrySet()) {
            LayerRole role = e.getKey();
            if (role == LayerRole.SITES) {
                continue;
            }
            progress.checkCancelled();
            progress.stage(Messages.get("check.stage.prepare", e.getValue().source()), 1);
            List<DataQualityIssue> found = new ArrayList<>();
            if (TILED.contains(role)) {
                if (preparer.admit(e.getValue(), found::add)) {
                    big.put(role, e.getValue());
                }
            } else {
                layers.put(role, preparer.prepare(e.getValue(), found::add));
            }
            // a DLTB serving as cultivated land and as land use is one layer: its notes are said once
            notes.put(role, sharedLandUse(input, role) ? List.of() : found);
        }
        CheckScope scope = CheckScope.of(extentOf(layers.get(LayerRole.UNITS)), redLineExtent(big, meter.grid()), meter.grid());

        List<NamedUnit> units = layers.containsKey(LayerRole.UNITS) ? UnitCatalog.build(layers.get(LayerRole.UNITS), meter) : List.of();
        RoleLayer siteLayer = input.layer(LayerRole.SITES);
        List<DataQualityIssue> siteIssues = new ArrayList<>();
        List<EncroachmentCheck.Placed> placed = List.of();
        if (siteLayer != null) {
            progress.checkCancelled();
            progress.stage(Messages.get("check.stage.prepare", siteLayer.source()), 1);
            placed = place(siteLayer, scope, preparer, siteIssues);
        }
        boolean wholeData = input.area() == null;
        TiledCheck.Result tiled = new TiledCheck(meter, parameters, preparer, big, units, placed, wholeData, pieces).run(progress);

        // data-quality issues in the layers' order, the sites', then the patches outside every unit, then what reading found
        for (Map.Entry<LayerRole, List<DataQualityIssue>> e : notes.entrySet()) {
            issues.addAll(e.getValue());
            if (big.containsKey(e.getKey())) {
                // the land-use layer is read around sites only: how many features it has is not known
                if (e.getKey() != LayerRole.LAND_USE && tiled.features().getOrDefault(e.getKey(), 0L) == 0) {
                    issues.add(new DataQualityIssue(DataQualityIssue.Kind.EMPTY_LAYER, big.get(e.getKey()).source(), null, null,
                            DataQualityIssue.Handling.USED_AS_IS));
                }
                issues.addAll(tiled.issues().getOrDefault(e.getKey(), List.of()));
            }
        }
        issues.addAll(siteIssues);
        issues.addAll(tiled.outside());
        for (Map.Entry<LayerRole, RoleLayer> e : big.entrySet()) {
            RoleLayer l = e.getValue();
            if (l.reader() instanceof SourceReader r && !sharedLandUse(input, e.getKey())) {
                issues.addAll(DatasetLoader.issuesOf(r.problems(), l.source()));
            }
        }

        List<UnitResult> unitResults = units.isEmpty() ? List.of()
                : baseline(layers, big.keySet(), tiled.unitAreas(), units, input.targets(), meter, wholeData);

        List<SiteResult> sites = List.of();
        if (siteLayer != null) {
            progress.stage(Messages.get("check.stage.sites"), placed.size());
            sites = new EncroachmentCheck(meter, parameters, scope).run(placed, siteLayer.crs(), tiled.siteOverlaps(), units, progress);
        }

        List<ConflictPatch> conflicts = big.containsKey(LayerRole.BASIC_FARMLAND) && big.containsKey(LayerRole.ECO_REDLINE)
                ? tiled.conflicts() : List.of();
        MeasuredArea conflictTotal = MeasuredArea.ZERO;
        for (ConflictPatch c : conflicts) {
            conflictTotal = conflictTotal.plus(c.area());
        }
        List<String> inputs = new ArrayList<>(input.inputs());
        for (RoleLayer l : input.layers().values()) {
            if (!sharedLandUse(input, l.role())) {
                inputs.add(l.role().key() + " = " + l.source());
            }
        }
        List<ApproximateLayer> approximate = new ArrayList<>();
        for (RoleLayer l : input.layers().values()) {
            if (!sharedLandUse(input, l.role()) && l.crs() != null
                    && GeometryTransformer.datumShift(l.crs(), meter.grid()) == cn.basinguard.core.crs.DatumShift.APPROXIMATE) {
                approximate.add(new ApproximateLayer(l.role(), l.source(), l.crs().nameZh(), l.crs().nameEn()));
            }
        }
        return new CheckReport(inputs, meter.grid(), parameters, unitResults, sites, conflicts, conflictTotal, issues, approximate);
    }

    /** The roles whose layers are read and worked on tile by tile (the big ones: a county's patches). */
    static final java.util.Set<LayerRole> TILED = java.util.EnumSet.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE,
            LayerRole.LAND_USE);

    /**
     * Whether {@code role} is the land-use role of a layer that also serves as cultivated land (a 三调 DLTB): the layer
     * is listed, noted and read-checked once, as cultivated land.
     */
    static boolean sharedLandUse(CheckInput input, LayerRole role) {
        RoleLayer lu = input.layer(LayerRole.LAND_USE);
        RoleLayer cult = input.layer(LayerRole.CULTIVATED);
        return role == LayerRole.LAND_USE && lu != null && cult != null && lu.source().equals(cult.source());
    }

    private static Envelope extentOf(WorkingLayer layer) {
        if (layer == null) {
            return null;
        }
        Envelope e = new Envelope();
        layer.features().forEach(f -> e.expandToInclude(f.geometry().getEnvelopeInternal()));
        return e.isNull() ? null : e;
    }

    /** The red-line layers' extent in the grid, from their stated extents (corners moved), or null. */
    private static Envelope redLineExtent(Map<LayerRole, RoleLayer> big, Crs grid) {
        Envelope all = null;
        for (RoleLayer l : big.values()) {
            if (l.role() == LayerRole.LAND_USE) {
                continue; // the scope is the control lines', as it was before land use was read
            }
            Envelope e = l.reader().extent();
            if (e == null) {
                continue;
            }
            Envelope g = new Envelope();
            for (double[] p : new double[][] {{e.getMinX(), e.getMinY()}, {e.getMaxX(), e.getMinY()}, {e.getMinX(), e.getMaxY()},
                    {e.getMaxX(), e.getMaxY()}}) {
                double[] q = l.crs().equals(grid) ? p : GeometryTransformer.shared().transform(p[0], p[1], l.crs(), grid);
                g.expandToInclude(q[0], q[1]);
            }
            all = all == null ? g : all;
            all.expandToInclude(g);
        }
        return all;
    }

    /**
     * @param wholeData false when the input was cut to one unit: then patches that only touch it are no data-quality
     *                  finding, and there is no district row
     */
    private List<UnitResult> baseline(Map<LayerRole, WorkingLayer> layers, java.util.Set<LayerRole> tiledRoles,
                                      Map<LayerRole, MeasuredArea[]> tiledAreas, List<NamedUnit> units, TargetTable targets,
                                      AreaMeter meter, boolean wholeData) {
        int n = units.size();
        List<Map<LayerRole, MeasuredArea>> areas = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            areas.add(new EnumMap<>(LayerRole.class));
        }
        for (LayerRole role : List.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE)) {
            MeasuredArea[] inUnits = tiledAreas.get(role);
            if (inUnits != null) {
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
        present.addAll(tiledRoles);

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
        for (LayerRole role : List.of(LayerRole.UNITS, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE, LayerRole.CULTIVATED, LayerRole.LAND_USE, LayerRole.SITES)) {
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
        Envelope env = anchor.reader().extent();
        if (env == null || env.isNull()) {
            return CrsRegistry.fromEpsg(4547);
        }
        double[] lonLat = GeometryTransformer.shared().transform(env.centre().x, env.centre().y, crs, CrsRegistry.fromEpsg(4490));
        return CrsRegistry.gkZoneFor(lonLat[0], 3, false);
    }
}
