package cn.basinguard.app.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One command run as a user runs it — a fresh process, JVM start included — under {@code /usr/bin/time -v}: wall
 * time, CPU time and peak resident memory. A run that outlives its time limit is killed with its children; its peak
 * memory so far is then read from /proc before the kill.
 *
 * @param wallSeconds  elapsed seconds (the limit, if it did not finish)
 * @param cpuSeconds   user + system seconds (NaN if killed)
 * @param peakRssKb    peak resident set size, kB
 * @param finished     false if killed at the time limit
 * @param exitCode     the command's exit status
 * @param loadBefore   the 1-minute load average when it started (the machine is shared)
 */
record TimedRun(double wallSeconds, double cpuSeconds, long peakRssKb, boolean finished, int exitCode,
                double loadBefore) {

    static TimedRun run(List<String> command, Path stdout, Path stderr, double limitMinutes)
            throws IOException, InterruptedException {
        File times = File.createTempFile("time-v", ".txt");
        try {
            List<String> c = new ArrayList<>(List.of("/usr/bin/time", "-v", "-o", times.getPath()));
            c.addAll(command);
            double load = loadAverage();
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(c).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(Math.round(limitMinutes * 60_000), TimeUnit.MILLISECONDS)) {
                long peak = peakSoFar(p);
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                return new TimedRun((System.nanoTime() - t0) / 1e9, Double.NaN, peak, false, -1, load);
            }
            String report = Files.readString(times.toPath(), StandardCharsets.UTF_8);
            return new TimedRun(wall(report), seconds(report, "User time (seconds):") + seconds(report,
                    "System time (seconds):"), (long) seconds(report, "Maximum resident set size (kbytes):"), true,
                    (int) seconds(report, "Exit status:"), load);
        } finally {
            times.delete();
        }
    }

    String wall() {
        return finished ? String.format(Locale.ROOT, "%.1f s", wallSeconds)
                : String.format(Locale.ROOT, "did not finish in %.0f min", wallSeconds / 60);
    }

    String rss() {
        return String.format(Locale.ROOT, finished ? "%d MB" : "≥ %d MB", peakRssKb / 1024);
    }

    String cpu() {
        return Double.isNaN(cpuSeconds) ? "—" : String.format(Locale.ROOT, "%.1f s", cpuSeconds);
    }

    /** The largest VmHWM (peak RSS) among the process and its descendants, in kB. */
    private static long peakSoFar(Process p) {
        long best = 0;
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        for (ProcessHandle h : all) {
            best = Math.max(best, vmHwm(h.pid()).orElse(0L));
        }
        return best;
    }

    private static Optional<Long> vmHwm(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended meanwhile, or no /proc: nothing to report
        }
        return Optional.empty();
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double seconds(String report, String key) {
        for (String line : report.split("\n")) {
            String t = line.trim();
            if (t.startsWith(key)) {
                return Double.parseDouble(t.substring(key.length()).trim());
            }
        }
        throw new IllegalStateException("/usr/bin/time -v printed no '" + key + "'");
    }

    /** "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:59.13" in seconds. */
    private static double wall(String report) {
        String key = "Elapsed (wall clock) time (h:mm:ss or m:ss):";
        for (String line : report.split("\n")) {
            String t = line.trim();
            if (t.startsWith(key)) {
                double s = 0;
                for (String part : t.substring(key.length()).trim().split(":")) {
                    s = s * 60 + Double.parseDouble(part);
                }
                return s;
            }
        }
        throw new IllegalStateException("/usr/bin/time -v printed no wall time");
    }
}
