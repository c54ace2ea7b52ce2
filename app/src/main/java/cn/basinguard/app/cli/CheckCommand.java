package cn.basinguard.app.cli;

import cn.basinguard.app.Version;
import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckInput;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.io.AtomicFile;
import cn.basinguard.core.report.CheckJson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code basinguard check FILE.gpkg [more files] [--role ROLE=LAYER]... [--sites FILE [--sites-crs EPSG:CODE]] [--json OUT.json]}: all checks, headless.
 * Exit 0 when the checks ran, whatever they found; 2 when they could not run (the message says why).
 */
final class CheckCommand {
    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        boolean timings = args.remove("--timings");
        CheckArgs in = CheckArgs.parse(args, Set.of("--json", "--sites", "--sites-crs", "--unit"), Set.of(), CliText.get("check.usage"));
        Path json = in.path("--json");
        Path sites = in.path("--sites");
        String sitesCrs = in.values.get("--sites-crs");
        if (in.files.isEmpty()) {
            throw new UsageException(CliText.get("check.usage"));
        }
        Map<String, String> roles = in.roles;
        StageClock clock = new StageClock(timings ? err : null);
        clock.start("read");
        if (sites == null && sitesCrs != null) {
            throw new UsageException(CliText.get("check.sitesCrsWithoutSites"));
        }
        CheckReport report;
        // the sources stay open while the checks run: the big layers are read from them area by area
        try (Inputs inputs = Inputs.open(in, err)) {
            DatasetLoader.Loaded loaded = inputs.load(roles, in.values.get("--unit"));
            CheckInput input = loaded.input();
            if (sites != null) {
                input = SitesOption.replaceSites(input, sites, sitesCrs, err);
            }
            // the command reports figures (text, JSON) and draws nothing: the pieces' outlines are not kept
            report = new CheckEngine(CheckParameters.DEFAULT).figuresOnly().run(input, new Progress((stage, done) -> clock.start(stage), () -> false));
        }
        if (json != null) {
            clock.start("json");
            AtomicFile.write(json, o -> CheckJson.write(report, Version.get(), o));
        }
        clock.stop();
        CheckSummary.print(report, out);
        if (json != null) {
            out.println();
            out.println(CliText.get("check.jsonWritten", json.toAbsolutePath()));
        }
        return Cli.OK;
    }
}
