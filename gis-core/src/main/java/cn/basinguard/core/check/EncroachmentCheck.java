package cn.basinguard.core.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Per project site: its area, the units it lies in, its overlap with permanent basic farmland, the ecological red
 * line and cultivated land (areas, patch ids, the overlap polygons), and the verdict by {@link SiteRule}.
 * Sites are independent, so they are checked in parallel; results keep the sites' order.
 */
final class EncroachmentCheck {
    static final List<LayerRole> RED_LINES = List.of(LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE, LayerRole.CULTIVATED);

    private final AreaMeter meter;
    private final CheckParameters parameters;

    EncroachmentCheck(AreaMeter meter, CheckParameters parameters) {
        this.meter = meter;
        this.parameters = parameters;
    }

    List<SiteResult> run(WorkingLayer sites, Map<LayerRole, WorkingLayer> redLines, List<NamedUnit> units, Progress progress) {
        List<WorkingFeature> all = sites.features();
        SiteResult[] out = new SiteResult[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> {
            progress.checkCancelled();
            out[i] = check(all.get(i), redLines, units);
            progress.step();
        });
        return List.of(out);
    }

    private SiteResult check(WorkingFeature site, Map<LayerRole, WorkingLayer> redLines, List<NamedUnit> units) {
        OverlapMeter meterOfSite = new OverlapMeter(site.geometry(), meter);
        Map<LayerRole, Overlap> overlaps = new EnumMap<>(LayerRole.class);
        for (LayerRole role : RED_LINES) {
            WorkingLayer layer = redLines.get(role);
            overlaps.put(role, layer == null ? new Overlap(role, MeasuredArea.ZERO, List.of(), null)
                    : overlapWith(meterOfSite, layer));
        }
        List<UnitShare> shares = new ArrayList<>();
        for (NamedUnit u : units) {
            OverlapMeter.Piece p = meterOfSite.overlap(u.geometry(), u.area());
            if (p.area().m2() > parameters.minOverlapM2()) {
                // the site's share of the unit is the unit's share of the site
                shares.add(new UnitShare(u.name(), p.piece() == u.geometry() ? u.area() : p.area()));
            }
        }
        shares.sort(Comparator.comparingDouble((UnitShare s) -> -s.area().m2()));
        String name = SiteNames.nameOf(site);
        return new SiteResult(name, site.id(), site.area(), shares, overlaps, SiteVerdicts.decide(overlaps, parameters), site.geometry());
    }

    private Overlap overlapWith(OverlapMeter siteMeter, WorkingLayer layer) {
        List<WorkingFeature> candidates = new ArrayList<>(layer.query(siteMeter.fixed().getEnvelopeInternal()));
        // the index returns candidates in tree order; patch lists must not depend on it
        candidates.sort(Comparator.comparing(WorkingFeature::id));
        MeasuredArea total = MeasuredArea.ZERO;
        List<String> ids = new ArrayList<>();
        List<Geometry> pieces = new ArrayList<>();
        for (WorkingFeature c : candidates) {
            OverlapMeter.Piece p = siteMeter.overlap(c);
            if (p.area().m2() > parameters.minOverlapM2()) {
                total = total.plus(p.area());
                ids.add(c.id());
                pieces.add(p.piece());
            }
        }
        Geometry geometry = pieces.isEmpty() ? null : new GeometryFactory(siteMeter.fixed().getPrecisionModel()).buildGeometry(pieces);
        return new Overlap(layer.role(), total, ids, geometry);
    }
}
