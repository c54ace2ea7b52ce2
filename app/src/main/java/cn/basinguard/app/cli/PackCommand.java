package cn.basinguard.app.cli;

import cn.basinguard.app.Version;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.pack.OfflinePack;
import cn.basinguard.core.pack.PackArea;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code basinguard pack SOURCE... --out PACK.gpkg [--unit NAME | --extent XMIN,YMIN,XMAX,YMAX [--extent-crs EPSG:CODE] |
 * --boundary FILE] [--role ROLE=LAYER]... [--targets LIST]}: an offline pack of an area for a township office — every
 * role layer's features that meet it, whole, in one GeoPackage, verified against the sources before it is saved.
 */
final class PackCommand {
    private final PrintStream out;
    private final PrintStream err;

    PackCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        String usage = CliText.get("pack.usage");
        CheckArgs in = CheckArgs.parse(args, Set.of("--out", "--unit", "--extent", "--extent-crs", "--boundary"), Set.of(), usage);
        Path target = in.path("--out");
        if (in.files.isEmpty() || target == null) {
            throw new UsageException(usage);
        }
        PackArea area = area(in);
        OfflinePack.Result r;
        try (Inputs inputs = Inputs.open(in, err)) {
            r = OfflinePack.write(new OfflinePack.Request(inputs.sources(), in.roles, area, in.path("--targets"), target, in.sourceOptions(),
                    Version.get()), (stage, done) -> { }, () -> false);
        }
        out.println(CliText.get("pack.written", r.file(), r.area()));
        List<String> sources = r.layers().stream().map(OfflinePack.PackedLayer::source).distinct().toList();
        if (sources.size() == 1) {
            out.println(CliText.get("pack.source", sources.get(0)));
        }
        for (OfflinePack.PackedLayer l : r.layers()) {
            String line = CliText.get("pack.layer", l.table(), CliText.get("pack.role." + l.role()), l.count());
            out.println(sources.size() == 1 ? line : line + CliText.get("pack.from", l.source() + " / " + l.sourceLayer()));
            for (String note : l.notes()) {
                out.println(CliText.get("pack.layerNote", note));
            }
        }
        if (r.styles() > 0) {
            out.println(CliText.get("pack.styles", r.styles()));
        }
        if (!r.left().isEmpty()) {
            out.println(CliText.get("pack.left", String.join("、", r.left())));
        }
        out.println(r.figuresCompared() > 0 ? CliText.get("pack.verified", r.figuresCompared(), r.fingerprint().substring(0, 12))
                : CliText.get("pack.verifiedNoCheck", r.fingerprint().substring(0, 12)));
        return Cli.OK;
    }

    private static PackArea area(CheckArgs in) {
        String unit = in.values.get("--unit");
        String extent = in.values.get("--extent");
        Path boundary = in.path("--boundary");
        String extentCrs = in.values.get("--extent-crs");
        if ((unit != null ? 1 : 0) + (extent != null ? 1 : 0) + (boundary != null ? 1 : 0) > 1) {
            throw new UsageException(CliText.get("pack.oneArea"));
        }
        if (extentCrs != null && extent == null) {
            throw new UsageException(CliText.get("pack.crsWithoutExtent"));
        }
        if (unit != null) {
            return new PackArea.Unit(unit.strip());
        }
        if (extent != null) {
            Crs crs = extentCrs == null ? null : SitesOption.parseCrs(extentCrs);
            return new PackArea.Extent(PackArea.Extent.parse(extent), crs);
        }
        if (boundary != null) {
            return new PackArea.Boundary(boundary);
        }
        return new PackArea.Whole();
    }
}
