package cn.basinguard.core.bench;

import cn.basinguard.core.check.Area;
import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckInput;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.check.SourceCatalog;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.source.pg.PgAddress;
import cn.basinguard.core.source.pg.PostGisSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.math.Matrix;

/**
 * The checks read from PostGIS against the same checks read from the GeoPackage the database was loaded from, in one
 * run: the whole district from each, and each unit ({@code check --unit}) from each. Every case runs in a JVM of its
 * own (the options of this one), started afresh, so its wall time includes the JVM's start and its peak resident memory
 * (VmHWM) is its own; cases alternate over the runs, and the best of the runs is reported with the median. Each case
 * also gives its own work (open + read + check), the rows the check fetched from the server, and, counted after the
 * check and outside both times, the features that meet its area: a unit's shares of features, rows and time are
 * printed against the whole district's. With {@code --boxes}, boxes of 1/64 to 1/2 of the district's box are checked from
 * each source as well ({@code pack --extent}'s area), and a line through them and the whole district separates the
 * fixed part of a check's work from the part that follows its area's data; the units are set against that line.
 *
 * <pre>
 * mvn -q -o -pl gis-core -Pbench verify -Dbench.main=cn.basinguard.core.bench.PostGisBenchmark \
 *     -Dbench.args="/work/bench/county.gpkg postgresql://basinguard_test@localhost:5432/basinguard_test?schema=county_bench --load --boxes"
 * </pre>
 * {@code --load} loads the GeoPackage into that schema with ogr2ogr first when the schema has no tables (a few minutes
 * at county scale); the password comes from PGPASSWORD or ~/.pgpass, for ogr2ogr as for BasinGuard.
 */
public final class PostGisBenchmark {
    private record Case(String name, String source, String unit) {
    }

