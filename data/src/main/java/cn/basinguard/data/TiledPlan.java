package cn.basinguard.data;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Polygon;

/**
 * The passes of the tiled generator that come before anything is written, streaming over the tiles with the cells'
 * exact geometry (the in-memory generator sorts every cell by score instead):
 * <ol>
 *   <li>small patches only: the red-line cells' area by hill score (a {@link ScoreHistogram}), whose top makes the
 *       red line — area target × {@link LandRules#CELL_SURPLUS};</li>
 *   <li>the farmland containers' area by cultivated score, with and without basic farmland, and the cells a conflict
 *       can be given to; the top of the histogram makes the cultivated land, and its area gives each layer's shrink
 *       factor, so every total hits its annex-3 calibration while patches are written one tile at a time.</li>
 * </ol>
 * Sums are added in tile order, so they — and the file — do not depend on the number of threads.
 */
final class TiledPlan {
    /** Default number of conflicts: this share of the basic-farmland patches. */
    static final double DEFAULT_CONFLICT_SHARE = 0.15;
    /** Conflict strips (small-patch shapes) take at most this share of a unit's red-line target. */
    static final double MAX_STRIP_SHARE = 0.25;

    final double[] redTarget = new double[2];
    final double[] cultivatedTarget = new double[2];
    final double[] farmlandTarget = new double[2];
    /** Area factors: patch area / container area (red cells, cultivated containers, cultivated patches for farmland). */
    final double[] redFactor = new double[2];
    final double[] cultivatedFactor = new double[2];
    final double[] farmlandFactor = new double[2];
    /** Per unit: conflict candidates of cultivated land whose conflict hash is at most this conflict; −1: none. */
    final long[] conflictLimit = {-1, -1};
    int conflicts;
    long eligible;

    private TiledPlan() {
    }

    /** Per-unit histograms and sums of the second pass. */
    private static final class Totals {
        /** containers' area net of 田坎 (× (1 − KCXS) of the cell's {@link Tillage}), as 耕地 is counted */
        final ScoreHistogram[] cultivated = {new ScoreHistogram(), new ScoreHistogram()};
        final ScoreHistogram[] host = {new ScoreHistogram(), new ScoreHistogram()};
        /** hosts counted (1 per cell) by score */
        final ScoreHistogram[] hostCount = {new ScoreHistogram(), new ScoreHistogram()};
        final double[] red = new double[2];
        final Candidates candidates = new Candidates();
    }

    /** (hash, unit, score bin, extra area) of the cells a conflict can be given to, if they are cultivated. */
    private static final class Candidates {
        long[] hash = new long[1024];
        byte[] unit = new byte[1024];
        int[] bin = new int[1024];
        double[] extra = new double[1024];
        /** 1 − KCXS of the cell */
        double[] net = new double[1024];
        int size;

        void add(long h, int u, int b, double e, double n) {
            if (size == hash.length) {
                hash = Arrays.copyOf(hash, size * 2);
                unit = Arrays.copyOf(unit, size * 2);
                bin = Arrays.copyOf(bin, size * 2);
                extra = Arrays.copyOf(extra, size * 2);
                net = Arrays.copyOf(net, size * 2);
            }
            net[size] = n;
            hash[size] = h;
            unit[size] = (byte) u;
            bin[size] = b;
            extra[size++] = e;
        }
    }

