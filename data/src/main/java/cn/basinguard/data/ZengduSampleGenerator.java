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
 * <pre>usage: ZengduSampleGenerator [output.gpkg] [--seed N] [--scale sample|county] [--also copy.gpkg]
 *        [--bureau FOLDER] [--control-list FILE.xlsx]</pre>
 * {@code --bureau} also writes the sample as a bureau's Shapefile folder ({@link BureauFolder}); {@code --control-list}
 * writes the bottom-line list as an Excel workbook ({@link ControlListWorkbook}).
 */
public final class ZengduSampleGenerator {
    public static final long DEFAULT_SEED = 20230904L;

    /**
     * Cell spacing (m), copies of the project list, candidates per site and whether every site must do what its
     * SLYT says (see {@link SitePlanner#plan}), per scale.
     */
    public enum Scale {
        SAMPLE(560, 1, 20_000, true), COUNTY(45, 59, 40, false);

        final double cellSpacing;
        final int siteCopies;
        final int siteAttempts;
        final boolean sitesMustFit;

        Scale(double cellSpacing, int siteCopies, int siteAttempts, boolean sitesMustFit) {
            this.cellSpacing = cellSpacing;
            this.siteCopies = siteCopies;
            this.siteAttempts = siteAttempts;
            this.sitesMustFit = sitesMustFit;
        }
    }

    private ZengduSampleGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("zengdu-sample.gpkg");
        long seed = DEFAULT_SEED;
        Scale scale = Scale.SAMPLE;
        List<Path> copies = new ArrayList<>();
        Path bureau = null;
        Path controlList = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--scale" -> scale = Scale.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--also" -> copies.add(Path.of(args[++i]));
                case "--bureau" -> bureau = Path.of(args[++i]);
                case "--control-list" -> controlList = Path.of(args[++i]);
                default -> out = Path.of(args[i]);
            }
        }
        long t0 = System.nanoTime();
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
        System.out.printf(Locale.ROOT, "wrote %s (%s, seed %d): %d cultivated, %d basic-farmland, %d red-line patches,"
                        + " %d reservoirs, %d sections, %d sites in %.1f s%n", out, scale, seed,
                c.land().cultivated().size(), c.land().basicFarmland().size(), c.land().redLine().size(),
                c.reservoirs().size(), c.sections().size(), c.sites().size(), (System.nanoTime() - t0) / 1e9);
    }

    /** Builds the sample for a seed and scale and writes it to {@code out}. */
    public static void generate(Path out, long seed, Scale scale) throws Exception {
        write(out, seed, scale);
    }

    static SampleContent write(Path out, long seed, Scale scale) throws Exception {
        SampleContent content = build(seed, scale);
        new SampleGpkgWriter(content, new GeometryFactory()).write(out);
        return content;
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

        DistrictLayout layout = DistrictLayout.build(layoutRnd, gf);
        List<Reservoir> reservoirs = ReservoirPlanner.plan(layout, reservoirRnd, gf);
        List<Cell> cells = CellMosaic.build(layout, scale.cellSpacing, cellRnd, gf);
        LandPlan land = LandPlanner.plan(layout, cells, reservoirs, landRnd);
        DefectInjector.Result withDefects = DefectInjector.inject(land, gf);
        List<Section> sections = SectionPlanner.plan(layout, reservoirs, sectionRnd, gf);
        List<Site> sites = SitePlanner.plan(layout, withDefects.plan(), reservoirs, scale.siteCopies,
                scale.siteAttempts, scale.sitesMustFit, siteRnd, gf);
        return new SampleContent(seed, scale.name().toLowerCase(Locale.ROOT), layout, withDefects.plan(), reservoirs,
                sections, sites, BottomLines.all(), withDefects.defects());
    }
}
