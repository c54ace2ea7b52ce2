package cn.basinguard.app.faults;

import cn.basinguard.core.GisException;
import cn.basinguard.core.importer.ImportedSites;
import cn.basinguard.core.importer.SiteImporter;
import cn.basinguard.core.importer.SiteStore;
import java.nio.file.Path;

/**
 * 保存项目选址 as its own process, for the kill test: reads a sites file and saves it as a new layer of a GeoPackage
 * through {@link SiteStore}, the code the window's 文件 → 保存项目选址到 GeoPackage runs (the command line has no
 * such command). Arguments: SITES TARGET.gpkg LAYER. Exit 0 when saved, 2 with the message otherwise.
 */
public final class SaveSitesMain {
    private SaveSitesMain() {
    }

    public static void main(String[] args) {
        try {
            ImportedSites sites = SiteImporter.read(Path.of(args[0]));
            SiteStore.save(sites, sites.crs(), Path.of(args[1]), args[2]);
            System.out.println("saved " + sites.sites().size());
        } catch (GisException e) {
            System.out.println(e.getMessage());
            System.exit(2);
        }
    }
}
