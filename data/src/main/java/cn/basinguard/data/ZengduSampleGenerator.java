package cn.basinguard.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Generates the Zengdu demonstration GeoPackage: seeded and deterministic (no clock, no hash-order dependence).
 *
 * <pre>usage: ZengduSampleGenerator [output.gpkg] [--seed N] [--scale sample|county|city] [--also copy.gpkg]
 *        [--shape small|bigpoly|invalid] [--conflicts N] [--threads N]
 *        [--bureau FOLDER] [--control-list FILE.xlsx]</pre>
 * {@code --bureau} also writes the sample as a bureau's Shapefile folder ({@link BureauFolder}); {@code --control-list}
 * writes the bottom-line list as an Excel workbook ({@link ControlListWorkbook}).
 *
 * <p>The sample (shape small, no {@code --conflicts}) comes from the in-memory generator, byte for byte as it always
 * has; every other combination (the county and city scales, big red-line polygons, invalid patches, a chosen number of
 * conflicts) from the tiled, streaming one ({@link TiledGenerator}). The county once came from the in-memory
 * generator too; with a DLTB that tiles the district its global noding would hold every county boundary at once, so
 * the county is tiled now, with the same full-tiling land use made cell by cell.
 */
public final class ZengduSampleGenerator {
    public static final long DEFAULT_SEED = 20230904L;

    /**
     * Cell spacing (m), copies of the project list, candidates per site and whether every site must do what its
     * SLYT says (see {@link SitePlanner#plan}), per scale.
     */
    public enum Scale {
        SAMPLE(560, 1, 20_000, true, 1, 1_000, 5_000),
        COUNTY(45, 59, 40, false, 1, 10_000, 50_000),
        /** Four times the county's area at the county's density (~1.7 M patches); tiled generator only. */
        CITY(45, 236, 40, false, 4, 10_000, 50_000);

        final double cellSpacing;
        final int siteCopies;
        final int siteAttempts;
        final boolean sitesMustFit;
        /** The district's area in multiples of the real one; area targets scale with it. */
        final int areaFactor;
        /** Vertices of each big red-line polygon (big-polygon shape), drawn uniformly in this range. */
        final int corridorVerticesMin;
        final int corridorVerticesMax;

        Scale(double cellSpacing, int siteCopies, int siteAttempts, boolean sitesMustFit, int areaFactor,
              int corridorVerticesMin, int corridorVerticesMax) {
            this.cellSpacing = cellSpacing;
            this.siteCopies = siteCopies;
            this.siteAttempts = siteAttempts;
            this.sitesMustFit = sitesMustFit;
            this.areaFactor = areaFactor;
            this.corridorVerticesMin = corridorVerticesMin;
            this.corridorVerticesMax = corridorVerticesMax;
        }
    }

    /** The data shape: how the red line and the patches look. */
    public enum Shape {
        /** many small patches: every layer made of jittered Voronoi cells (the county sample's shape) */
        SMALL("许多小图斑（各图层均为约0.2公顷的图斑）"),
        /** a few tens of large red-line polygons of 10 000–50 000 vertices, units with detailed boundaries */
        BIGPOLY("少量超大生态保护红线多边形（沿河流、山脊，每个1万–5万个节点），流域单元边界5000个以上节点"),
        /** the small-patch shape with 3 % of the cultivated, basic-farmland and red-line patches faulty */
        INVALID("许多小图斑，其中3%的耕地、永久基本农田、生态保护红线图斑有几何错误");

        final String description;

        Shape(String description) {
            this.description = description;
        }
    }

