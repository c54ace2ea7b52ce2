package cn.basinguard.core.bench;

import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckInput;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.check.RoleLayer;
import cn.basinguard.core.check.SourceFeature;
import cn.basinguard.core.check.TargetTable;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The check engine alone on county-scale layers built in memory (no file reading), to see where its time goes.
 * Run: mvn -q -o -pl gis-core test-compile && java -cp gis-core/target/classes:gis-core/target/test-classes:$(cat cp.txt)
 * cn.basinguard.core.bench.EngineMemoryBenchmark  (cp.txt from mvn -pl gis-core dependency:build-classpath -Dmdep.outputFile=cp.txt)
 */
public final class EngineMemoryBenchmark {
    static final GeometryFactory GF = new GeometryFactory();

    public static void main(String[] args) {
        int cultivated = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Crs crs = CrsRegistry.fromEpsg(4547);
        SplittableRandom rnd = new SplittableRandom(7);
        double x0 = 440_000, y0 = 3_490_000, w = 40_000, h = 35_000;
        int cols = (int) Math.ceil(Math.sqrt(cultivated * w / h));
        int rows = (int) Math.ceil(cultivated / (double) cols);
        double cw = w / cols, ch = h / rows;
        List<SourceFeature> cult = new ArrayList<>(), bf = new ArrayList<>(), eco = new ArrayList<>(), sites = new ArrayList<>();
        long id = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols && cult.size() < cultivated; c++) {
                Polygon p = jittered(rnd, x0 + c * cw, y0 + r * ch, cw * 0.9, ch * 0.9, 6 + rnd.nextInt(25));
                cult.add(new SourceFeature(++id, p, Map.of("BSM", "C" + id)));
                if (rnd.nextDouble() < 0.75) {
                    bf.add(new SourceFeature(id, jittered(rnd, x0 + c * cw + cw * 0.1, y0 + r * ch + ch * 0.1, cw * 0.6, ch * 0.6, 8), Map.of("BSM", "B" + id)));
                }
            }
        }
        for (int i = 0; i < 20_000; i++) {
            double ex = x0 + rnd.nextDouble() * w, ey = y0 + rnd.nextDouble() * h;
            eco.add(new SourceFeature(i, jittered(rnd, ex, ey, 150, 150, 20), Map.of("BSM", "E" + i)));
        }
        for (int i = 0; i < 1000; i++) {
            double sx = x0 + rnd.nextDouble() * w, sy = y0 + rnd.nextDouble() * h;
            sites.add(new SourceFeature(i, jittered(rnd, sx, sy, 300 + rnd.nextDouble() * 700, 300 + rnd.nextDouble() * 700, 12), Map.of("XMMC", "S" + i)));
        }
        Polygon west = wavyHalf(x0, y0, w, h, true), east = wavyHalf(x0, y0, w, h, false);
        List<SourceFeature> units = List.of(new SourceFeature(1, west, Map.of("DYMC", "涢水片区")), new SourceFeature(2, east, Map.of("DYMC", "㵐水片区")));
        Map<LayerRole, RoleLayer> layers = new EnumMap<>(LayerRole.class);
        layers.put(LayerRole.UNITS, new RoleLayer(LayerRole.UNITS, "units", crs, units));
        layers.put(LayerRole.CULTIVATED, new RoleLayer(LayerRole.CULTIVATED, "cult", crs, cult));
        layers.put(LayerRole.BASIC_FARMLAND, new RoleLayer(LayerRole.BASIC_FARMLAND, "bf", crs, bf));
        layers.put(LayerRole.ECO_REDLINE, new RoleLayer(LayerRole.ECO_REDLINE, "eco", crs, eco));
        layers.put(LayerRole.SITES, new RoleLayer(LayerRole.SITES, "sites", crs, sites));
        System.out.printf("cultivated %d, basic farmland %d, eco %d, sites %d%n", cult.size(), bf.size(), eco.size(), sites.size());
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            long[] last = {t0};
            String[] stage = {""};
            Progress p = new Progress((s, d) -> {
                if (!s.equals(stage[0])) {
                    long now = System.nanoTime();
                    if (!stage[0].isEmpty()) {
                        System.out.printf("  %-40s %6d ms%n", stage[0], (now - last[0]) / 1_000_000);
                    }
                    stage[0] = s;
                    last[0] = now;
                }
            }, () -> false);
            CheckReport r = new CheckEngine(CheckParameters.DEFAULT).run(new CheckInput(layers, TargetTable.empty(), List.of()), p);
            long t1 = System.nanoTime();
            System.out.printf("  %-40s %6d ms%n", stage[0], (t1 - last[0]) / 1_000_000);
            System.out.printf("run %d: %d ms, %d conflicts, %d issues%n", run, (t1 - t0) / 1_000_000, r.conflicts().size(), r.dataQuality().size());
        }
    }

    static Polygon jittered(SplittableRandom rnd, double x, double y, double w, double h, int n) {
        Coordinate[] cs = new Coordinate[n + 1];
        double cx = x + w / 2, cy = y + h / 2;
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double rr = 0.8 + 0.2 * rnd.nextDouble();
            cs[i] = new Coordinate(cx + Math.cos(a) * w / 2 * rr, cy + Math.sin(a) * h / 2 * rr);
        }
        cs[n] = cs[0];
        return GF.createPolygon(cs);
    }

    static Polygon wavyHalf(double x0, double y0, double w, double h, boolean west) {
        List<Coordinate> cs = new ArrayList<>();
        int n = 2000;
        for (int i = 0; i <= n; i++) {
            double y = y0 - 100 + (h + 200) * i / n;
            cs.add(new Coordinate(x0 + w * 0.55 + 1500 * Math.sin(y / 1700.0), y));
        }
        double edge = west ? x0 - 100 : x0 + w + 100;
        cs.add(new Coordinate(edge, y0 + h + 100));
        cs.add(new Coordinate(edge, y0 - 100));
        cs.add(cs.get(0));
        Polygon p = GF.createPolygon(cs.toArray(new Coordinate[0]));
        return west ? p : (Polygon) p.reverse();
    }
}
