package cn.basinguard.app.cli;

import cn.basinguard.app.Version;
import cn.basinguard.data.SampleData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Where a defect of the program is written down: the user sees one line and the path of this log, the developers
 * get the stack trace from the file. Logs go to {@code logs/} in the user's cache folder ({@link SampleData#cacheDir}:
 * ~/.cache/basinguard on Linux, %LOCALAPPDATA%\BasinGuard\cache on Windows) or to the folder the system property
 * {@code basinguard.logs} names, else to the temp folder.
 */
final class CrashLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private CrashLog() {
    }

    /** The file the report was written to; null when no folder would take it. */
    static Path write(Throwable defect, String[] args) {
        String report = report(defect, args);
        String name = "basinguard-" + STAMP.format(LocalDateTime.now()) + "-" + ProcessHandle.current().pid() + ".log";
        String chosen = System.getProperty("basinguard.logs");
        Path first = chosen != null && !chosen.isBlank() ? Path.of(chosen) : SampleData.cacheDir().resolve("logs");
        for (Path dir : new Path[] {first, Path.of(System.getProperty("java.io.tmpdir"))}) {
            try {
                Files.createDirectories(dir);
                return Files.writeString(dir.resolve(name), report, StandardCharsets.UTF_8).toAbsolutePath();
            } catch (IOException | RuntimeException e) {
                // try the next folder
            }
        }
        return null;
    }

    private static String report(Throwable defect, String[] args) {
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println("basinguard " + Version.get() + " on Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            w.println("arguments: " + Arrays.toString(args));
            w.println();
            defect.printStackTrace(w);
        }
        return trace.toString();
    }
}
