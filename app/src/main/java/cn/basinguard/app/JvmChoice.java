package cn.basinguard.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The JVM options each kind of run needs, so that the program is as fast and as small when started by a plain
 * {@code java -jar basinguard.jar} as from its launchers. The JVM's defaults suit neither: on the county data the
 * default collector (G1, heap up to a quarter of the RAM) let a check grow to 1.5–3.9 GB resident, while the serial
 * collector keeps the same check near 0.5 GB at the same CPU time (README, "JVM options"). A JVM cannot change its
 * collector once started, so a run that needs other options starts itself again with them, once, and passes its exit
 * code on; the options the user gives on the command line always win (no restart then).
 *
 * <ul>
 *   <li>Heavy commands ({@code check}, {@code export}, {@code print}, {@code pack}): the serial collector, soft
 *       references cleared at each collection ({@link #HEAVY_OPTIONS}). The checks
 *       allocate short-lived geometry at a high rate; the serial collector's heap follows the live set closely. A
 *       check also runs with the quick compiler only ({@link #QUICK_COMPILER}).</li>
 *   <li>The window: G1 (short pauses while panning) with a 64 MB young generation, whose pauses stay at 35–55 ms
 *       instead of ~290 ms on the county data, and a heap of at most {@link #WINDOW_HEAP}.</li>
 * </ul>
 */
final class JvmChoice {
    /** Set in the restarted JVM: never restart again. */
    static final String TUNED = "basinguard.tuned";
    /** The process id of the JVM that started this one: when it ends, this one ends too (see {@link #watchParent}). */
    static final String PARENT = "basinguard.parent";
    /** Set (to anything) to run in the JVM as started, whatever its options. */
    static final String NO_RESTART_ENV = "BASINGUARD_NO_RESTART";

    private static final Set<String> HEAVY = Set.of("check", "export", "print", "pack");
    /**
     * JTS keeps a copy of a geometry's coordinates behind a soft reference once an overlay has asked for them, and the
     * JVM keeps softly reachable objects for a second per free megabyte of heap: with a large maximum heap the copies
     * outlive many collections and the heap grows instead (city file, 1.75 M patches: 1,186 MB resident, 803 MB with
     * soft references cleared at each collection, at the same CPU time).
     *
     * <p>The heap's start and young generation are fixed, not left to the machine: the JVM starts the heap at 1/64 of the
     * RAM, so on a 4 GB office PC a county check began in a 64 MB heap with a 21 MB young generation and grew it by 18
     * full collections and 201 young ones (9.9 s of collection, 40.5 s CPU; on a 24 GB machine 2.1 s). With 320 MB and
     * 128 MB it runs as on the large machine whatever the RAM: no full collection, 53 young ones, 3.0 s, 33.7 s CPU,
     * 340 MB resident (full-tiling county file; the city file 359 MB, no full collection).
     *
     * <p>The young generation is 160 MB with survivor spaces of 32 MB (ratio 3): a tile's data lives across a young
     * collection or two, and with the default survivor spaces (13 MB of 128 MB) what did not fit was promoted, then died
     * in the old generation, which a long check filled to the end of the heap before anything collected it. City file
     * (4.65 M patches, 4,012 sites): 320–354 MB resident → 259–261 MB; full-tiling county 240–247 → 222 MB; the same
     * time on both (alternating runs, 2 cores).
     */
    static final List<String> HEAVY_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:SoftRefLRUPolicyMSPerMB=0", "-Xms320m", "-Xmn160m",
            "-XX:SurvivorRatio=3");
    /**
     * The window's heap limit. With the JVM's default (a quarter of the RAM) G1 let the window's heap grow to 2.2 GB
     * of mostly garbage while the checks ran on the county file (3 GB resident): it marks the old generation only when
     * it is 45 % full. The window's live data there is 0.57–0.66 GB (map and biggest attribute table, then the checks'
     * tiles; heap after full collections), and 1 GB left G1 so little room that it fell back to full collections of
     * 4–6 s; 1200 MB keeps the whole process under 1.5 GB resident (README, "JVM options"). Since the map is packed,
     * the full-tiling county (1.16 M features) peaks at 1.46 GB; with 1000 MB its DLTB table's read forced a full
     * collection of 309 ms. Since the window holds one loaded model (every attribute from the start, coordinates exact:
     * 512 MB live for that county), it peaks at 1.43–1.45 GB with ~0.77 GB in the old generation after every check.
     */
    static final String WINDOW_HEAP = "-Xmx1200m";

    /**
     * The window on Linux: the JVM honours Java thread priorities (by default it ignores them there; Windows honours
     * them always), a MIN_PRIORITY thread running at nice 9. The window's background work (map painters, reading,
     * checks) runs at MIN_PRIORITY, so the JavaFX thread and its render thread get a core first when a frame is due:
     * panning over imagery on 2 cores loaded by other work, the longest JavaFX block of a pan fell from a median of
     * 341 ms to 187 ms and the blocks over 50 ms from 20–29 to 5–20 a pan (README, "JVM options"). Raising a priority
     * needs privileges and is silently not done (the JVM warns once of it at start), lowering one does not: the
     * JavaFX threads stay at the nice they were started with.
     */
    static final List<String> WINDOW_PRIORITIES_LINUX = List.of("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=9");

    /**
     * Only the quick (C1) compiler, for every check: a check of a county spends a fifth of its CPU in the optimising
     * compiler warming up, more than its better code gives back in a run of 15–30 s on 2 cores (idle machine, plain
     * java -jar: county of 430,000 patches 21.3 → 15.7 s, full-tiling county 25.3–28.1 → 23.3–25.2 s, 10–15 % less CPU
     * and 30 MB less memory). The city file (1.7 GB, 1.75 M patches, 4,000 sites) was 17 % slower with it before its
     * check got faster; now it is within 3 % (idle machine: 40.2–41.2 s against 38.5–40.3 s) and 45 MB smaller
     * (229 against 271–276 MB resident), so inputs of every size, databases too, get it.
     */
    static final String QUICK_COMPILER = "-XX:TieredStopAtLevel=1";

    private JvmChoice() {
    }

    /** The options this run should have; empty when it runs well in any JVM (a short command, --version …). */
    static Optional<List<String>> wanted(String[] args, boolean window) {
        return wanted(args, window, System.getProperty("os.name", ""));
    }

    /** As above on the given OS ({@code os.name}). */
    static Optional<List<String>> wanted(String[] args, boolean window, String os) {
        if (window) {
            List<String> options = new ArrayList<>(List.of("-XX:+UseG1GC", "-Xmn64m", WINDOW_HEAP));
            if (os.startsWith("Linux")) {
                options.addAll(WINDOW_PRIORITIES_LINUX);
            }
            return Optional.of(List.copyOf(options));
        }
        if (args.length > 0 && args[0].equalsIgnoreCase("check")) {
            List<String> options = new ArrayList<>(HEAVY_OPTIONS);
            options.add(QUICK_COMPILER);
            return Optional.of(List.copyOf(options));
        }
        if (args.length > 0 && HEAVY.contains(args[0].toLowerCase(Locale.ROOT))) {
            return Optional.of(HEAVY_OPTIONS);
        }
        return Optional.empty();
    }

    /** Whether the options the JVM was started with already decide memory or collection (the user's, or ours). */
    static boolean chosenAlready(List<String> jvmArguments) {
        for (String a : jvmArguments) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xmn") || a.startsWith("-Xms") || a.startsWith("-XX:")
                    || a.startsWith("-D" + TUNED)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the program again in a JVM with the options this run needs, when the current one lacks them and nothing
     * forbids it; returns that run's exit code, or empty to go on in this JVM.
     */
    static Optional<Integer> restartIfNeeded(String[] args, boolean window) {
        Optional<List<String>> wanted = wanted(args, window);
        if (wanted.isEmpty() || System.getenv(NO_RESTART_ENV) != null) {
            return Optional.empty();
        }
        List<String> jvmArguments;
        try {
            jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // no management module: run as started
        }
        Optional<Path> java = javaExecutable(window);
        String classPath = System.getProperty("java.class.path");
        if (chosenAlready(jvmArguments) || java.isEmpty() || classPath == null || classPath.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get().toString());
        command.addAll(wanted.get());
        command.addAll(jvmArguments); // the user's -D… (file.encoding, user.language) carry over
        command.add("-D" + TUNED + "=true");
        command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty(); // cannot start a JVM here (no exec permission …): run as started
        }
        // Ctrl-C or a kill of this process ends the child too (a SIGKILL cannot be caught: the child watches us)
        Thread stop = new Thread(child::destroy, "basinguard-stop-child");
        Runtime.getRuntime().addShutdownHook(stop);
        while (true) {
            try {
                int exit = child.waitFor();
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
                return Optional.of(exit);
            } catch (InterruptedException e) {
                // keep waiting: the child's exit code is this run's
            }
        }
    }

    /**
     * The java of the running runtime (not the process's own executable: the installed launcher loads the JVM into
     * itself); javaw on Windows for the window, so that no console opens.
     */
    private static Optional<Path> javaExecutable(boolean window) {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String name : window ? List.of("javaw.exe", "java.exe", "java") : List.of("java.exe", "java")) {
            Path p = bin.resolve(name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** In a restarted JVM: ends this process when the one that started it is gone (killed, or its console closed). */
    static void watchParent() {
        String parent = System.getProperty(PARENT);
        if (parent == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(143)),
                    () -> Runtime.getRuntime().halt(143));
        } catch (NumberFormatException e) {
            // not ours: nothing to watch
        }
    }
}
