package cn.basinguard.app.cli;

import cn.basinguard.core.check.CheckInput;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.FieldPurpose;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.RoleLayer;
import cn.basinguard.core.check.SourceFeature;
import cn.basinguard.core.io.AtomicFile;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.report.AtlasPng;
import cn.basinguard.core.report.PrintAtlas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code basinguard print FILE.gpkg... --out units.pdf|units.png [--paper A4|A3] [--landscape] [--title TEXT]
 * [--site-pages] [--sites FILE [--sites-crs EPSG:CODE]] [--dpi N]}: the basin-unit atlas, one page per unit (then
 * one per project site), each map at a rounded scale fitted to its unit or site; as PDF, or as one PNG per page.
 */
final class PrintCommand {
    private static final int DEFAULT_DPI = 300;

    private final PrintStream out;
    private final PrintStream err;

    PrintCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        String usage = CliText.get("print.usage");
        CheckArgs in = CheckArgs.parse(args, Set.of("--out", "--paper", "--title", "--sites", "--sites-crs", "--dpi"),
                Set.of("--landscape", "--site-pages"), usage);
        Path target = in.path("--out");
        if (in.files.isEmpty() || target == null) {
            throw new UsageException(usage);
        }
        boolean png = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        PrintAtlas.Paper paper = paper(in, usage);
        int dpi = dpi(in, png, usage);
        // a folder in the way, or a read-only one, is said before the pages are drawn, not after
        AtomicFile.checkTarget(target);
        try (Inputs inputs = Inputs.open(in, err)) {
            return print(in, inputs, target, png, paper, dpi);
        }
    }

    private int print(CheckArgs in, Inputs inputs, Path target, boolean png, PrintAtlas.Paper paper, int dpi) {
        var loaded = inputs.load(in.roles);
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
                pages.add(PrintAtlas.Page.unit(name, f.geometry()));
                names.add(name);
            }
        }
        MapContent map = MapLayers.fromSources(inputs.sources(), units.crs());
        Path sitesFile = in.path("--sites");
        if (sitesFile != null || in.flags.contains("--site-pages")) {
            SitePages sites = sitePages(loaded.input(), sitesFile, in.values.get("--sites-crs"), units);
            for (String name : sites.beyond()) {
                err.println(CliText.get("print.siteBeyond", name));
            }
            pages.addAll(sites.pages());
            if (sitesFile != null) {
                map = sites.replacing(map, sitesFile.getFileName().toString());
            }
        } else if (in.values.containsKey("--sites-crs")) {
            throw new UsageException(CliText.get("check.sitesCrsWithoutSites"));
        }
        PrintAtlas.Notes notes = notes(in, inputs, loaded.input().targets().otherUnits(names), units);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        double[] scales;
        try {
            scales = PrintAtlas.write(map, pages, paper, in.flags.contains("--landscape"), notes, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < pages.size(); i++) {
            out.println(CliText.get("print.page", i + 1, pages.get(i).name(), String.format(Locale.ROOT, "%,.0f", scales[i])));
        }
        if (png) {
            try {
                for (Path p : AtlasPng.write(pdf.toByteArray(), dpi, target)) {
                    out.println(CliText.get("print.pngDone", p.toAbsolutePath(), dpi));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            AtomicFile.write(target, pdf::writeTo);
            out.println(CliText.get("print.done", target.toAbsolutePath()));
        }
        return Cli.OK;
    }

    private static PrintAtlas.Paper paper(CheckArgs in, String usage) {
        try {
            return PrintAtlas.Paper.valueOf(in.values.getOrDefault("--paper", "A4").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(usage);
        }
    }

    private static int dpi(CheckArgs in, boolean png, String usage) {
        String v = in.values.get("--dpi");
        if (v == null) {
            return DEFAULT_DPI;
        }
        try {
            int dpi = Integer.parseInt(v.strip());
            // below 50 nothing is legible; above 1200 an A3 page no longer fits in memory
            if (png && dpi >= 50 && dpi <= 1200) {
                return dpi;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(CliText.get("print.badDpi", v));
    }

    /** The sites of the data, or of {@code --sites FILE} in their place. */
    private SitePages sitePages(CheckInput input, Path file, String crs, RoleLayer units) {
        CheckInput withSites = file == null ? input : SitesOption.replaceSites(input, file, crs, err);
        RoleLayer sites = withSites.layer(LayerRole.SITES);
        if (sites == null || sites.features().isEmpty()) {
            throw new UsageException(CliText.get("print.noSites"));
        }
        return new SitePages(sites, units.crs());
    }

    private static PrintAtlas.Notes notes(CheckArgs in, Inputs inputs, List<String> district, RoleLayer units) {
        String custom = in.values.get("--title");
        String title = PrintAtlas.titleFormat(custom != null ? custom : PrintAtlas.defaultTitle(district.isEmpty() ? null : district.get(0)));
        return PrintAtlas.Notes.of(title, units.crs(), inputs.labels(), LocalDate.now(), inputs.demonstration());
    }
}
