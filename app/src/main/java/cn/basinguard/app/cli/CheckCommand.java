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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        List<Path> files = new ArrayList<>();
        Map<String, String> roles = new LinkedHashMap<>();
        Path json = null;
        Path sites = null;
        String sitesCrs = null;
        boolean timings = args.remove("--timings");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--role") || a.equals("--json") || a.equals("--sites") || a.equals("--sites-crs")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(CliText.get("check.usage"));
                }
                String v = args.get(++i);
                if (a.equals("--json")) {
                    json = Path.of(v);
                } else if (a.equals("--sites")) {
                    sites = Path.of(v);
                } else if (a.equals("--sites-crs")) {
                    sitesCrs = v;
                } else {
                    addRole(roles, v);
                }
            } else if (a.startsWith("--sites=")) {
                sites = Path.of(a.substring("--sites=".length()));
            } else if (a.startsWith("--sites-crs=")) {
                sitesCrs = a.substring("--sites-crs=".length());
            } else if (a.startsWith("--role=")) {
                addRole(roles, a.substring("--role=".length()));
            } else if (a.startsWith("--json=")) {
                json = Path.of(a.substring("--json=".length()));
            } else if (a.startsWith("--")) {
                throw new UsageException(CliText.get("cli.unknownOption", a, CliText.get("check.usage")));
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            throw new UsageException(CliText.get("check.usage"));
        }
        StageClock clock = new StageClock(timings ? err : null);
        clock.start("read");
        DatasetLoader.Loaded loaded = DatasetLoader.load(files, roles);
        CheckInput input = loaded.input();
        if (sites != null) {
            input = SitesOption.replaceSites(input, sites, sitesCrs, err);
        } else if (sitesCrs != null) {
            throw new UsageException(CliText.get("check.sitesCrsWithoutSites"));
        }
        CheckReport report = new CheckEngine(CheckParameters.DEFAULT).run(input,
                new Progress((stage, done) -> clock.start(stage), () -> false));
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

    private static void addRole(Map<String, String> roles, String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new UsageException(CliText.get("check.badRole", spec));
        }
        roles.put(spec.substring(0, eq).trim(), spec.substring(eq + 1));
    }
}
