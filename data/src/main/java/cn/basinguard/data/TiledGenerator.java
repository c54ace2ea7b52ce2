package cn.basinguard.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The benchmark variants of the sample — other data shapes and the city scale — made tile by tile and written as they
 * are made, so generation needs about the same memory for a city as for a county: a planning pass over the seed
 * points, a pass over the cells that sums areas, then the pass that builds and writes the patches ({@link TiledPlan},
 * {@link TileBuilder}, {@link TiledGpkgWriter}). Tiles are computed on several threads and written in a fixed order,
 * and every cell's randomness comes from its grid position, so the bytes depend on the seed and the options only.
 */
final class TiledGenerator {
    /** Red-line polygons per unit in the big-polygon shape, at county size (scaled with the area). */
    private static final int[] CORRIDORS = {36, 4};
    /** Vertex spacing (m) of the detailed unit boundaries: ~9 000 vertices around the county's outline. */
    private static final double UNIT_DETAIL_SPACING = 15;

    /** What was written. */
    record Result(TiledGpkgWriter.Counts counts, TiledPlan plan, int corridors, int[] unitVertices, int tiles,
                  int sites) {
    }

    private TiledGenerator() {
    }

    private static void step(long t0, String what) {
        System.out.printf(Locale.ROOT, "  %7.1f s  %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    /**
     * @param conflicts basic-farmland patches the red line overlaps, −1 for the default share
     * @param threads   worker threads (the output does not depend on it)
     */
    static Result write(Path out, long seed, ZengduSampleGenerator.Scale scale, ZengduSampleGenerator.Shape shape,
                        int conflicts, int threads) throws Exception {
        long t0 = System.nanoTime();
        GeometryFactory gf = new GeometryFactory();
        // the same independent streams as the in-memory generator, so the district and its reservoirs are the same
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom layoutRnd = root.split();
        SplittableRandom reservoirRnd = root.split();
        SplittableRandom cellRnd = root.split();
        SplittableRandom landRnd = root.split();
        SplittableRandom sectionRnd = root.split();
        SplittableRandom siteRnd = root.split();

        boolean big = shape == ZengduSampleGenerator.Shape.BIGPOLY;
        FractalField field = big ? new FractalField(landRnd.split(), 2_000, 6, 0.085) : null;
        DistrictLayout layout = DistrictLayout.build(layoutRnd, gf, scale.areaFactor, field, UNIT_DETAIL_SPACING);
        List<Reservoir> reservoirs = ReservoirPlanner.plan(layout, reservoirRnd, gf);
        CellGrid grid = new CellGrid(layout.outline().getEnvelopeInternal(), scale.cellSpacing, cellRnd.nextLong());
        RedCorridors corridors = null;
        if (big) {
            double[] target = new double[2];
            int[] count = new int[2];
            for (int u = 0; u < 2; u++) {
                target[u] = Annex3.passingM2(Annex3.RED_LINE_WANMU[u]) * scale.areaFactor;
                count[u] = CORRIDORS[u] * scale.areaFactor;
            }
            corridors = RedCorridors.build(layout, target, count, scale.corridorVerticesMin, scale.corridorVerticesMax,
                    field, landRnd, gf);
        }
        step(t0, "district, reservoirs" + (big ? ", " + corridors.corridors.size() + " red-line polygons" : ""));
        TiledLayout tl = new TiledLayout(layout, grid, reservoirs, corridors, gf);
        LandRules rules = new LandRules(tl);
        TileWork work = new TileWork(tl, rules);
        List<Tile> tiles = tl.tiles();
        TiledPlan plan = TiledPlan.make(tl, rules, work, tiles, threads, conflicts, scale.areaFactor);
        step(t0, "plan: thresholds and layer totals over " + tiles.size() + " tiles");
        List<Section> sections = SectionPlanner.plan(layout, reservoirs, sectionRnd, gf);
        List<Site> sites = TiledSites.plan(tl, rules, scale.siteCopies, siteRnd, gf);

        String parameters = String.format(Locale.ROOT, "seed=%d; scale=%s; shape=%s; conflicts=%d", seed,
                scale.name().toLowerCase(Locale.ROOT), shape.name().toLowerCase(Locale.ROOT), plan.conflicts);
        List<String[]> notes = new ArrayList<>();
        notes.add(new String[] {"数据形态", shape.description + (scale.areaFactor == 1 ? ""
                : "；市级规模：面积为区级×" + scale.areaFactor + "，面积指标同比放大")});
        notes.add(new String[] {"三线冲突", "故意使 " + plan.conflicts + " 个永久基本农田图斑与生态保护红线重叠约"
                + (int) TileWork.CONFLICT_DEPTH + "米以上，列于 YLQX），供冲突核查与基准测试"});
        notes.add(new String[] {"项目选址", "按 SLYT 意图选位，未逐一验证；压占情况以核查结果为准"});
        TileBuilder builder = new TileBuilder(tl, work, plan, shape == ZengduSampleGenerator.Shape.INVALID, big);
        try (TiledGpkgWriter w = new TiledGpkgWriter(out, layout, parameters, gf)) {
            w.writeFixed(big ? corridors.corridors : List.of(), reservoirs, sections, sites,
                    BottomLines.all(scale.areaFactor), notes);
            OrderedParallel.run(tiles, threads, builder::build, w::write);
            step(t0, "patches built and written");
            w.commit();
            step(t0, "spatial indexes, VACUUM, file moved into place");
            int[] unitVertices = {layout.unit(0).getNumPoints(), layout.unit(1).getNumPoints()};
            return new Result(w.counts, plan, big ? corridors.corridors.size() : 0, unitVertices, tiles.size(),
                    sites.size());
        }
    }
}
