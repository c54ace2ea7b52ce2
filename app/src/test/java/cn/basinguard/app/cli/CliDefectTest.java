package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A defect of the program, an Error included, is exit 3 with one line naming a log file that holds the stack
 * trace; nothing of the trace reaches the terminal. The defects are real ones thrown by the output stream the
 * command prints to: a StackOverflowError from unbounded recursion, an OutOfMemoryError from an allocation too big
 * for any heap, a NullPointerException.
 */
class CliDefectTest {
    @TempDir
    Path logs;

    private String before;

    @BeforeEach
    void logsHere() {
        before = System.getProperty("basinguard.logs");
        System.setProperty("basinguard.logs", logs.toString());
    }

    @AfterEach
    void restore() {
        // the language is process-wide: later tests in this JVM expect Chinese
        cn.basinguard.core.i18n.Messages.setLocale(cn.basinguard.core.i18n.Messages.CHINESE);
        if (before == null) {
            System.clearProperty("basinguard.logs");
        } else {
            System.setProperty("basinguard.logs", before);
        }
    }

    /** An output stream that fails the way a defect does, when the command prints its result. */
    static final class Failing extends OutputStream {
        private final String kind;

        Failing(String kind) {
            this.kind = kind;
        }

        @Override
        public void write(int b) {
            switch (kind) {
                case "stack" -> recurse(0);
                case "heap" -> {
                    long[][] all = new long[Integer.MAX_VALUE - 8][];
                    all[0] = new long[Integer.MAX_VALUE - 8];
                }
                default -> throw new NullPointerException("a null where the program assumed none");
            }
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    @Test
    void errorsAndRuntimeExceptionsAreExitThreeWithALogFile() throws Exception {
        for (String kind : List.of("stack", "heap", "npe")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new Cli(new PrintStream(new Failing(kind), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("--version");
            String said = err.toString(StandardCharsets.UTF_8);
            assertEquals(Cli.INTERNAL, code, kind + ": " + said);
            assertEquals(1, said.lines().count(), said);
            assertFalse(said.contains("\tat ") || said.contains("Exception in thread"), said);
            Path log;
            try (Stream<Path> s = Files.list(logs)) {
                log = s.filter(p -> said.contains(p.toString())).findFirst().orElseThrow(() -> new AssertionError("no log named in: " + said));
            }
            String trace = Files.readString(log);
            assertTrue(trace.contains("arguments: [--version]"), trace);
            assertTrue(trace.contains("\tat cn.basinguard.app.cli."), trace);
            Files.delete(log);
        }
    }
}
