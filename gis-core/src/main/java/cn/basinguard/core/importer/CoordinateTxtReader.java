package cn.basinguard.core.importer;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.measure.EllipsoidalArea;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** Reads the land-approval boundary-point TXT (建设用地报批 / 勘测定界 电子报盘, cn-standards §2). */
public final class CoordinateTxtReader {
    private static final String[] PLOT_FIELDS = {"界址点数", "地块面积", "地块编号", "地块名称", "记录图形属性", "图幅号",
        "地块用途", "地类编码"};
    private static final double AREA_TOLERANCE = 0.001;
    static final java.util.regex.Pattern LINES = java.util.regex.Pattern.compile("\r?\n|\r");
    /** A land-approval plot is a parcel, at most some kilometres across; linear projects come as many plots. */
    static final int MAX_PLOT_EXTENT_M = 100_000;

    private record Row(int line, String ring, double col3, double col4, String name) {
    }

    private record Plot(int line, List<String> fields, List<Row> rows) {
    }

    public ImportedSites read(Path file) throws IOException {
        return read(file, Files.readAllBytes(file));
    }

    /** Reads the bytes of a coordinate file; {@code file} is what the result names (may be null). */
    ImportedSites read(Path file, byte[] bytes) {
        String text = TextDecoder.decode(bytes);
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, String> header = new LinkedHashMap<>();
        List<Plot> plots = new ArrayList<>();
        parse(LINES.split(text, -1), header, plots, problems);
        boolean swapped = swapped(plots);
        if (swapped) {
            problems.add(new ImportProblem(0, Messages.get("import.txt.swapped")));
        }
        int prefix = firstPrefix(plots, swapped);
        // a file without plots is empty, whatever its header says: that is what the user must hear, not the CRS
        Crs crs = plots.isEmpty() ? null : TxtCrsResolver.resolve(header, prefix, problems);
        List<ImportedSite> sites = new ArrayList<>();
        for (Plot plot : plots) {
            ImportedSite site = build(plot, swapped, prefix, crs, problems);
            if (site != null) {
                checkArea(site, crs, plot.line(), problems);
                sites.add(site);
            }
        }
        if (plots.isEmpty()) {
            problems.add(new ImportProblem(0, Messages.get("import.txt.noPlots")));
        }
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::location));
        return new ImportedSites(file, crs, sites, problems);
    }

    private static void parse(String[] lines, Map<String, String> header, List<Plot> plots, List<ImportProblem> problems) {
        String section = "";
        boolean fullWidthReported = false;
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            if (section.equals("属性描述")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    header.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
                continue;
            }
            if (!section.equals("地块坐标")) {
                continue;
            }
            if (line.indexOf('，') >= 0 && !fullWidthReported) {
                problems.add(new ImportProblem(no, Messages.get("import.txt.fullWidthComma")));
                fullWidthReported = true;
            }
            String[] f = line.replace('，', ',').split(",", -1);
            if (line.endsWith("@")) {
                List<String> fields = new ArrayList<>();
                for (int k = 0; k < f.length - 1; k++) {
                    fields.add(f[k].strip());
                }
                plots.add(new Plot(no, fields, new ArrayList<>()));
            } else if (plots.isEmpty()) {
                problems.add(new ImportProblem(no, Messages.get("import.txt.pointBeforePlot")));
            } else if (f.length < 4) {
                problems.add(new ImportProblem(no, Messages.get("import.txt.badRow", line)));
            } else {
                try {
                    plots.get(plots.size() - 1).rows().add(new Row(no, f[1].strip(),
                        Double.parseDouble(f[2].strip()), Double.parseDouble(f[3].strip()), f[0].strip()));
                } catch (NumberFormatException e) {
                    problems.add(new ImportProblem(no, Messages.get("import.txt.badRow", line)));
                }
            }
        }
    }

    private static int intDigits(double v) {
        return Long.toString((long) Math.abs(v)).length();
    }

    /** Northings in China have 7 integer digits; an easting has 6, or 8 with its zone prefix. */
    private static boolean swapped(List<Plot> plots) {
        for (Plot p : plots) {
            for (Row r : p.rows()) {
                return intDigits(r.col3()) != 7 && intDigits(r.col4()) == 7;
            }
        }
        return false;
    }

    private static double easting(Row r, boolean swapped) {
        return swapped ? r.col3() : r.col4();
    }

    private static int prefixOf(double easting) {
        return easting >= 1e7 ? (int) (easting / 1e6) : 0;
    }

    private static int firstPrefix(List<Plot> plots, boolean swapped) {
        for (Plot p : plots) {
            for (Row r : p.rows()) {
                return prefixOf(easting(r, swapped));
            }
        }
        return 0;
    }

    private static ImportedSite build(Plot plot, boolean swapped, int prefix, Crs crs, List<ImportProblem> problems) {
        List<String> f = plot.fields();
        String id = field(f, 2);
        String label = id.isEmpty() ? field(f, 3) : id;
        for (Row r : plot.rows()) {
            // a coordinate no CRS can hold, or far outside the file's zone, would give a wrong place or an area
            // computation that runs for minutes: the plot is left out and the line named
            double easting = easting(r, swapped);
            double northing = swapped ? r.col4() : r.col3();
            if (prefixOf(easting) != prefix) {
                problems.add(new ImportProblem(r.line(), Messages.get("import.txt.mixedZone", label,
                    prefixOf(easting), prefix)));
                return null;
            }
            var wrong = CoordinateLimits.problem(easting, northing, crs);
            if (wrong.isPresent()) {
                problems.add(new ImportProblem(r.line(), Messages.get("import.txt.badPoint", label, r.line(),
                    Messages.get(wrong.get(), CoordinateLimits.text(northing), CoordinateLimits.text(easting),
                        crs == null ? "" : crs.nameZh()))));
                return null;
            }
        }
        Row far = farOff(plot.rows(), swapped);
        if (far != null) {
            problems.add(new ImportProblem(far.line(), Messages.get("import.txt.farPoint", label, far.line(),
                MAX_PLOT_EXTENT_M / 1000)));
            return null;
        }
        checkCount(plot, label, problems);
        Map<String, List<Row>> byRing = new LinkedHashMap<>();
        for (Row r : plot.rows()) {
            byRing.computeIfAbsent(r.ring(), k -> new ArrayList<>()).add(r);
        }
        List<Coordinate[]> rings = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byRing.entrySet()) {
            Coordinate[] ring = ring(e.getValue(), swapped, label, e.getKey(), problems);
            if (ring != null) {
                rings.add(ring);
            }
        }
        if (rings.isEmpty()) {
            problems.add(new ImportProblem(plot.line(), Messages.get("import.txt.noRings", label)));
            return null;
        }
        Geometry g = RingAssembler.assemble(rings);
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (int k = 0; k < f.size(); k++) {
            attrs.put(k < PLOT_FIELDS.length ? PLOT_FIELDS[k] : "字段" + (k + 1), f.get(k));
        }
        String name = field(f, 3).isEmpty() ? label : field(f, 3);
        return new ImportedSite(name, id, attrs, g, declaredArea(field(f, 1)));
    }

    /**
     * The point that lies far from the others when the plot spans more than {@link #MAX_PLOT_EXTENT_M}: one mistyped
     * digit (3508000 → 7508000) moves a corner 4,000 km, and no parcel of a land approval is that big. Null when the
     * plot is compact. The farthest point from the median corner is the one named.
     */
    private static Row farOff(List<Row> rows, boolean swapped) {
        if (rows.isEmpty()) {
            return null;
        }
        double[] e = rows.stream().mapToDouble(r -> easting(r, swapped)).sorted().toArray();
        double[] n = rows.stream().mapToDouble(r -> swapped ? r.col4() : r.col3()).sorted().toArray();
        if (e[e.length - 1] - e[0] <= MAX_PLOT_EXTENT_M && n[n.length - 1] - n[0] <= MAX_PLOT_EXTENT_M) {
            return null;
        }
        double me = e[e.length / 2];
        double mn = n[n.length / 2];
        Row far = rows.get(0);
        double worst = -1;
        for (Row r : rows) {
            double d = Math.hypot(easting(r, swapped) - me, (swapped ? r.col4() : r.col3()) - mn);
            if (d > worst) {
                worst = d;
                far = r;
            }
        }
        return far;
    }

    private static void checkCount(Plot plot, String label, List<ImportProblem> problems) {
        String declared = field(plot.fields(), 0);
        try {
            int n = Integer.parseInt(declared);
            if (n != plot.rows().size()) {
                problems.add(new ImportProblem(plot.line(), Messages.get("import.txt.pointCount", label, n,
                    plot.rows().size())));
            }
        } catch (NumberFormatException e) {
            problems.add(new ImportProblem(plot.line(), Messages.get("import.txt.pointCount", label, declared,
                plot.rows().size())));
        }
    }

    private static Coordinate[] ring(List<Row> rows, boolean swapped, String label, String ringNo,
                                     List<ImportProblem> problems) {
        List<Coordinate> c = new ArrayList<>();
        for (Row r : rows) {
            c.add(swapped ? new Coordinate(r.col3(), r.col4()) : new Coordinate(r.col4(), r.col3()));
        }
        long distinct = c.stream().map(p -> p.x + "," + p.y).distinct().count();
        int firstLine = rows.get(0).line();
        if (distinct < 3) {
            problems.add(new ImportProblem(firstLine, Messages.get("import.txt.tooFewPoints", label, ringNo, distinct)));
            return null;
        }
        if (!c.get(0).equals2D(c.get(c.size() - 1))) {
            // closing it ourselves keeps the site usable; the user still learns the file is incomplete
            problems.add(new ImportProblem(rows.get(rows.size() - 1).line(),
                Messages.get("import.txt.unclosed", label, ringNo, rows.get(0).name())));
            c.add(new Coordinate(c.get(0)));
        }
        return c.toArray(Coordinate[]::new);
    }

    private static void checkArea(ImportedSite site, Crs crs, int line, List<ImportProblem> problems) {
        if (crs == null || site.declaredAreaM2() == null) {
            return;
        }
        double computed;
        try {
            computed = EllipsoidalArea.standard().area(site.geometry(), crs);
        } catch (GisException e) {
            // the declared area cannot be checked; the check itself will say why the site cannot be measured
            problems.add(new ImportProblem(line, e.getMessage()));
            return;
        }
        double declared = site.declaredAreaM2();
        if (Math.abs(computed - declared) > AREA_TOLERANCE * computed) {
            problems.add(new ImportProblem(line, Messages.get("import.txt.areaMismatch", site.id().isEmpty()
                ? site.name() : site.id(), declared / 10000, computed / 10000)));
        }
    }

    private static Double declaredArea(String text) {
        try {
            double ha = text.isEmpty() ? Double.NaN : Double.parseDouble(text);
            return Double.isFinite(ha) && ha >= 0 && ha < 1e9 ? ha * 10000 : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String field(List<String> f, int i) {
        return i < f.size() ? f.get(i) : "";
    }
}
