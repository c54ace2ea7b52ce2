package cn.basinguard.app.cli;

import cn.basinguard.app.Version;
import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.report.Fingerprint;
import cn.basinguard.core.report.SheetExporter;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.report.RendererMapPainter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code basinguard export FILE.gpkg... --out DIR [--pdf] [--xlsx] [--csv] [--role ROLE=LAYER]...}: the checks of
 * {@code check} on the same inputs, written as sheets (all formats when none is named).
 */
final class ExportCommand {
    private final PrintStream out;
    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        String usage = CliText.get("export.usage");
        CheckArgs in = CheckArgs.parse(args, Set.of("--out", "--unit"), Set.of("--pdf", "--xlsx", "--csv"), usage);
        Path dir = in.path("--out");
        if (in.files.isEmpty() || dir == null) {
            throw new UsageException(usage);
        }
        Set<SheetExporter.Format> formats = EnumSet.noneOf(SheetExporter.Format.class);
        for (String f : in.flags) {
            formats.add(SheetExporter.Format.valueOf(f.substring(2).toUpperCase(java.util.Locale.ROOT)));
        }
        // the folder is checked before the minutes of computation, not after
        SheetExporter.checkFolder(dir);
        List<Path> written;
        Fingerprint fingerprint;
        try (Inputs inputs = Inputs.open(in, err)) {
            fingerprint = Fingerprint.of(inputs.files(), inputs.contents(), Version.get(), CheckParameters.DEFAULT, in.roles);
            DatasetLoader.Loaded loaded = inputs.load(in.roles, in.values.get("--unit"));
            CheckReport report = new CheckEngine(CheckParameters.DEFAULT).run(loaded.input(), Progress.NONE);
            written = new SheetExporter(new RendererMapPainter(MapLayers.fromSources(inputs.sources(), report.grid())))
                    .export(report, fingerprint, LocalDate.now(), dir, formats, (done, total) -> { });
        }
        for (Path p : written) {
            out.println(p.toAbsolutePath());
        }
        out.println(CliText.get("export.done", written.size(), dir.toAbsolutePath(), fingerprint.shortHash()));
        return Cli.OK;
    }
}