    private ZengduSampleGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("zengdu-sample.gpkg");
        long seed = DEFAULT_SEED;
        Scale scale = Scale.SAMPLE;
        Shape shape = Shape.SMALL;
        int conflicts = -1;
        int threads = Runtime.getRuntime().availableProcessors();
        List<Path> copies = new ArrayList<>();
        Path bureau = null;
        Path controlList = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--scale" -> scale = Scale.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--shape" -> shape = Shape.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--conflicts" -> conflicts = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--also" -> copies.add(Path.of(args[++i]));
                case "--bureau" -> bureau = Path.of(args[++i]);
                case "--control-list" -> controlList = Path.of(args[++i]);
                default -> out = Path.of(args[i]);
            }
        }
        long t0 = System.nanoTime();
        if (tiled(scale, shape, conflicts)) {
            if (bureau != null || controlList != null || !copies.isEmpty()) {
                throw new IllegalArgumentException("--bureau, --control-list and --also go with the sample only");
            }
            report(out, seed, scale, shape, TiledGenerator.write(out, seed, scale, shape, conflicts, threads), t0);
            return;
        }
        SampleContent c = write(out, seed, scale);
        for (Path copy : copies) {
            Files.createDirectories(copy.toAbsolutePath().getParent());
            Files.copy(out, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        if (bureau != null) {
            BureauFolder.write(out, bureau);
            System.out.println("wrote " + bureau + " (the sample as a bureau's Shapefile folder)");
        }
        if (controlList != null) {
            Files.createDirectories(controlList.toAbsolutePath().getParent());
            ControlListWorkbook.write(controlList, c.targets());
            System.out.println("wrote " + controlList + " (the bottom-line control list)");
        }
        System.out.printf(Locale.ROOT, "wrote %s (%s, seed %d): %d land-use (DLTB), %d basic-farmland, %d red-line patches,"
                        + " %d reservoirs, %d sections, %d sites in %.1f s%n", out, scale, seed,
                c.landUse().size(), c.land().basicFarmland().size(), c.land().redLine().size(),
                c.reservoirs().size(), c.sections().size(), c.sites().size(), (System.nanoTime() - t0) / 1e9);
    }

    /** Whether the options call for the tiled generator (everything but the sample). */
    static boolean tiled(Scale scale, Shape shape, int conflicts) {
        return scale != Scale.SAMPLE || shape != Shape.SMALL || conflicts >= 0;
    }

    /**
     * Writes a variant of any shape and scale; with shape small, no conflict count (−1) and scale sample, exactly
     * {@link #generate(Path, long, Scale)}.
     *
     * @param threads worker threads of the tiled generator (the bytes written do not depend on it)
     */
    public static void generate(Path out, long seed, Scale scale, Shape shape, int conflicts, int threads)
            throws Exception {
        if (tiled(scale, shape, conflicts)) {
            TiledGenerator.write(out, seed, scale, shape, conflicts, threads);
        } else {
            write(out, seed, scale);
        }
    }

    private static void report(Path out, long seed, Scale scale, Shape shape, TiledGenerator.Result r, long t0)
            throws java.io.IOException {
        TiledGpkgWriter.Counts k = r.counts();
        System.out.printf(Locale.ROOT, "wrote %s (%s, %s, seed %d) in %.1f s: %d MB, %d tiles%n", out, scale, shape, seed,
                (System.nanoTime() - t0) / 1e9, Files.size(out) >> 20, r.tiles());
        String[] names = {"land use (DLTB)", "basic farmland (YJJBNTTB)", "red line (STBHHX)"};
        for (int l = 0; l < 3; l++) {
            System.out.printf(Locale.ROOT, "  %-26s %9d features %11d vertices (max %d per feature)%n", names[l],
                    k.features[l], k.vertices[l], k.maxVertices[l]);
        }
        System.out.printf(Locale.ROOT, "  耕地 patches in the DLTB: %d%n", k.cultivated);
        System.out.printf(Locale.ROOT, "  units: %d and %d boundary vertices; big red-line polygons: %d; sites: %d%n",
                r.unitVertices()[0], r.unitVertices()[1], r.corridors(), r.sites());
        System.out.printf(Locale.ROOT, "  conflicts (basic farmland under red line): %d of %d eligible; faults: %s%n",
                k.conflicts, r.plan().eligible, k.faults);
        System.out.printf(Locale.ROOT, "  area factors: red %.4f/%.4f, cultivated %.4f/%.4f, farmland %.4f/%.4f%n",
                r.plan().redFactor[0], r.plan().redFactor[1], r.plan().cultivatedFactor[0],
                r.plan().cultivatedFactor[1], r.plan().farmlandFactor[0], r.plan().farmlandFactor[1]);
    }

    /** Builds the sample (or the small-patch variant of a larger scale) for a seed and writes it to {@code out}. */
    public static void generate(Path out, long seed, Scale scale) throws Exception {
        generate(out, seed, scale, Shape.SMALL, -1, Runtime.getRuntime().availableProcessors());
    }

    static SampleContent write(Path out, long seed, Scale scale) throws Exception {
        if (scale != Scale.SAMPLE) {
            throw new IllegalArgumentException("the county and city scales are made by the tiled generator only");
        }
        SampleContent content = build(seed, scale);
        new SampleGpkgWriter(content, new GeometryFactory()).write(out);
        return content;
    }

    /**
     * The basic farmland and the red line cut to what the land-use layer's partition made of their hosts: each
     * basic-farmland patch to its 耕地 patch, each red-line patch to its unit. Both moved by at most a millimetre; a
     * patch that lay along its host's edge would otherwise stick out of it by a hair.
     */
    private static LandPlan fitted(LandPlan plan, LandUseMosaic.Result landUse) {
        java.util.Map<Integer, org.locationtech.jts.geom.Geometry> hostByCell = new java.util.HashMap<>();
        for (LandUseMosaic.Patch p : landUse.patches()) {
            if (p.cultivated() >= 0) {
                org.locationtech.jts.geom.Polygon g = p.geometry();
                hostByCell.put(plan.cultivated().get(p.cultivated()).cell().id(),
                        g.isValid() ? g : org.locationtech.jts.geom.util.GeometryFixer.fix(g));
            }
        }
        List<LandPatch> farmland = new ArrayList<>();
        for (LandPatch p : plan.basicFarmland()) {
            farmland.add(new LandPatch(p.cell(), cut(p.geometry(), hostByCell.get(p.cell().id()))));
        }
        List<LandPatch> red = new ArrayList<>();
        for (LandPatch p : plan.redLine()) {
            red.add(new LandPatch(p.cell(), cut(p.geometry(), landUse.layout().unit(p.unit()))));
        }
        return new LandPlan(plan.cultivated(), farmland, red, plan.freeCells());
    }

    private static org.locationtech.jts.geom.Polygon cut(org.locationtech.jts.geom.Polygon p, org.locationtech.jts.geom.Geometry host) {
        // in floating precision: the result's edges along the host's are the host's own, so it stays inside it
        org.locationtech.jts.geom.Polygon best = host == null || host.covers(p) ? p
                : largest(org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(p, host,
                org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION), p);
        // but a crossing point computed in floating precision can sit a few nanometres off its edge, and the move into
        // zone 38 (doubles 7·10⁻⁹ m apart there) can fold it, or a shrunk patch's own near-coincident vertices, into a
        // self-intersection: then on the millimetre grid, valid as written, at the price of a vertex up to 0.7 mm off
        // the host's edge
        if (validAsWritten(best)) {
            return best;
        }
        if (host == null) {
            return largest(org.locationtech.jts.precision.GeometryPrecisionReducer.reduce(best,
                    new org.locationtech.jts.geom.PrecisionModel(1_000)), best);
        }
        return largest(org.locationtech.jts.operation.overlayng.OverlayNG.overlay(p, host,
                org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION, new org.locationtech.jts.geom.PrecisionModel(1_000)), p);
    }

    /** Valid in the coordinates the file holds: zone 38, with its prefix (see {@link SampleCrs#ZONE38_PREFIX}). */
    private static boolean validAsWritten(org.locationtech.jts.geom.Polygon p) {
        return org.locationtech.jts.geom.util.AffineTransformation.translationInstance(SampleCrs.ZONE38_PREFIX, 0).transform(p).isValid();
    }

    private static org.locationtech.jts.geom.Polygon largest(org.locationtech.jts.geom.Geometry g, org.locationtech.jts.geom.Polygon fallback) {
        org.locationtech.jts.geom.Polygon best = fallback;
        double area = -1;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof org.locationtech.jts.geom.Polygon q && q.getArea() > area) {
                best = q;
                area = q.getArea();
            }
        }
        return best;
    }

    static SampleContent build(long seed, Scale scale) {
        GeometryFactory gf = new GeometryFactory();
        // one independent stream per step, so changing one step does not reshuffle the others
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom layoutRnd = root.split();
        SplittableRandom reservoirRnd = root.split();
        SplittableRandom cellRnd = root.split();
        SplittableRandom landRnd = root.split();
        SplittableRandom sectionRnd = root.split();
        SplittableRandom siteRnd = root.split();
        SplittableRandom corridorRnd = root.split();

        DistrictLayout layout = DistrictLayout.build(layoutRnd, gf);
        List<Reservoir> reservoirs = ReservoirPlanner.plan(layout, reservoirRnd, gf);
        CellMosaic.Mosaic mosaic = CellMosaic.build(layout, scale.cellSpacing, cellRnd, gf, Corridors.build(layout, corridorRnd, gf));
        LandPlan land = LandPlanner.plan(layout, mosaic.cells(), reservoirs, landRnd);
        DefectInjector.Result withDefects = DefectInjector.inject(land, gf);
        List<Section> sections = SectionPlanner.plan(layout, reservoirs, sectionRnd, gf);
        List<Site> sites = SitePlanner.plan(layout, withDefects.plan(), reservoirs, scale.siteCopies,
                scale.siteAttempts, scale.sitesMustFit, siteRnd, gf);
        LandUseMosaic.Result landUse = LandUseMosaic.build(layout, mosaic, withDefects.plan(), reservoirs, withDefects.defects());
        // the units as the land-use layer's faces make them (within a millimetre of the layout's)
        LandPlan fitted = fitted(withDefects.plan(), landUse);
        return new SampleContent(seed, scale.name().toLowerCase(Locale.ROOT), landUse.layout(), fitted, landUse.patches(), reservoirs,
                sections, sites, BottomLines.all(), withDefects.defects());
    }
}
