package cn.basinguard.core.check;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Area of a layer inside each unit, each patch clipped to the unit. Patches wholly inside a unit count with their
 * own area (no overlay); only patches crossing a unit boundary are cut. Sums run in patch order after the parallel
 * part, so the figures are the same on every run and every machine.
 */
final class UnitClipper {
    private final CheckParameters parameters;

    UnitClipper(CheckParameters parameters) {
        this.parameters = parameters;
    }

    MeasuredArea[] clip(WorkingLayer layer, List<NamedUnit> units, Progress progress, Consumer<DataQualityIssue> issues) {
        List<WorkingFeature> features = layer.features();
        int n = units.size();
        double[][] share = new double[features.size()][];
        IntStream.range(0, features.size()).parallel().forEach(i -> {
            if ((i & 255) == 0) {
                progress.checkCancelled();
            }
            WorkingFeature f = features.get(i);
            double[] s = new double[2 * n];
            for (int u = 0; u < n; u++) {
                OverlapMeter.Piece p = units.get(u).meter().overlap(f);
                s[2 * u] = p.area().m2();
                s[2 * u + 1] = p.area().planarM2();
            }
            share[i] = s;
            progress.step();
        });
        double[] sum = new double[2 * n];
        for (int i = 0; i < share.length; i++) {
            boolean inside = false;
            for (int k = 0; k < 2 * n; k++) {
                sum[k] += share[i][k];
                inside |= k % 2 == 0 && share[i][k] > parameters.minOverlapM2();
            }
            if (!inside) {
                issues.accept(new DataQualityIssue(DataQualityIssue.Kind.OUTSIDE_UNITS, layer.source(), features.get(i).id(),
                        null, DataQualityIssue.Handling.EXCLUDED));
            }
        }
        MeasuredArea[] out = new MeasuredArea[n];
        for (int u = 0; u < n; u++) {
            out[u] = new MeasuredArea(sum[2 * u], sum[2 * u + 1]);
        }
        return out;
    }
}
