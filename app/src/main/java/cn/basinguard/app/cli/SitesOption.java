package cn.basinguard.app.cli;

import cn.basinguard.core.check.CheckInput;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.RoleLayer;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.importer.ImportProblem;
import cn.basinguard.core.importer.ImportedSites;
import cn.basinguard.core.importer.SiteImporter;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code --sites FILE [--sites-crs EPSG:CODE]}: project sites from a TXT, Shapefile, GeoJSON or KML file. */
final class SitesOption {
    private SitesOption() {
    }

    /** The input with its sites role replaced by the file's sites; import problems go to {@code err} as warnings. */
    static CheckInput replaceSites(CheckInput input, Path file, String crsOption, PrintStream err) {
        // the CRS the user gives is known before reading: coordinates are checked in it, not in the file's
        Crs given = crsOption != null ? parseCrs(crsOption) : null;
        ImportedSites imported = SiteImporter.read(file, given);
        for (ImportProblem p : imported.problems()) {
            err.println(CliText.get("check.sitesWarning", imported.sourceName(), p));
        }
        // a file with no usable site is the first thing to say (whatever its CRS), and always exit 2
        boolean usable = imported.sites().stream().anyMatch(s -> s.geometry() != null && !s.geometry().isEmpty());
        if (!usable) {
            throw new UsageException(CliText.get(imported.problems().isEmpty() ? "check.sitesNone" : "check.sitesEmpty",
                imported.sourceName()));
        }
        Crs crs = given != null ? given : imported.crs();
        if (crs == null) {
            throw new UsageException(CliText.get("check.sitesNoCrs", imported.sourceName()));
        }
        RoleLayer layer = imported.toRoleLayer();
        return input.with(new RoleLayer(LayerRole.SITES, layer.source(), crs, layer.features()), file.toString());
    }

    static Crs parseCrs(String spec) {
        String digits = spec.toUpperCase(java.util.Locale.ROOT).replaceFirst("^EPSG:", "").strip();
        try {
            int code = Integer.parseInt(digits);
            if (CrsRegistry.isKnown(code)) {
                return CrsRegistry.fromEpsg(code);
            }
        } catch (NumberFormatException e) {
            // falls through to the usage message below
        }
        throw new UsageException(CliText.get("check.badSitesCrs", spec));
    }
}
