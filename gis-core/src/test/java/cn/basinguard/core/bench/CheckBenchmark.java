package cn.basinguard.core.bench;

import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.check.SiteResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check engine on the county-scale sample, stage by stage, side by side with the GDAL/SpatiaLite peer
 * (shared/bench/gdal-peer.sh) computing the same overlap areas in SQL on the same file. Prints both times, their
 * ratio, and how far the planar overlap areas of the two agree.
 *
 * Make the file once (about 2 minutes, 8 GB heap):
 *   java -Xmx12g -cp data/target/classes:gis-core/target/classes:$(cat cp.txt) cn.basinguard.data.ZengduSampleGenerator
 *       /work/bench-data/zengdu-county.gpkg --scale county
 * then: mvn -q -o -pl gis-core -Pbench verify -Dbench.main=cn.basinguard.core.bench.CheckBenchmark
 *       -Dbench.args="/work/bench-data/zengdu-county.gpkg ../../shared/bench/gdal-peer.sh"
 */
public final class CheckBenchmark {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path peer = args.length > 1 ? Path.of(args[1]) : null;
        Map<String, Long> stages = null;
        CheckReport report = null;
        for (int run = 1; run <= 2; run++) {
            Map<String, Long> times = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            DatasetLoader.Loaded loaded = DatasetLoader.load(List.of(file), Map.of());
            times.put("read", System.nanoTime() - t0);
            String[] stage = {null};
            long[] since = {System.nanoTime()};
            Progress p = new Progress((s, d) -> {
                synchronized (times) {
                    if (!s.equals(stage[0])) {
                        long now = System.nanoTime();
                        if (stage[0] != null) {
                            times.merge(stage[0], now - since[0], Long::sum);
                        }
                        stage[0] = s;
                        since[0] = now;
                    }
                }
            }, () -> false);
            report = new CheckEngine(CheckParameters.DEFAULT).run(loaded.input(), p);
            long end = System.nanoTime();
            times.merge(stage[0], end - since[0], Long::sum);
            System.out.printf("run %d: %d ms in all (read + checks, warm JVM after run 1)%n", run, (end - t0) / 1_000_000);
            times.forEach((k, v) -> System.out.printf("    %-50s %6d ms%n", k, v / 1_000_000));
            stages = times;
        }
        long overlapMs = 0;
        for (Map.Entry<String, Long> e : stages.entrySet()) {
            if (!e.getKey().equals("read") && !e.getKey().contains("读取") && !e.getKey().contains("Reading")) {
                overlapMs += e.getValue() / 1_000_000;
            }
        }
        System.out.printf("BasinGuard overlap work (per-unit clipping, sites, conflicts, indexes): %d ms%n", overlapMs);
        if (peer == null || !Files.isRegularFile(peer) || !onPath("ogrinfo")) {
            System.out.println("GDAL peer not run: give the path of gdal-peer.sh and install gdal-bin (apt-get install gdal-bin)");
            return;
        }
        // SpatiaLite cannot intersect two CRSs: the peer gets a copy with the sites moved into the red lines' EPSG:4526
        Path peerFile = Path.of(file + ".peer.gpkg");
        if (!Files.exists(peerFile)) {
            Files.copy(file, peerFile);
            Process conv = new ProcessBuilder("ogr2ogr", "-update", "-t_srs", "EPSG:4526", "-nln", "XMXZ_4526", "-lco",
                    "IDENTIFIER=XMXZ_4526", peerFile.toString(), file.toString(), "XMXZ").inheritIO().start();
            if (conv.waitFor() != 0) {
                throw new IllegalStateException("ogr2ogr failed");
            }
        }
        List<String> cmd = List.of("sh", peer.toString(), peerFile.toString(), "XMXZ_4526", "XMMC", "LYZLDY", "DYMC", "YJJBNTTB", "STBHHX", "DLTB");
        long p0 = System.nanoTime();
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                lines.add(l);
            }
        }
        int rc = proc.waitFor();
        long peerMs = (System.nanoTime() - p0) / 1_000_000;
        System.out.printf("GDAL/SpatiaLite peer (same overlaps in SQL): %d ms, exit %d, %d lines%n", peerMs, rc, lines.size());
        System.out.printf("ratio peer / BasinGuard overlap work: %.1f×%n", peerMs / (double) Math.max(1, overlapMs));
        compareSites(report, lines);
    }

    /** The peer prints "name = area" rows per site for YJJBNTTB first; compare the sum with ours (planar). */
    static void compareSites(CheckReport report, List<String> lines) {
        double ours = 0;
        for (SiteResult s : report.sites()) {
            ours += s.overlap(LayerRole.BASIC_FARMLAND).area().planarM2();
        }
        double peer = 0;
        int rows = 0;
        for (String l : lines) {
            int eq = l.lastIndexOf("(Real) = ");
            if (eq > 0 && l.contains("area")) {
                String v = l.substring(eq + "(Real) = ".length()).trim();
                if (!v.equals("(null)")) {
                    peer += Double.parseDouble(v);
                }
                rows++;
                if (rows == report.sites().size()) {
                    break;
                }
            }
        }
        System.out.printf("sites × basic farmland, planar m² in all: BasinGuard %.3f, peer %.3f, relative difference %.2e (%d peer rows)%n",
                ours, peer, Math.abs(ours - peer) / Math.max(1, peer), rows);
    }

    static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }
}