    /**
     * @param wantedConflicts conflicts to make, or −1 for {@link #DEFAULT_CONFLICT_SHARE} of the basic-farmland patches
     * @param areaFactor      the scale's area in multiples of the district (targets scale with it)
     */
    static TiledPlan make(TiledLayout tl, LandRules rules, TileWork work, List<Tile> tiles, int threads,
                          int wantedConflicts, double areaFactor) throws Exception {
        TiledPlan plan = new TiledPlan();
        for (int u = 0; u < 2; u++) {
            plan.redTarget[u] = Annex3.passingM2(Annex3.RED_LINE_WANMU[u]) * areaFactor;
            plan.cultivatedTarget[u] = (u == 1
                    ? Annex3.wanmuToM2(Annex3.CULTIVATED_WANMU[u]) * (1 - Annex3.ZHANGSHUI_CULTIVATED_SHORTFALL)
                    : Annex3.passingM2(Annex3.CULTIVATED_WANMU[u])) * areaFactor;
            plan.farmlandTarget[u] = Annex3.passingM2(Annex3.BASIC_FARMLAND_WANMU[u]) * areaFactor;
        }
        if (!rules.bigPolygons()) {
            ScoreHistogram[] hill = {new ScoreHistogram(), new ScoreHistogram()};
            OrderedParallel.run(tiles, threads, t -> hillAreas(work, t), r -> {
                for (int k = 0; k < r.length; k += 3) {
                    hill[(int) r[k]].add(r[k + 1], r[k + 2]);
                }
            });
            for (int u = 0; u < 2; u++) {
                rules.redBin[u] = hill[u].binFromTop(plan.redTarget[u] * LandRules.CELL_SURPLUS, "red-line");
            }
        }
        double cellArea = tl.grid.spacing * tl.grid.spacing;
        double hostEstimate = (plan.cultivatedTarget[0] + plan.cultivatedTarget[1]) * LandRules.CELL_SURPLUS / cellArea
                * CellGrid.PBF_PATCH_SHARE;
        double want = wantedConflicts >= 0 ? wantedConflicts : DEFAULT_CONFLICT_SHARE * hostEstimate;
        // strips are measured only where they may be needed: hashes up to twice the expected share
        double bound = rules.bigPolygons() ? 1 : Math.min(1, 2 * want / Math.max(1, hostEstimate));
        Totals all = plan.sums(rules, work, tiles, threads, bound);
        if (!plan.choose(rules, all, wantedConflicts)) {
            plan.choose(rules, plan.sums(rules, work, tiles, threads, 1), wantedConflicts);
        }
        return plan;
    }

