package cn.basinguard.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `basinguard check` at scale, on files of several data shapes (made by the data module's generator: --shape
 * small|bigpoly|invalid, --scale county|city), each in the same run as the GDAL/SpatiaLite peer doing the same overlap
 * work on the same file. Every command runs as users run it — a fresh process, JVM start included — timed with
 * /usr/bin/time -v (wall time, CPU time, peak RSS):
 * <ul>
 *   <li>ours, plain {@code java -jar basinguard.jar check FILE --json OUT} (as the README's command-line section);</li>
 *   <li>ours kept in the JVM as started, with the JVM's default options ({@code BASINGUARD_NO_RESTART=1}: what a
 *       plain {@code java -jar} gave before the program chose its own options, see {@code JvmChoice});</li>
 *   <li>the peer, {@code gdal-peer.sh FILE XMXZ XMMC LYZLDY DYMC YJJBNTTB STBHHX DLTB} — SpatiaLite cannot intersect
 *       two CRSs, so it gets a copy of the file with the sites (EPSG:4547) moved into the red lines' EPSG:4526 by
 *       ogr2ogr, made once beside the file and outside the timing.</li>
 * </ul>
 * Then a table: shape, patches, our time and RSS (both JVM option sets), the peer's, and our time ÷ the peer's. Both
 * sides' basic-farmland/red-line conflict areas are printed, so a fast wrong answer shows. The machine's load average
 * at each start is printed too: on a shared machine wall times follow it, CPU times much less.
 *
 * <pre>mvn -q -pl app -am -Pbench-scale -DskipTests verify -Dbench.args="/work/bench/county.gpkg /work/bench/county-bigpoly.gpkg"
 *   options (before the files): --peer PATH (default ../../shared/bench/gdal-peer.sh), --peer-timeout MIN (15),
 *   --check-timeout MIN (20), --no-peer, --jar PATH (default target/basinguard.jar), --out DIR (target/bench)</pre>
 */
public final class ScaleBenchmark {
    /** The JVM as started, G1 and a heap of up to a quarter of the RAM: the program does not restart itself. */
    private static final List<String> JVM_DEFAULTS = List.of("env", "BASINGUARD_NO_RESTART=1");

    private record FileInfo(String shape, long cultivated, long farmland, long redLine, long maxRedVertices,
                            long bytes) {
        long patches() {
            return cultivated + farmland + redLine;
        }
    }

