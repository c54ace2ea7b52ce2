package cn.basinguard.core.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real fuzzing, run by {@code mvn -Pfuzz verify -Dfuzz.seconds=60}: each target gets its own JVM (Jazzer fuzzes one
 * target per process) started with Jazzer's driver on the @FuzzTest method, for the given seconds, on the seeds of
 * {@link FuzzSeeds}, the target's Inputs folder and the corpus grown by earlier runs (target/fuzz/corpus). Every
 * finding is written into the Inputs folder, where each later {@code mvn verify} replays it. Prints executions and
 * findings per target, writes them to target/fuzz/summary.md, and fails when anything was found.
 *
 * <p>Arguments: module directory, shared corpus folder, seconds per target, then target ids (none: all).
 */
public final class FuzzRunner {
    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
    private static final Pattern PROGRESS = Pattern.compile("^#(\\d+)\\s");
    private static final Pattern ARTIFACT = Pattern.compile("Test unit written to (\\S+)");
    /** Coverage feedback from our code and the libraries it hands the bytes to. */
    private static final String INSTRUMENT = "cn.basinguard.**:org.locationtech.jts.**:com.fasterxml.jackson.**";

    private FuzzRunner() {
    }

    record Result(FuzzTarget target, long executions, long seconds, List<String> findings, int exitCode) {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args[0]).toAbsolutePath();
        Path corpus = Path.of(args[1]);
        int seconds = Integer.parseInt(args[2].strip());
        List<FuzzTarget> targets = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            for (String id : args[i].split("[,\\s]+")) {
                if (!id.isBlank()) {
                    targets.add(FuzzTarget.byId(id.strip()));
                }
            }
        }
        if (targets.isEmpty()) {
            targets.addAll(List.of(FuzzTarget.values()));
        }
        FuzzSeeds seeds = new FuzzSeeds(module.resolve("src/test/resources"), corpus);
        List<Result> results = new ArrayList<>();
        for (FuzzTarget t : targets) {
            results.add(fuzz(module, seeds, t, seconds));
        }
        report(module.resolve("target/fuzz/summary.md"), results, seconds);
        if (results.stream().anyMatch(r -> !r.findings().isEmpty() || r.exitCode() != 0)) {
            System.exit(1);
        }
    }

    static Result fuzz(Path module, FuzzSeeds seeds, FuzzTarget t, int seconds) throws IOException, InterruptedException {
        Path work = module.resolve("target/fuzz");
        Path grown = work.resolve("corpus").resolve(t.id());
        Path seedDir = work.resolve("seeds").resolve(t.id());
        Path inputs = t.inputs(module);
        Files.createDirectories(grown);
        Files.createDirectories(inputs);
        int n = seeds.write(t, seedDir);
        Path log = work.resolve(t.id() + ".log");
        // the GeoPackage targets write a file per run: in memory where the system has a RAM disk
        String tmp = Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm" : System.getProperty("java.io.tmpdir");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx2g", "-Xss4m", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
            "com.code_intelligence.jazzer.Jazzer",
            "--target_class=" + t.testClass, "--target_method=" + t.method,
            "--instrumentation_includes=" + INSTRUMENT,
            // two hooks cost more than they find here. The SQL injection sanitizer parses every statement with
            // JSqlParser: the GeoPackage targets ran at 2 a second instead of 100 (our SQL quotes identifiers with
            // Sql.id and binds values; the sanitizer still runs in every mvn verify, where the inputs are replayed).
            // RegexRoadblocks instruments java.util.regex to steer inputs through patterns: the TXT and pasted
            // targets, which split every line with a regex, ran at 20 a second instead of 300.
            "--disabled_hooks=com.code_intelligence.jazzer.sanitizers.SqlInjection:com.code_intelligence.jazzer.sanitizers.RegexRoadblocks",
            // keep going after a finding, so one run lists every distinct defect (deduplicated by stack trace)
            "--keep_going=20",
                        // a run over 30 s is a stall (the first run also pays for instrumenting the classes it loads)
            "-max_total_time=" + seconds, "-timeout=30", "-rss_limit_mb=3072", "-max_len=65536",
            // libFuzzer's 'slow unit' (10 s) is the first run paying for instrumentation: stalls are the timeouts above
            "-report_slow_units=100000",
            "-artifact_prefix=" + inputs + "/",
            grown.toString(), seedDir.toString(), inputs.toString());
        System.out.printf("fuzzing %s for %d s (%d seeds) ...%n", t.id(), seconds, n);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long executions = 0;
        long took = 0;
        List<String> findings = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                w.println(line);
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) {
                    executions = Math.max(executions, Long.parseLong(m.group(1)));
                }
                m = DONE.matcher(line);
                if (m.find()) {
                    executions = Math.max(executions, Long.parseLong(m.group(1)));
                    took = Long.parseLong(m.group(2));
                }
                m = ARTIFACT.matcher(line);
                if (m.find()) {
                    findings.add(Path.of(m.group(1)).getFileName().toString());
                    System.out.println("  finding: " + m.group(1));
                }
            }
        }
        int exit = p.waitFor();
        System.out.printf("  %s: %,d executions in %d s, %d findings (exit %d; log %s)%n", t.id(), executions, took,
            findings.size(), exit, log);
        return new Result(t, executions, took, findings, exit);
    }

    private static void report(Path file, List<Result> results, int seconds) throws IOException {
        StringBuilder b = new StringBuilder("# Fuzzing, " + LocalDateTime.now().withNano(0) + ", " + seconds + " s per target\n\n"
            + "| target | @FuzzTest | executions | seconds | findings |\n|---|---|---:|---:|---|\n");
        for (Result r : results) {
            b.append(String.format("| %s | %s#%s | %,d | %d | %s |%n", r.target().id(),
                r.target().testClass.substring(r.target().testClass.lastIndexOf('.') + 1), r.target().method,
                r.executions(), r.seconds(), r.findings().isEmpty() ? (r.exitCode() == 0 ? "none" : "exit " + r.exitCode())
                    : String.join(", ", r.findings())));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString());
        System.out.println();
        System.out.print(b);
    }
}