    /** Pass 1, one tile: (unit, hill score, area) of every cell that can be red line. */
    private static double[] hillAreas(TileWork work, Tile t) {
        TileWork.Context ctx = work.classify(t);
        double[] out = new double[3 * ctx.cells.size()];
        int n = 0;
        for (TileWork.Classified c : ctx.cells) {
            if (!c.nearWater()) {
                out[n++] = c.unit();
                out[n++] = c.hill();
                out[n++] = c.cell().polygon().getArea();
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Pass 2: farmland containers by score, red cells' area, and the conflict candidates. */
    private Totals sums(LandRules rules, TileWork work, List<Tile> tiles, int threads, double bound) throws Exception {
        long limit = bound >= 1 ? Long.MAX_VALUE : (long) (bound * Long.MAX_VALUE);
        Totals all = new Totals();
        OrderedParallel.run(tiles, threads, t -> {
            TileWork.Context ctx = work.classify(t);
            // computed on the worker: the extra area of each candidate (its strip, or its grown container)
            double[] extras = new double[ctx.cells.size()];
            for (int k = 0; k < extras.length; k++) {
                TileWork.Classified c = ctx.cells.get(k);
                extras[k] = Double.NaN;
                if (work.use(c) == LandRules.Use.RED || !work.conflictCandidate(c) || c.conflictHash() > limit) {
                    continue;
                }
                Polygon made = rules.bigPolygons() ? work.conflictContainer(ctx, c) : TileWork.band(c.cell().polygon());
                if (made != null) {
                    extras[k] = rules.bigPolygons() ? made.getArea() - c.container().getArea() : made.getArea();
                }
            }
            return new Object[] {ctx, extras};
        }, r -> {
            TileWork.Context ctx = (TileWork.Context) r[0];
            double[] extras = (double[]) r[1];
            for (int k = 0; k < extras.length; k++) {
                TileWork.Classified c = ctx.cells.get(k);
                int u = c.unit();
                LandRules.Use use = work.use(c);
                if (use == LandRules.Use.RED) {
                    all.red[u] += c.cell().polygon().getArea();
                    continue;
                }
                if (use == LandRules.Use.COVERED || c.nearWater() || c.container() == null) {
                    continue;
                }
                double a = c.container().getArea();
                double net = TileBuilder.tillage(work.layout(), c.cell()).net();
                all.cultivated[u].add(c.score(), a * net);
                if (c.host()) {
                    all.host[u].add(c.score(), a);
                    all.hostCount[u].add(c.score(), 1);
                }
                if (work.conflictCandidate(c) && (!rules.bigPolygons() || !Double.isNaN(extras[k]))) {
                    all.candidates.add(c.conflictHash(), u, ScoreHistogram.bin(c.score()), extras[k], net);
                }
            }
        });
        return all;
    }

    /**
     * Chooses the cultivated threshold, the conflicts and the factors; false if a chosen conflict's extra area was not
     * measured (bound too low). Conflicts are shared between the units as their basic farmland is, lowest hashes
     * first; in the small-patch shapes the strips are red line too, and take at most {@link #MAX_STRIP_SHARE} of a
     * unit's red-line target.
     */
    private boolean choose(LandRules rules, Totals all, int wantedConflicts) {
        boolean big = rules.bigPolygons();
        double[] cultivated = new double[2];
        double[] host = new double[2];
        for (int u = 0; u < 2; u++) {
            rules.cultivatedBin[u] = all.cultivated[u].binFromTop(cultivatedTarget[u] * LandRules.CELL_SURPLUS,
                    "cultivated-land");
            cultivated[u] = all.cultivated[u].areaFrom(rules.cultivatedBin[u]);
            host[u] = all.host[u].areaFrom(rules.cultivatedBin[u]);
        }
        Candidates e = all.candidates;
        long[][] byUnit = new long[2][];
        java.util.Map<Long, Double> extraOf = new java.util.HashMap<>();
        java.util.Map<Long, Double> netOf = new java.util.HashMap<>();
        int[] n = new int[2];
        for (int u = 0; u < 2; u++) {
            byUnit[u] = new long[e.size];
        }
        for (int k = 0; k < e.size; k++) {
            int u = e.unit[k];
            if (e.bin[k] >= rules.cultivatedBin[u]) {
                byUnit[u][n[u]++] = e.hash[k];
                extraOf.put(e.hash[k], e.extra[k]);
                netOf.put(e.hash[k], e.net[k]);
            }
        }
        eligible = n[0] + n[1];
        double hosts = all.host[0].areaFrom(rules.cultivatedBin[0]) + all.host[1].areaFrom(rules.cultivatedBin[1]);
        double hostCount = all.hostCount[0].areaFrom(rules.cultivatedBin[0])
                + all.hostCount[1].areaFrom(rules.cultivatedBin[1]);
        int want = wantedConflicts >= 0 ? wantedConflicts : (int) Math.round(DEFAULT_CONFLICT_SHARE * hostCount);
        conflicts = 0;
        double[] extra = new double[2];
        double[] extraNet = new double[2];
        for (int u = 0; u < 2; u++) {
            long[] mine = Arrays.copyOf(byUnit[u], n[u]);
            Arrays.sort(mine);
            // shared as the basic farmland is
            long quota = Math.min(n[u], Math.round(want * host[u] / hosts));
            conflictLimit[u] = -1;
            for (int k = 0; k < quota; k++) {
                double x = extraOf.get(mine[k]);
                if (Double.isNaN(x)) {
                    return false;
                }
                if (!big && extra[u] + x > MAX_STRIP_SHARE * redTarget[u]) {
                    break;
                }
                extra[u] += x;
                extraNet[u] += x * netOf.get(mine[k]);
                conflictLimit[u] = mine[k];
                conflicts++;
            }
        }
        for (int u = 0; u < 2; u++) {
            // 耕地 is calibrated net of 田坎 (Σ area × (1 − KCXS) hits the target), basic farmland gross
            double c = cultivated[u] + (big ? extraNet[u] : 0);
            double h = host[u] + (big ? extra[u] : 0);
            cultivatedFactor[u] = factor(cultivatedTarget[u], c, "cultivated land", u);
            farmlandFactor[u] = factor(farmlandTarget[u], cultivatedFactor[u] * h, "basic farmland", u);
            if (!big) {
                // the conflict strips are red line too: the red cells make up the rest of the target
                redFactor[u] = factor(redTarget[u] - extra[u], all.red[u], "red line", u);
            }
        }
        return true;
    }

    private static double factor(double target, double containers, String what, int u) {
        double f = target / containers;
        if (!(f > 0.2 && f <= 0.97)) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "%s of unit %d: containers of %.0f m² cannot be shrunk to %.0f m² (factor %.3f)", what, u,
                    containers, target, f));
        }
        return f;
    }
}