    private record Row(Path file, FileInfo info, TimedRun plain, TimedRun defaults, TimedRun peer, double ourConflictM2,
                       double peerConflictM2) {
    }

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path peer = Path.of("../../shared/bench/gdal-peer.sh");
        Path jar = Path.of("target/basinguard.jar");
        Path out = Path.of("target/bench");
        double peerLimit = 15;
        double checkLimit = 20;
        boolean runPeer = true;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--peer" -> peer = Path.of(args[++i]);
                case "--peer-timeout" -> peerLimit = Double.parseDouble(args[++i]);
                case "--check-timeout" -> checkLimit = Double.parseDouble(args[++i]);
                case "--no-peer" -> runPeer = false;
                case "--jar" -> jar = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty() || !Files.isRegularFile(jar)) {
            System.err.println("usage: ScaleBenchmark [options] FILE.gpkg...; needs " + jar + " (mvn package)");
            System.exit(2);
        }
        if (runPeer && (!Files.isRegularFile(peer) || !onPath("ogrinfo"))) {
            System.out.println("GDAL peer not run: " + peer + " or ogrinfo (gdal-bin) missing");
            runPeer = false;
        }
        Files.createDirectories(out);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            FileInfo info = describe(file);
            System.out.printf(Locale.ROOT, "%s: %s, %,d patches (%,d cultivated, %,d basic farmland, %,d red line; "
                            + "largest red-line feature ≈ %,d vertices), %d MB%n", file, info.shape(), info.patches(),
                    info.cultivated(), info.farmland(), info.redLine(), info.maxRedVertices(), info.bytes() >> 20);
            String stem = file.getFileName().toString().replace(".gpkg", "");
            Path json = out.resolve(stem + ".json");
            TimedRun plain = check(java, List.of(), jar, file, json, out.resolve(stem + "-plain"), checkLimit);
            double ours = conflictArea(json, plain);
            TimedRun defaults = check(java, JVM_DEFAULTS, jar, file, json, out.resolve(stem + "-defaults"), checkLimit);
            if (Double.isNaN(ours)) {
                ours = conflictArea(json, defaults);
            }
            TimedRun peerRun = null;
            double peerArea = Double.NaN;
            if (runPeer) {
                Path copy = peerCopy(file);
                List<String> cmd = List.of("sh", peer.toString(), copy.toString(), "XMXZ_4526", "XMMC", "LYZLDY", "DYMC",
                        "YJJBNTTB", "STBHHX", "DLTB");
                Path peerOut = out.resolve(stem + "-peer.txt");
                System.out.printf(Locale.ROOT, "  GDAL/SpatiaLite peer (limit %.0f min) …%n", peerLimit);
                peerRun = TimedRun.run(cmd, peerOut, out.resolve(stem + "-peer.err"), peerLimit);
                report("GDAL/SpatiaLite peer", peerRun);
                peerArea = peerConflictArea(peerOut);
            }
            System.out.printf(Locale.ROOT, "  basic farmland ∩ red line, planar m²: BasinGuard %.3f, peer %s%n", ours,
                    Double.isNaN(peerArea) ? "—" : String.format(Locale.ROOT, "%.3f", peerArea));
            rows.add(new Row(file, info, plain, defaults, peerRun, ours, peerArea));
        }
        String table = table(rows);
        System.out.println();
        System.out.print(table);
        Files.writeString(out.resolve("scale-benchmark.md"), table, StandardCharsets.UTF_8);
    }

    private static TimedRun check(String java, List<String> options, Path jar, Path file, Path json, Path log,
                                  double limit) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        boolean env = !options.isEmpty() && options.get(0).equals("env");
        if (env) {
            cmd.addAll(options);
        }
        cmd.add(java);
        if (!env) {
            cmd.addAll(options);
        }
        cmd.addAll(List.of("-jar", jar.toString(), "check", file.toString(), "--json", json.toString()));
        String label = "basinguard check, " + (options.isEmpty() ? "java -jar" : String.join(" ", options) + " java -jar");
        System.out.printf(Locale.ROOT, "  %s (limit %.0f min) …%n", label, limit);
        Files.deleteIfExists(json);
        TimedRun r = TimedRun.run(cmd, Path.of(log + ".out"), Path.of(log + ".err"), limit);
        report(label, r);
        return r;
    }

    private static void report(String label, TimedRun r) {
        System.out.printf(Locale.ROOT, "    %s: %s wall, %s CPU, peak RSS %s, exit %s (load average %.1f at start)%n",
                label, r.wall(), r.cpu(), r.rss(), r.finished() ? Integer.toString(r.exitCode()) : "killed",
                r.loadBefore());
    }

    /** Shape (from the generator's note), patch counts and the largest red-line feature, read without loading it. */
    private static FileInfo describe(Path file) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro", ro());
             Statement st = c.createStatement()) {
            String shape = "?";
            try (ResultSet rs = st.executeQuery("SELECT NR FROM SJSM WHERE XM = '生成参数'")) {
                if (rs.next()) {
                    shape = shapeOf(rs.getString(1));
                }
            } catch (SQLException e) {
                shape = "(not generated)";
            }
            long[] n = new long[3];
            String[] tables = {"DLTB", "YJJBNTTB", "STBHHX"};
            for (int i = 0; i < 3; i++) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + tables[i])) {
                    n[i] = rs.next() ? rs.getLong(1) : 0;
                }
            }
            long maxVertices = 0;
            // a one-polygon MULTIPOLYGON blob: 40-byte header, 9 + 9 bytes of WKB headers, 4 per ring, 16 per vertex
            try (ResultSet rs = st.executeQuery("SELECT max(length(geom)) FROM STBHHX")) {
                if (rs.next()) {
                    maxVertices = Math.max(0, (rs.getLong(1) - 40 - 18 - 4) / 16);
                }
            }
            return new FileInfo(shape, n[0], n[1], n[2], maxVertices, Files.size(file));
        }
    }

    /** "small, county" from the generator's "seed=…; scale=county; shape=small; conflicts=…" (the sample's has no shape). */
    static String shapeOf(String parameters) {
        Matcher scale = Pattern.compile("scale=(\\w+)").matcher(parameters);
        Matcher shape = Pattern.compile("shape=(\\w+)").matcher(parameters);
        Matcher conflicts = Pattern.compile("conflicts=(\\d+)").matcher(parameters);
        String s = shape.find() ? shape.group(1) : "small (in-memory generator)";
        return s + (scale.find() ? ", " + scale.group(1) : "")
                + (conflicts.find() ? ", " + conflicts.group(1) + " conflicts" : "");
    }

    private static java.util.Properties ro() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        return p;
    }

    /**
     * The check's basic-farmland/red-line conflict area, streamed: with per-site land classes and patch rows the JSON of
     * a county is ~50 MB, which read whole into a String did not fit the benchmark's own 256 MB heap.
     */
    private static double conflictArea(Path json, TimedRun r) throws IOException {
        if (!r.finished() || !Files.isRegularFile(json)) {
            return Double.NaN;
        }
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(json.toFile())) {
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && "basic_farmland_eco_redline_planar_m2".equals(p.currentName())) {
                    p.nextToken();
                    return p.getDoubleValue();
                }
            }
        }
        return Double.NaN;
    }

    /** The peer's last query prints "SUM(area) (Real) = X": basic farmland ∩ red line. */
    private static double peerConflictArea(Path out) throws IOException {
        double v = Double.NaN;
        for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            int eq = l.lastIndexOf("(Real) = ");
            if (l.contains("SUM(area)") && eq > 0) {
                String s = l.substring(eq + "(Real) = ".length()).trim();
                v = s.equals("(null)") ? Double.NaN : Double.parseDouble(s);
            }
        }
        return v;
    }

    /** The file with its sites moved into EPSG:4526 as layer XMXZ_4526, made once beside it (not timed). */
    private static Path peerCopy(Path file) throws IOException, InterruptedException {
        Path copy = Path.of(file + ".peer.gpkg");
        if (Files.exists(copy) && Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(file)) > 0) {
            return copy;
        }
        Path temp = Path.of(file + ".peer-tmp.gpkg");
        Files.copy(file, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Process p = new ProcessBuilder("ogr2ogr", "-update", "-t_srs", "EPSG:4526", "-nln", "XMXZ_4526", "-lco",
                "IDENTIFIER=XMXZ_4526", temp.toString(), file.toString(), "XMXZ").inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("ogr2ogr could not write the peer's copy of " + file);
        }
        Files.move(temp, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| file | shape | patches | ours, java -jar: time / CPU / RSS | ours, JVM defaults (no restart): time / CPU / RSS"
                + " | GDAL/SpatiaLite: time / CPU / RSS | ours ÷ peer (time) | conflict m², ours / peer |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s | %s | %s | %s |%n",
                    r.file().getFileName(), r.info().shape(), r.info().patches(), cell(r.plain()), cell(r.defaults()),
                    r.peer() == null ? "not run" : cell(r.peer()), ratio(r), conflicts(r)));
        }
        sb.append(String.format(Locale.ROOT, "%nLoad average at the starts: %s (2 cores; shared machine).%n",
                loads(rows)));
        return sb.toString();
    }

    private static String cell(TimedRun r) {
        return r.wall() + " / " + r.cpu() + " / " + r.rss();
    }

    private static String ratio(Row r) {
        if (r.peer() == null || !r.peer().finished()) {
            return r.peer() == null ? "—" : "peer " + r.peer().wall();
        }
        String a = r.plain().finished() ? String.format(Locale.ROOT, "%.2f", r.plain().wallSeconds() / r.peer().wallSeconds()) : "—";
        String b = r.defaults().finished() ? String.format(Locale.ROOT, "%.2f", r.defaults().wallSeconds() / r.peer().wallSeconds()) : "—";
        return a + " / " + b;
    }

    private static String conflicts(Row r) {
        return (Double.isNaN(r.ourConflictM2()) ? "—" : String.format(Locale.ROOT, "%.1f", r.ourConflictM2())) + " / "
                + (Double.isNaN(r.peerConflictM2()) ? "—" : String.format(Locale.ROOT, "%.1f", r.peerConflictM2()));
    }

    private static String loads(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%s %.1f/%.1f/%s; ", r.file().getFileName(), r.plain().loadBefore(),
                    r.defaults().loadBefore(), r.peer() == null ? "—" : String.format(Locale.ROOT, "%.1f", r.peer().loadBefore())));
        }
        return sb.toString();
    }

    private static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }
}
