package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.map.DefaultStyles;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.report.PrintAtlas;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

/**
 * The window's loaded model keeps a unit or a site without a geometry in its place in the map (drawn as nothing): the
 * print dialog offers no page for it, and a print run makes none, rather than a page framed on nothing.
 */
class AtlasJobTest {
    @Test
    void aUnitOrSiteWithoutAnOutlineGetsNoPage() throws Exception {
        WKTReader wkt = new WKTReader();
        GeometryFactory gf = new GeometryFactory();
        MapLayer units = new MapLayer("单元", "LYZLDY", LayerRole.UNITS, DefaultStyles.forRole(LayerRole.UNITS), List.of(
                new MapFeature(1, wkt.read("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"), "甲片区"),
                new MapFeature(2, gf.createMultiPolygon(), "乙片区")));
        MapLayer sites = new MapLayer("选址", "XMXZ", LayerRole.SITES, DefaultStyles.forRole(LayerRole.SITES), List.of(
                new MapFeature(1, gf.createPolygon(), "无图形项目"),
                new MapFeature(2, wkt.read("POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))"), "某项目")));
        MapContent map = new MapContent(CrsRegistry.fromEpsg(4547), List.of(units, sites));
        assertEquals(List.of("甲片区"), AtlasJob.unitNames(map));
        AtlasJob job = new AtlasJob(map, List.of("甲片区", "乙片区"), true, PrintAtlas.Paper.A4, false, null);
        assertEquals(List.of("甲片区", "某项目"), job.pages().stream().map(PrintAtlas.Page::name).toList());
    }
}
