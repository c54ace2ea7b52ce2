package cn.basinguard.app.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.PackMetadata;
import cn.basinguard.core.importer.ImportedSites;
import cn.basinguard.core.importer.SiteImporter;
import cn.basinguard.core.importer.SiteStore;
import cn.basinguard.data.SampleData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of output — the sheet export ({@code basinguard export}), the atlas ({@code basinguard print}), a
 * saved sites layer ({@link SiteStore}, as 保存项目选址 runs it) and an offline pack ({@code basinguard pack}, which
 * the window's 制作离线数据包 runs too) — written by a real {@code java} process on the sample
 * that is killed with SIGKILL at random moments: half of the kills at a moment drawn over the whole run, half while
 * the output is being written (after its temporary file appears). After every kill each output under its final name
 * must be the earlier file or the complete new one — never missing, never partial — and (in the full run) a run to
 * the end must leave no temporary file behind.
 *
 * <p>{@code mvn verify} kills each kind {@value #DEFAULT_KILLS} times, to keep the build short; {@code
 * -Dbasinguard.kills=50} (or more) runs the full test, {@code -Dbasinguard.kills.seed=N} repeats a run's moments.
 * Each run appends its counts to {@code app/target/kill-test.txt}.
 */
class OutputKillTest {
    static final int DEFAULT_KILLS = 2;
    private static final int KILLS = Integer.getInteger("basinguard.kills", DEFAULT_KILLS);
    private static final long SEED = Long.getLong("basinguard.kills.seed", System.nanoTime());
    private static final Path REPORT = Path.of("target/kill-test.txt");

    @TempDir
    Path dir;

    /** How one kind of output is produced and judged. */
    interface Kind {
        /** Starts the real command writing into {@code out}. */
        Process start(Path log) throws IOException;

        /** Puts the earlier output back in place before a run (when a finished run changes what "earlier" means). */
        default void reset() throws Exception {
        }

        /** Fails unless the output is the earlier one or the complete new one. */
        void assertEarlierOrComplete() throws Exception;
    }

    /** An uncut run: its length, and the time from its first temporary file appearing to its last disappearing. */
    private record Timing(long runMillis, long writeMillis) {
    }

    /** Where the kills fell. */
    private record Tally(int kills, int beforeWriting, int whileWriting, int betweenFiles, int afterFinishing) {
        @Override
        public String toString() {
            return kills + " kills: " + beforeWriting + " before anything was written, " + whileWriting
                + " while a temporary file was being written, " + betweenFiles + " after an output had been replaced but"
                + " before the process ended, " + afterFinishing + " after the process had ended";
        }
    }

    /** Runs the command uncut and measures the whole run and its writing phase. */
    private static Timing reference(Kind kind, Path out, Path logs) throws Exception {
        long start = System.nanoTime();
        Process p = kind.start(logs.resolve("reference.log"));
        long firstTemp = -1;
        long lastTemp = -1;
        while (p.isAlive()) {
            if (!Outputs.temporaries(out).isEmpty()) {
                long now = System.nanoTime();
                firstTemp = firstTemp < 0 ? now : firstTemp;
                lastTemp = now;
            }
            Thread.sleep(0, 200_000);
        }
        long end = System.nanoTime();
        assertEquals(0, p.exitValue(), Files.readString(logs.resolve("reference.log")));
        return new Timing((end - start) / 1_000_000, firstTemp < 0 ? 20 : Math.max(2, (lastTemp - firstTemp) / 1_000_000));
    }

    /** Whether any output under its final name was replaced after {@code since} (milliseconds since the epoch). */
    private static boolean replacedSince(Path out, long since) throws IOException {
        for (Path p : Outputs.finals(out).values()) {
            if (Files.getLastModifiedTime(p).toMillis() >= since) {
                return true;
            }
        }
        return false;
    }

    private Tally killLoop(String name, Kind kind, Path out, Path logs) throws Exception {
        Timing t = reference(kind, out, logs);
        kind.assertEarlierOrComplete();
        Random random = new Random(SEED ^ name.hashCode());
        int before = 0;
        int during = 0;
        int between = 0;
        int after = 0;
        for (int i = 0; i < KILLS; i++) {
            kind.reset();
            Path log = logs.resolve(name + "-" + i + ".log");
            // file times have coarse steps on some systems: a second's margin, and the earlier outputs made older
            long started = System.currentTimeMillis();
            for (Path f : Outputs.finals(out).values()) {
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(started - 60_000));
            }
            Process p = kind.start(log);
            long pid = p.pid();
            if (i % 2 == 0) {
                // any moment of the run
                Thread.sleep((long) (random.nextDouble() * t.runMillis() * 1.05));
            } else {
                // a moment while the output is being written: after this process's first temporary file appears
                long deadline = System.currentTimeMillis() + t.runMillis() * 3 + 10_000;
                while (p.isAlive() && Outputs.temporaries(out).stream().noneMatch(f -> f.getFileName().toString().contains("." + pid + "."))
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(0, 200_000);
                }
                Thread.sleep((long) (random.nextDouble() * t.writeMillis()));
            }
            boolean ended = !p.isAlive();
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the killed process ends");
            if (ended) {
                assertEquals(0, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
                after++;
            } else if (Outputs.temporaries(out).stream().anyMatch(f -> f.getFileName().toString().contains("." + pid + "."))) {
                during++;
            } else if (replacedSince(out, started - 1000)) {
                between++;
            } else {
                before++;
            }
            try {
                kind.assertEarlierOrComplete();
            } catch (AssertionError e) {
                throw new AssertionError(name + ": after kill " + (i + 1) + " (seed " + SEED + "): " + e.getMessage(), e);
            }
        }
        if (KILLS > DEFAULT_KILLS) {
            // a run to the end writes every output again and deletes the temporary files the killed runs left (in the
            // default build TempFilesTest shows that part, to keep the build short)
            kind.reset();
            Process last = kind.start(logs.resolve(name + "-last.log"));
            assertTrue(last.waitFor(10, TimeUnit.MINUTES));
            assertEquals(0, last.exitValue(), Files.readString(logs.resolve(name + "-last.log"), StandardCharsets.UTF_8));
            kind.assertEarlierOrComplete();
            assertEquals(List.of(), Outputs.temporaries(out), "the temporary files of killed runs are deleted by the next run");
        }
        Tally tally = new Tally(KILLS, before, during, between, after);
        String line = name + ": " + tally + "; 0 partial or missing files (seed " + SEED + "; uncut run " + t.runMillis()
            + " ms, writing " + t.writeMillis() + " ms)";
        System.out.println("kill test " + line);
        Files.writeString(REPORT, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return tally;
    }

    @Test
    void sheetExportKilledAtRandomMoments() throws Exception {
        Path out = Files.createDirectories(dir.resolve("sheets"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Map<String, Object> reference = new TreeMap<>();
        Kind export = new Kind() {
            @Override
            public Process start(Path log) throws IOException {
                return ChildCommand.start(log, "cn.basinguard.app.Main", List.of("export", SampleData.zengduSample().toString(), "--out", out.toString()));
            }

            @Override
            public void assertEarlierOrComplete() throws Exception {
                Map<String, Object> now = snapshot(out);
                if (reference.isEmpty()) {
                    reference.putAll(now);
                    assertTrue(reference.size() > 3, reference.keySet().toString());
                }
                // the same names (none missing, none extra) with the same content as the uncut run: the sheets of one
                // day and one input are the same, so "earlier" and "new" read alike and both must be whole
                assertEquals(reference, now);
            }
        };
        Tally tally = killLoop("export", export, out, logs);
        assertEquals(KILLS, tally.kills());
    }

    /** Every final-named file of an export, as a reader sees it: PDF pages and text, CSV bytes, XLSX sheets and rows. */
    private static Map<String, Object> snapshot(Path out) throws Exception {
        Map<String, Object> s = new TreeMap<>();
        for (var e : Outputs.finals(out).entrySet()) {
            String n = e.getKey();
            s.put(n, n.endsWith(".pdf") ? Outputs.Pdf.of(e.getValue()) : n.endsWith(".xlsx") ? Outputs.xlsx(e.getValue())
                : Outputs.sha256(e.getValue()));
        }
        return s;
    }

    @Test
    void atlasPrintKilledAtRandomMoments() throws Exception {
        Path out = Files.createDirectories(dir.resolve("atlas"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path atlas = out.resolve("units.pdf");
        Outputs.Pdf[] reference = new Outputs.Pdf[1];
        Kind print = new Kind() {
            @Override
            public Process start(Path log) throws IOException {
                return ChildCommand.start(log, "cn.basinguard.app.Main", List.of("print", SampleData.zengduSample().toString(), "--out", atlas.toString()));
            }

            @Override
            public void assertEarlierOrComplete() throws Exception {
                assertEquals(List.of("units.pdf"), List.copyOf(Outputs.finals(out).keySet()));
                Outputs.Pdf now = Outputs.Pdf.of(atlas);
                if (reference[0] == null) {
                    reference[0] = now;
                }
                assertEquals(reference[0], now);
            }
        };
        killLoop("print", print, out, logs);
    }

    @Test
    void savedSitesLayerKilledAtRandomMoments() throws Exception {
        Path out = Files.createDirectories(dir.resolve("work"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path sitesFile = manySites(dir.resolve("sites.geojson"), 6000);
        ImportedSites sites = SiteImporter.read(sitesFile);
        // the earlier state: a working GeoPackage that already holds a layer of sites
        Path pristine = dir.resolve("pristine.gpkg");
        SiteStore.save(sites, sites.crs(), pristine, "earlier");
        String earlier = Outputs.sha256(pristine);
        Path work = out.resolve("work.gpkg");
        int n = sites.sites().size();
        Kind save = new Kind() {
            @Override
            public Process start(Path log) throws IOException {
                return ChildCommand.start(log, SaveSitesMain.class.getName(), List.of(sitesFile.toString(), work.toString(), "later"));
            }

            @Override
            public void reset() throws IOException {
                Files.copy(pristine, work, StandardCopyOption.REPLACE_EXISTING);
            }

            @Override
            public void assertEarlierOrComplete() throws Exception {
                assertEquals(List.of("work.gpkg"), List.copyOf(Outputs.finals(out).keySet()));
                if (!Outputs.sha256(work).equals(earlier)) {
                    // not the earlier bytes: then a valid GeoPackage with both layers whole, never a partial layer
                    Outputs.assertGeoPackage(work, Map.of("earlier", n, "later", n));
                    Ogr.assertReads(work, Map.of("earlier", n, "later", n));
                }
            }
        };
        save.reset();
        killLoop("saved sites", save, out, logs);
    }

    @Test
    void offlinePackKilledAtRandomMoments() throws Exception {
        Path out = Files.createDirectories(dir.resolve("packs"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        String sample = SampleData.zengduSample().toString();
        // the earlier state: a pack of the other unit under the same name
        Path pristine = dir.resolve("earlier.gpkg");
        Process first = ChildCommand.start(logs.resolve("earlier.log"), "cn.basinguard.app.Main",
            List.of("pack", sample, "--unit", "㵐水片区", "--out", pristine.toString()));
        assertTrue(first.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, first.exitValue(), Files.readString(logs.resolve("earlier.log"), StandardCharsets.UTF_8));
        String earlier = Outputs.sha256(pristine);
        Path pack = out.resolve("pack.gpkg");
        Map<String, Integer> layers = new TreeMap<>();
        String[] fingerprint = new String[1];
        Kind packing = new Kind() {
            @Override
            public Process start(Path log) throws IOException {
                return ChildCommand.start(log, "cn.basinguard.app.Main", List.of("pack", sample, "--unit", "涢水片区", "--out", pack.toString()));
            }

            @Override
            public void reset() throws IOException {
                Files.copy(pristine, pack, StandardCopyOption.REPLACE_EXISTING);
            }

            @Override
            public void assertEarlierOrComplete() throws Exception {
                assertEquals(List.of("pack.gpkg"), List.copyOf(Outputs.finals(out).keySet()));
                if (Outputs.sha256(pack).equals(earlier)) {
                    return;
                }
                // not the earlier bytes: then the complete verified pack of the uncut run (its time differs, not its content)
                String now;
                Map<String, Integer> counts = new TreeMap<>();
                try (GeoPackageSource p = GeoPackageSource.open(pack)) {
                    now = PackMetadata.field(p.packDocument(), "fingerprint");
                    p.layers().stream().filter(l -> l.kind() == LayerInfo.Kind.FEATURES).forEach(l -> counts.put(l.name(), (int) l.featureCount()));
                }
                if (fingerprint[0] == null) {
                    fingerprint[0] = now;
                    layers.putAll(counts);
                    assertTrue(layers.size() >= 7 && layers.get("YJJBNTTB") > 0, layers.toString());
                }
                assertEquals(fingerprint[0], now, "the pack's content");
                Outputs.assertGeoPackage(pack, layers);
            }
        };
        packing.reset();
        killLoop("offline pack", packing, out, logs);
    }

    /** A GeoJSON of {@code n} 50 m squares inside the sample's units. */
    private static Path manySites(Path file, int n) throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            double lon = 113.30 + (i % 100) * 0.002;
            double lat = 31.75 + (i / 100) * 0.002;
            double d = 0.0005;
            sb.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"XMMC\":\"地块").append(i)
                .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(lon).append(',').append(lat)
                .append("],[").append(lon + d).append(',').append(lat).append("],[").append(lon + d).append(',').append(lat + d)
                .append("],[").append(lon).append(',').append(lat + d).append("],[").append(lon).append(',').append(lat).append("]]]}}");
        }
        return Files.writeString(file, sb.append("]}").toString(), StandardCharsets.UTF_8);
    }
}
