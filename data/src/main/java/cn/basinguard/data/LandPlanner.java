package cn.basinguard.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Chooses which cells carry ecological red line (hilly north-west first), cultivated land (lower south-east
 * first) and permanent basic farmland (inside most cultivated patches), and calibrates each layer's area per
 * unit to annex 3.
 */
final class LandPlanner {
    /** Cells are chosen until their area is this much above the target, so patches shrink to ~85 % in area. */
    private static final double CELL_SURPLUS = 1 / 0.85;
    /** Share of cultivated patches that carry basic farmland; the rest is ordinary cultivated land. */
    private static final double PBF_PATCH_SHARE = 0.88;
    private static final double RESERVOIR_SETBACK = 60;

    private LandPlanner() {
    }

    static LandPlan plan(DistrictLayout layout, List<Cell> cells, List<Reservoir> reservoirs, SplittableRandom rnd) {
        STRtree water = new STRtree();
        for (Reservoir r : reservoirs) {
            water.insert(r.surface().getEnvelopeInternal(), r);
        }
        List<LandPatch> cultivated = new ArrayList<>();
        List<LandPatch> farmland = new ArrayList<>();
        List<LandPatch> red = new ArrayList<>();
        List<Cell> free = new ArrayList<>();
        for (int u = 0; u < 2; u++) {
            Envelope env = layout.unit(u).getEnvelopeInternal();
            List<Scored> dry = new ArrayList<>();
            for (Cell c : cells) {
                if (c.unit() != u) {
                    continue;
                }
                double noise = rnd.nextDouble();
                if (nearWater(c, water)) {
                    free.add(c);
                    continue;
                }
                Envelope ce = c.polygon().getEnvelopeInternal();
                double west = (env.getMaxX() - ce.centre().x) / env.getWidth();
                double north = (ce.centre().y - env.getMinY()) / env.getHeight();
                dry.add(new Scored(c, west + north + 0.5 * noise));
            }
            dry.sort(Comparator.comparingDouble(Scored::hill).reversed().thenComparingInt(s -> s.cell().id()));
            double redTarget = Annex3.passingM2(Annex3.RED_LINE_WANMU[u]);
            int i = pick(dry, 0, redTarget * CELL_SURPLUS);
            red.addAll(calibrate(dry.subList(0, i), redTarget));
            // the rest, lowest first, but mixed enough that farmland is not one solid block
            List<Scored> rest = new ArrayList<>(dry.subList(i, dry.size()));
            for (int k = 0; k < rest.size(); k++) {
                rest.set(k, new Scored(rest.get(k).cell(), -rest.get(k).hill() + 1.2 * rnd.nextDouble()));
            }
            rest.sort(Comparator.comparingDouble(Scored::hill).reversed().thenComparingInt(s -> s.cell().id()));
            // 㵐水片区 is meant to fail its cultivated-land line, so it gets the shortfall and no margin
            double cultTarget = u == 1
                    ? Annex3.wanmuToM2(Annex3.CULTIVATED_WANMU[u]) * (1 - Annex3.ZHANGSHUI_CULTIVATED_SHORTFALL)
                    : Annex3.passingM2(Annex3.CULTIVATED_WANMU[u]);
            // counted net of 田坎, as the checks count 耕地保有量: the cells' and the patches' areas × (1 − KCXS)
            int j = pickNet(rest, cultTarget * CELL_SURPLUS, env);
            List<LandPatch> cult = calibrateNet(rest.subList(0, j), cultTarget, env);
            cultivated.addAll(cult);
            for (Scored s : rest.subList(j, rest.size())) {
                free.add(s.cell());
            }
            List<LandPatch> pbfHosts = new ArrayList<>();
            for (LandPatch p : cult) {
                if (rnd.nextDouble() < PBF_PATCH_SHARE) {
                    pbfHosts.add(p);
                }
            }
            farmland.addAll(calibrateInside(pbfHosts, Annex3.passingM2(Annex3.BASIC_FARMLAND_WANMU[u])));
        }
        free.sort(Comparator.comparingInt(Cell::id));
        return new LandPlan(cultivated, farmland, red, free);
    }

    private record Scored(Cell cell, double hill) {
    }

    private static boolean nearWater(Cell c, STRtree water) {
        Envelope e = new Envelope(c.polygon().getEnvelopeInternal());
        e.expandBy(RESERVOIR_SETBACK);
        for (Object o : water.query(e)) {
            if (((Reservoir) o).surface().isWithinDistance(c.polygon(), RESERVOIR_SETBACK)) {
                return true;
            }
        }
        return false;
    }

    private static int pick(List<Scored> ordered, int from, double area) {
        double sum = 0;
        int i = from;
        while (i < ordered.size() && sum < area) {
            sum += ordered.get(i++).cell().polygon().getArea();
        }
        if (sum < area) {
            throw new IllegalStateException("unit too small for the annex-3 areas");
        }
        return i;
    }

    private static int pickNet(List<Scored> ordered, double area, Envelope unit) {
        double sum = 0;
        int i = 0;
        while (i < ordered.size() && sum < area) {
            Polygon p = ordered.get(i++).cell().polygon();
            sum += p.getArea() * Tillage.of(p, unit).net();
        }
        if (sum < area) {
            throw new IllegalStateException("unit too small for the annex-3 areas");
        }
        return i;
    }

    private static List<LandPatch> calibrateNet(List<Scored> chosen, double target, Envelope unit) {
        List<Polygon> containers = new ArrayList<>();
        double[] net = new double[chosen.size()];
        for (int k = 0; k < chosen.size(); k++) {
            Polygon p = chosen.get(k).cell().polygon();
            containers.add(p);
            net[k] = Tillage.of(p, unit).net();
        }
        List<Polygon> shrunk = AreaCalibrator.shrinkToTotal(containers, net, target);
        List<LandPatch> out = new ArrayList<>();
        for (int k = 0; k < chosen.size(); k++) {
            out.add(new LandPatch(chosen.get(k).cell(), shrunk.get(k)));
        }
        return out;
    }

    private static List<LandPatch> calibrate(List<Scored> chosen, double target) {
        List<Polygon> containers = new ArrayList<>();
        for (Scored s : chosen) {
            containers.add(s.cell().polygon());
        }
        List<Polygon> shrunk = AreaCalibrator.shrinkToTotal(containers, target);
        List<LandPatch> out = new ArrayList<>();
        for (int k = 0; k < chosen.size(); k++) {
            out.add(new LandPatch(chosen.get(k).cell(), shrunk.get(k)));
        }
        return out;
    }

    private static List<LandPatch> calibrateInside(List<LandPatch> hosts, double target) {
        List<Polygon> containers = new ArrayList<>();
        for (LandPatch p : hosts) {
            containers.add(p.geometry());
        }
        List<Polygon> shrunk = AreaCalibrator.shrinkToTotal(containers, target);
        List<LandPatch> out = new ArrayList<>();
        for (int k = 0; k < hosts.size(); k++) {
            out.add(new LandPatch(hosts.get(k).cell(), shrunk.get(k)));
        }
        return out;
    }
}
