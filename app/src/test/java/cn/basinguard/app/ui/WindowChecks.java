package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.basinguard.app.Version;
import cn.basinguard.app.cli.Cli;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.report.CheckJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The window's checks set against the command line's: run from its button, and {@code basinguard check … --json} in this JVM. */
final class WindowChecks {
    private WindowChecks() {
    }

    /** Runs every check by the window's button and waits for the report. */
    static CheckReport check(FxRobot robot, WorkbenchApp app) throws Exception {
        robot.interact(() -> app.reportProperty().set(null));
        robot.clickOn("#run-checks");
        FxWait.waitFor(120, TimeUnit.SECONDS, () -> app.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return app.reportProperty().get();
    }

    /** What {@code basinguard ARGS --json} writes (a file in {@code dir}), run in this JVM. */
    static String cliJson(Path dir, String... args) throws IOException {
        Path json = dir.resolve("cli-" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", json.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all.toArray(String[]::new));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return Files.readString(json);
    }

    /** The report as the command line writes it. */
    static String json(CheckReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckJson.write(report, Version.get(), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
