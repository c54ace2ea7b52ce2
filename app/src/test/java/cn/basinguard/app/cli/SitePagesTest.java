package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.importer.SiteImporter;
import cn.basinguard.core.report.PrintAtlas;
import org.junit.jupiter.api.Test;

/** Site pages of the atlas: a site beyond the map's zone gets none (it would be drawn where the projection wraps it). */
class SitePagesTest {
    @Test
    void aSiteFarFromTheMapsZoneGetsNoPage() {
        SitePages pages = new SitePages(SiteImporter.read(CliSiteScopeTest.FAR).toRoleLayer(), CrsRegistry.fromEpsg(4526));
        assertEquals(java.util.List.of("区外地块", "区内地块"), pages.pages().stream().map(PrintAtlas.Page::name).toList());
        assertEquals(java.util.List.of("旧金山测试地块"), pages.beyond());
    }
}