    private record Run(long wallMs, long openMs, long readMs, long checkMs, long peakKb, long features, long rowsFetched, long occupied) {
        /** The case's own work, without the JVM's start and the counting of features after it. */
        long work() {
            return openMs + readMs + checkMs;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--case")) {
            runCase(args[1], args[2].equals("-") ? null : args[2]);
            return;
        }
        Path gpkg = Path.of(args[0]);
        String pg = args[1];
        List<String> options = Arrays.asList(args).subList(2, args.length);
        int runs = options.contains("--runs") ? Integer.parseInt(options.get(options.indexOf("--runs") + 1)) : 3;
        if (options.contains("--load")) {
            load(gpkg, PgAddress.parse(pg));
        }
        List<String> units;
        try (DataSources.Opened o = DataSources.open(gpkg.toString(), SourceOptions.DEFAULT)) {
            units = DatasetLoader.fromSources(o.sources(), Map.of()).input().unitNames();
        }
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("GeoPackage, whole district", gpkg.toString(), null));
        cases.add(new Case("PostGIS, whole district", pg, null));
        for (String u : units) {
            cases.add(new Case("GeoPackage, unit " + u, gpkg.toString(), u));
            cases.add(new Case("PostGIS, unit " + u, pg, u));
        }
        List<String> boxes = options.contains("--boxes") ? boxes(gpkg) : List.of();
        for (String b : boxes) {
            cases.add(new Case("GeoPackage, " + b.substring(0, b.indexOf(':')), gpkg.toString(), b));
            cases.add(new Case("PostGIS, " + b.substring(0, b.indexOf(':')), pg, b));
        }
        Map<Case, List<Run>> results = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
            for (Case c : cases) {
                Run run = child(c);
                results.computeIfAbsent(c, k -> new ArrayList<>()).add(run);
                System.out.printf("run %d  %-34s %7d ms (open %5d, read %6d, check %6d ms), peak RSS %5d MB, %8d features, %8d rows fetched%n",
                        r + 1, c.name(), run.wallMs(), run.openMs(), run.readMs(), run.checkMs(), run.peakKb() / 1024, run.features(),
                        run.rowsFetched());
            }
        }
        System.out.println();
        System.out.printf("%-34s %10s %10s %10s %12s%n", "case (JVM start included)", "best ms", "median ms", "peak MB", "features");
        Map<String, Run> best = new LinkedHashMap<>();
        for (Map.Entry<Case, List<Run>> e : results.entrySet()) {
            List<Run> rs = new ArrayList<>(e.getValue());
            rs.sort((a, b) -> Long.compare(a.wallMs(), b.wallMs()));
            Run b = rs.get(0);
            best.put(e.getKey().name(), b);
            System.out.printf("%-34s %10d %10d %10d %12d%n", e.getKey().name(), b.wallMs(), rs.get(rs.size() / 2).wallMs(),
                    rs.stream().mapToLong(Run::peakKb).max().orElse(0) / 1024, b.features());
        }
        Run g = best.get("GeoPackage, whole district");
        Run p = best.get("PostGIS, whole district");
        System.out.printf("%nwhole district: PostGIS / GeoPackage = %.2f× wall (goal ≤ 1.5×), %.2f× open + read + check; reading alone %.2f×%n",
                p.wallMs() / (double) g.wallMs(), p.work() / (double) g.work(), p.readMs() / (double) Math.max(1, g.readMs()));
        for (String u : units) {
            Run pu = best.get("PostGIS, unit " + u);
            Run gu = best.get("GeoPackage, unit " + u);
            System.out.printf("unit %s: %.0f %% of the features, %.0f %% of the rows fetched (%.2f per feature; whole district %.2f),"
                    + " %.0f %% of the whole check's time from PostGIS (%.0f %% wall; GeoPackage %.0f %%)%n", u,
                    100.0 * pu.features() / p.features(), 100.0 * pu.rowsFetched() / p.rowsFetched(), pu.rowsFetched() / (double) pu.features(),
                    p.rowsFetched() / (double) p.features(), 100.0 * pu.work() / p.work(), 100.0 * pu.wallMs() / p.wallMs(),
                    100.0 * gu.work() / g.work());
        }
        if (!boxes.isEmpty()) {
            for (String source : List.of("GeoPackage", "PostGIS")) {
                fit(source, best, units, boxes);
            }
        }
    }

    /**
     * Boxes centred on the district, covering 1/64 … 1/2 of its box: areas whose check is a pack's or a township's,
     * named {@code box N %:xmin,ymin,xmax,ymax} for the child.
     */
    private static List<String> boxes(Path gpkg) throws IOException {
        Envelope district = new Envelope();
        try (DataSources.Opened o = DataSources.open(gpkg.toString(), SourceOptions.DEFAULT)) {
            SourceCatalog.Entry units = SourceCatalog.of(o.sources(), Map.of()).role(LayerRole.UNITS);
            units.source().read(units.info().name(), null, null, f -> district.expandToInclude(f.geometry().getEnvelopeInternal()), p -> { });
        }
        List<String> out = new ArrayList<>();
        for (int sixtyfourths : new int[] {1, 4, 8, 16, 32}) {
            double k = Math.sqrt(sixtyfourths / 64.0) / 2;
            double cx = district.centre().x;
            double cy = district.centre().y;
            out.add(String.format(Locale.ROOT, "box %.1f %%:%.3f,%.3f,%.3f,%.3f", 100.0 * sixtyfourths / 64, cx - k * district.getWidth(),
                    cy - k * district.getHeight(), cx + k * district.getWidth(), cy + k * district.getHeight()));
        }
        return out;
    }

    /**
     * What a check's work is made of: least squares through the whole district and the boxes, work = fixed + a ×
     * features + b × patches under sites (the features that meet the area; the site review follows the sites' land,
     * which is not spread as the patches are), and each case — the units too — against it: "proportional" measured with
     * the fixed part (start, opening, the catalogue, the small layers) apart.
     */
    private static void fit(String source, Map<String, Run> best, List<String> units, List<String> boxes) {
        List<String> names = new ArrayList<>();
        names.add(source + ", whole district");
        boxes.forEach(b -> names.add(source + ", " + b.substring(0, b.indexOf(':'))));
        // the normal equations XᵀX c = Xᵀy; without sites (none under them anywhere) the line has two terms
        Run whole = best.get(source + ", whole district");
        int terms = whole.occupied() > 0 ? 3 : 2;
        double[][] xtx = new double[terms][terms];
        double[] xty = new double[terms];
        for (String name : names) {
            Run r = best.get(name);
            double[] x = {1, r.features(), r.occupied()};
            for (int i = 0; i < terms; i++) {
                for (int j = 0; j < terms; j++) {
                    xtx[i][j] += x[i] * x[j];
                }
                xty[i] += x[i] * r.work();
            }
        }
        double[] c = Arrays.copyOf(Matrix.solve(xtx, xty), 3);
        System.out.printf("%n%s: work = %.0f ms fixed + %.2f ms per 1,000 features + %.2f ms per 1,000 patches under sites"
                + " (least squares through the whole district and the boxes)%n", source, c[0], c[1] * 1000, c[2] * 1000);
        List<String> all = new ArrayList<>(names);
        units.forEach(u -> all.add(source + ", unit " + u));
        for (String name : all) {
            Run r = best.get(name);
            double predicted = c[0] + c[1] * r.features() + c[2] * r.occupied();
            System.out.printf("  %-30s features %5.1f %%, under sites %5.1f %%: work %6d ms = %5.1f %% of the whole's"
                    + " (%5.1f %% beyond the fixed part); the line gives %6.0f ms (%+.1f %%)%n", name,
                    100.0 * r.features() / whole.features(), 100.0 * r.occupied() / Math.max(1, whole.occupied()), r.work(),
                    100.0 * r.work() / whole.work(), 100.0 * (r.work() - c[0]) / (whole.work() - c[0]), predicted,
                    100.0 * (r.work() - predicted) / predicted);
        }
    }

    /** Runs one case in a fresh JVM with this JVM's options and class path. */
    private static Run child(Case c) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PostGisBenchmark.class.getName(), "--case", c.source(),
                c.unit() == null ? "-" : c.unit()));
        long t0 = System.nanoTime();
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                all.append(l).append('\n');
                if (l.startsWith("RESULT ")) {
                    result = l;
                }
            }
        }
        int rc = proc.waitFor();
        long wall = (System.nanoTime() - t0) / 1_000_000;
        if (rc != 0 || result == null) {
            throw new IllegalStateException(c + " failed (exit " + rc + "):\n" + all);
        }
        long[] v = Arrays.stream(result.substring(7).split(" ")).mapToLong(Long::parseLong).toArray();
        return new Run(wall, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    /** One case: open, read the role layers (of one unit, or all), run every check; print the times and VmHWM. */
    private static void runCase(String source, String unit) throws IOException {
        long t0 = System.nanoTime();
        try (DataSources.Opened o = DataSources.open(source, SourceOptions.DEFAULT)) {
            long t1 = System.nanoTime();
            DatasetLoader.Loaded loaded = unit != null && unit.startsWith("box ")
                    ? DatasetLoader.within(o.sources(), Map.of(), box(o.sources(), unit.substring(unit.indexOf(':') + 1)))
                    : DatasetLoader.fromSources(o.sources(), Map.of(), unit);
            long t2 = System.nanoTime();
            CheckReport report = new CheckEngine(CheckParameters.DEFAULT).run(loaded.input(), Progress.NONE);
            long t3 = System.nanoTime();
            // what the check fetched and held, taken before the features are counted (which reads every layer again)
            long peak = peakRssKb();
            long fetched = 0;
            for (DataSource s : o.sources()) {
                if (s instanceof PostGisSource p) {
                    fetched += p.rowsFetched();
                }
            }
            if (report.units().isEmpty() && (unit == null || !unit.startsWith("box "))) {
                throw new IllegalStateException("no units checked");
            }
            // the case's share of the data: each layer's features that meet the area, a land-use layer that also serves
            // as cultivated land counted once (as land use: all its classes)
            CheckInput input = loaded.input();
            long features = input.layers().values().stream()
                    .filter(l -> !(l.role() == LayerRole.CULTIVATED && input.layer(LayerRole.LAND_USE) != null
                            && input.layer(LayerRole.LAND_USE).source().equals(l.source())))
                    .mapToLong(l -> l.features().size()).sum();
            long occupied = report.sites().stream().mapToLong(s -> s.patches().size()).sum();
            System.out.printf("RESULT %d %d %d %d %d %d %d%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, peak,
                    features, fetched, occupied);
        }
    }

    /** A box given as xmin,ymin,xmax,ymax in the units layer's CRS, as {@code pack --extent} takes it. */
    private static Area box(List<DataSource> sources, String corners) {
        double[] c = Arrays.stream(corners.split(",")).mapToDouble(Double::parseDouble).toArray();
        SourceCatalog.Entry units = SourceCatalog.of(sources, Map.of()).role(LayerRole.UNITS);
        return Area.outline("box", new GeometryFactory().toGeometry(new Envelope(c[0], c[2], c[1], c[3])), units.info().srs().crs());
    }

    private static long peakRssKb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Loads the GeoPackage into the address's schema with ogr2ogr unless it already holds tables. */
    private static void load(Path gpkg, PgAddress a) throws IOException, InterruptedException {
        try (PostGisSource existing = PostGisSource.open(a.uri(), SourceOptions.DEFAULT)) {
            if (!existing.layers().isEmpty()) {
                System.out.println("schema " + a.schema() + " already holds " + existing.layers().size() + " layers: not loaded again");
                return;
            }
        } catch (RuntimeException e) {
            System.out.println("loading " + gpkg + " into " + a.uri() + " (" + e.getMessage() + ")");
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("ogr2ogr", "-f", "PostgreSQL", "PG:host=" + a.host() + " port=" + a.port() + " dbname=" + a.database()
                + " user=" + a.user() + " active_schema=" + a.schema(), gpkg.toString(), "-lco", "SCHEMA=" + a.schema(), "-lco",
                "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-preserve_fid").inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ogr2ogr failed; does the schema " + a.schema() + " exist (CREATE SCHEMA)?");
        }
        System.out.printf("loaded with ogr2ogr in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
    }
}
