package cn.basinguard.app.cli;

import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.FieldPurpose;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.RoleLayer;
import cn.basinguard.core.check.SourceFeature;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.io.AtomicFile;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.report.PrintAtlas;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code basinguard print FILE.gpkg... --out units.pdf [--paper A4|A3] [--landscape]}: the basin-unit atlas, one page
 * per unit, each map at a rounded scale fitted to its unit.
 */
final class PrintCommand {
    private final PrintStream out;

    PrintCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) {
        String usage = CliText.get("print.usage");
        CheckArgs in = CheckArgs.parse(args, Set.of("--out", "--paper"), Set.of("--landscape"), usage);
        Path pdf = in.path("--out");
        if (in.files.isEmpty() || pdf == null) {
            throw new UsageException(usage);
        }
        PrintAtlas.Paper paper;
        try {
            paper = PrintAtlas.Paper.valueOf(in.values.getOrDefault("--paper", "A4").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(usage);
        }
        var loaded = DatasetLoader.load(in.files, in.roles);
        RoleLayer units = loaded.input().layer(LayerRole.UNITS);
        if (units == null || units.features().isEmpty()) {
            throw new UsageException(CliText.get("print.noUnits"));
        }
        List<PrintAtlas.Page> pages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SourceFeature f : units.features()) {
            String field = FieldPurpose.UNIT_NAME.find(f.attributes());
            String name = field == null ? Long.toString(f.fid()) : f.text(field);
            if (f.geometry() != null && !f.geometry().isEmpty()) {
                pages.add(new PrintAtlas.Page(name, f.geometry()));
                names.add(name);
            }
        }
        List<String> district = loaded.input().targets().otherUnits(names);
        String title = (district.isEmpty() ? "" : district.get(0) + " ") + "%s " + CliText.get("print.title");
        boolean demo = false;
        for (Path f : in.files) {
            try (GeoPackageSource src = GeoPackageSource.open(f)) {
                demo |= src.metadata().stream().anyMatch(m -> m.contains("示意数据"));
            }
        }
        PrintAtlas.Notes notes = new PrintAtlas.Notes(title, units.crs().nameZh(),
                CliText.get("print.sources", String.join("、", in.files.stream().map(p -> p.getFileName().toString()).toList())),
                CliText.get("print.date", LocalDate.now()), demo ? CliText.get("print.demo") : null);
        var map = MapLayers.fromFiles(in.files, units.crs());
        double[][] scales = new double[1][];
        AtomicFile.write(pdf, o -> scales[0] = PrintAtlas.write(map, pages, paper, in.flags.contains("--landscape"), notes, o));
        for (int i = 0; i < pages.size(); i++) {
            out.println(CliText.get("print.page", i + 1, pages.get(i).unit(), String.format(Locale.ROOT, "%,.0f", scales[0][i])));
        }
        out.println(CliText.get("print.done", pdf.toAbsolutePath()));
        return Cli.OK;
    }
}
