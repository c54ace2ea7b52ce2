package cn.basinguard.core.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Permanent basic farmland must not overlap the ecological red line (三条控制线不交叉不重叠不冲突, 厅字〔2019〕48号):
 * every overlap patch is reported with both patch ids, its units and its area.
 */
final class RedLineConflictCheck {
    private final AreaMeter meter;
    private final CheckParameters parameters;

    RedLineConflictCheck(AreaMeter meter, CheckParameters parameters) {
        this.meter = meter;
        this.parameters = parameters;
    }

    List<ConflictPatch> run(WorkingLayer basicFarmland, WorkingLayer ecoRedline, List<NamedUnit> units, Progress progress) {
        List<WorkingFeature> farmland = basicFarmland.features();
        @SuppressWarnings("unchecked")
        List<ConflictPatch>[] found = new List[farmland.size()];
        IntStream.range(0, farmland.size()).parallel().forEach(i -> {
            if ((i & 255) == 0) {
                progress.checkCancelled();
            }
            found[i] = conflictsOf(farmland.get(i), ecoRedline, units);
            progress.step();
        });
        List<ConflictPatch> out = new ArrayList<>();
        for (List<ConflictPatch> l : found) {
            out.addAll(l);
        }
        return out;
    }

    private List<ConflictPatch> conflictsOf(WorkingFeature bf, WorkingLayer eco, List<NamedUnit> units) {
        List<WorkingFeature> candidates = eco.query(bf.geometry().getEnvelopeInternal());
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates = new ArrayList<>(candidates);
        candidates.sort(Comparator.comparing(WorkingFeature::id));
        OverlapMeter m = new OverlapMeter(bf.geometry(), meter);
        List<ConflictPatch> out = new ArrayList<>();
        for (WorkingFeature e : candidates) {
            OverlapMeter.Piece p = m.overlap(e);
            if (p.area().m2() > parameters.minOverlapM2()) {
                List<String> in = new ArrayList<>();
                for (NamedUnit u : units) {
                    if (u.meter().overlap(p.piece(), p.area()).area().m2() > parameters.minOverlapM2()) {
                        in.add(u.name());
                    }
                }
                out.add(new ConflictPatch(bf.id(), e.id(), in, p.area(), p.piece()));
            }
        }
        return out;
    }
}
