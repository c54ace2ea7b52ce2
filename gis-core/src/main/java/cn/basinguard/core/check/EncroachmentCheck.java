package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Per project site: where it lies against the checked data ({@link CheckScope}); for a site inside (or partly
 * inside) its area, the units it lies in, its overlap with permanent basic farmland, the ecological red line and
 * cultivated land (areas, patch ids, the overlap polygons); and the verdict by {@link SiteRule}.
 * Sites are independent, so they are checked in parallel; results keep the sites' order.
 */
final class EncroachmentCheck {
    static final List<LayerRole> RED_LINES = List.of(LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE, LayerRole.CULTIVATED);

    /**
     * A site as the check receives it: either moved into the working grid ({@code inGrid}), or left where it is
     * because it lies beyond the grid's reach ({@code beyond}, its scope already decided).
     */
    record Placed(SourceFeature source, String id, WorkingFeature inGrid, SiteScope beyond) {
    }

    private final AreaMeter meter;
    private final CheckParameters parameters;
    private final CheckScope scope;

    EncroachmentCheck(AreaMeter meter, CheckParameters parameters, CheckScope scope) {
        this.meter = meter;
        this.parameters = parameters;
        this.scope = scope;
    }

    /**
     * @param own the CRS the sites were given in
     * @param overlaps what each site occupies (red lines, land use, patches), by the site's position in {@code sites},
     *                 found where the tiles read the layers ({@link TiledCheck})
     */
    List<SiteResult> run(List<Placed> sites, Crs own, Map<Integer, SiteFindings> overlaps, List<NamedUnit> units,
                         Progress progress) {
        SiteResult[] out = new SiteResult[sites.size()];
        IntStream.range(0, sites.size()).parallel().forEach(i -> {
            progress.checkCancelled();
            Placed p = sites.get(i);
            out[i] = p.inGrid() == null ? notMeasured(p, own) : check(p, own, overlaps.getOrDefault(i, SiteFindings.NONE), units);
            progress.step();
        });
        return List.of(out);
    }

    private SiteResult notMeasured(Placed p, Crs own) {
        return new SiteResult(SiteNames.nameOf(p.source(), p.id()), p.id(), null, List.of(), Map.of(),
                SiteVerdicts.decide(Map.of(), p.beyond(), own, parameters), null, p.beyond(), null, List.of());
    }

    private SiteResult check(Placed p, Crs own, SiteFindings findings, List<NamedUnit> units) {
        Map<LayerRole, Overlap> found = findings.overlaps();
        WorkingFeature site = p.inGrid();
        String name = SiteNames.nameOf(p.source(), p.id());
        SiteScope where = scope.place(site.geometry(), p.source().geometry(), own);
        if (where.status() == SiteScope.Status.OUTSIDE) {
            return new SiteResult(name, p.id(), null, List.of(), Map.of(), SiteVerdicts.decide(Map.of(), where, own, parameters), null, where,
                    null, List.of());
        }
        OverlapMeter meterOfSite = new OverlapMeter(site.geometry(), meter);
        Map<LayerRole, Overlap> overlaps = new EnumMap<>(LayerRole.class);
        for (LayerRole role : RED_LINES) {
            overlaps.put(role, found.getOrDefault(role, new Overlap(role, MeasuredArea.ZERO, List.of(), null)));
        }
        List<UnitShare> shares = new ArrayList<>();
        for (NamedUnit u : units) {
            OverlapMeter.Piece piece = meterOfSite.overlap(u.geometry(), u.area());
            if (piece.area().m2() > parameters.minOverlapM2()) {
                // the site's share of the unit is the unit's share of the site
                shares.add(new UnitShare(u.name(), piece.piece() == u.geometry() ? u.area() : piece.area()));
            }
        }
        shares.sort(Comparator.comparingDouble((UnitShare s) -> -s.area().m2()));
        return new SiteResult(name, p.id(), site.area(), shares, overlaps, SiteVerdicts.decide(overlaps, where, own, parameters),
                site.geometry(), where, findings.landUse(), findings.patches());
    }

    /**
     * The site's overlap with the patches of one red line near it. Cultivated land counts each patch's overlap net of
     * its 田坎 share (overlap × (1 − KCXS)); {@link Overlap#gross()} keeps the whole.
     *
     * @param fields the layer's fields, for cultivated land's deduction
     * @param hits where each patch the site occupies goes with its piece, in id order; null when not wanted
     * @param keepPieces whether the overlap keeps its outline (the pieces together) or only its figures
     */
    static Overlap overlapWith(OverlapMeter siteMeter, LayerRole role, List<WorkingFeature> near, CheckParameters parameters,
                               SurveyFields fields, List<SiteLandUse.Hit> hits, boolean keepPieces, Consumer<DataQualityIssue> issues) {
        // the index returns candidates in tree order; patch lists and sums must not depend on it: the patches met are
        // taken in id order (sorted after the overlaps, for a site's box meets many more patches than the site does)
        List<SiteLandUse.Hit> met = new ArrayList<>();
        for (WorkingFeature c : near) {
            OverlapMeter.Piece p = siteMeter.overlap(c);
            if (p.area().m2() > parameters.minOverlapM2()) {
                met.add(new SiteLandUse.Hit(c, p));
            }
        }
        met.sort(SiteLandUse.Hit.IN_ID_ORDER);
        MeasuredArea total = MeasuredArea.ZERO;
        MeasuredArea gross = MeasuredArea.ZERO;
        List<String> ids = new ArrayList<>();
        List<Geometry> pieces = new ArrayList<>();
        for (SiteLandUse.Hit hit : met) {
            WorkingFeature c = hit.feature();
            MeasuredArea counted = hit.area();
            if (role == LayerRole.CULTIVATED) {
                double rate = fields.deductionRate(c.source(), c.id(), issues);
                counted = rate > 0 ? SiteLandUse.scaled(hit.area(), 1 - rate) : hit.area();
            }
            total = total.plus(counted);
            gross = gross.plus(hit.area());
            ids.add(c.id());
            if (keepPieces) {
                pieces.add(hit.piece().piece());
            }
            if (hits != null) {
                hits.add(hit);
            }
        }
        Geometry geometry = pieces.isEmpty() ? null : new GeometryFactory(siteMeter.fixed().getPrecisionModel()).buildGeometry(pieces);
        return new Overlap(role, total, gross, ids, geometry);
    }
}
