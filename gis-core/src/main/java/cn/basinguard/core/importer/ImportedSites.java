package cn.basinguard.core.importer;

import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.RoleLayer;
import cn.basinguard.core.check.SourceFeature;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.i18n.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an importer read from one file: the sites it could read and the problems it met, always together, so the
 * user can use the readable part while fixing the rest.
 *
 * @param source the file read; null for coordinates typed or pasted in ({@link PastedCoordinates})
 * @param crs the file's CRS; null when the file does not tell it (the caller must ask the user, never guess)
 * @param sites the sites in file order
 * @param problems the problems in file order
 */
public record ImportedSites(Path source, Crs crs, List<ImportedSite> sites, List<ImportProblem> problems) {
    public ImportedSites {
        sites = List.copyOf(sites);
        problems = List.copyOf(problems);
    }

    /** The file's name, or what the user is shown for typed or pasted coordinates. */
    public String sourceName() {
        return source != null ? source.getFileName().toString() : Messages.get("import.paste.source");
    }

    /** The sites as the check engine's sites layer: fid = 1-based order, XMMC = the site's name. */
    public RoleLayer toRoleLayer() {
        List<SourceFeature> features = new ArrayList<>(sites.size());
        long fid = 1;
        for (ImportedSite site : sites) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("XMMC", site.name());
            site.attributes().forEach(attrs::putIfAbsent);
            features.add(new SourceFeature(fid++, site.geometry(), attrs));
        }
        return new RoleLayer(LayerRole.SITES, sourceName(), crs, features);
    }
}
