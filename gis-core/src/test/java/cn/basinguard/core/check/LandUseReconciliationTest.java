package cn.basinguard.core.check;

import static cn.basinguard.core.check.CheckEngineTest.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large site the land-use layer covers whole, its long edges cut by patch boundaries at odd places: the 32号 areas of
 * its pieces do not add up to the site's own to the last 0.01 m² (each edge over 70 m is densified by its own length),
 * but nothing of it is uncovered or counted twice — the reconciliation says so, as the planar figures prove.
 */
class LandUseReconciliationTest {
    @TempDir
    static Path dir;

    @Test
    void aSiteTheLayerCoversWholeHasNothingOutsideWhateverTheEllipsoidalRounding() throws Exception {
        Path file = dir.resolve("cover.gpkg");
        double x0 = 440_000;
        double y0 = 3_500_000;
        double[] cuts = new double[24];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = x0 + i * 73.9173 + (i % 3) * 11.31;
        }
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
            w.createFeatureTable("LYZLDY", "units", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("DYMC")));
            w.insertFeature("LYZLDY", box(x0 - 1_000, y0 - 1_000, x0 + 3_000, y0 + 2_000), "甲片区");
            w.createFeatureTable("DLTB", "地类图斑", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM"), GpkgColumn.text("DLBM")));
            for (int i = 0; i + 1 < cuts.length; i++) {
                w.insertFeature("DLTB", box(cuts[i], y0 - 200, cuts[i + 1], y0 + 700.001), "LU" + i, i % 2 == 0 ? "0301" : "0404");
            }
            w.createFeatureTable("XMXZ", "项目选址", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("XMMC")));
            // slanted edges: the pieces' crossing points lie off the lines the site's own densified edges follow
            w.insertFeature("XMXZ", new org.locationtech.jts.geom.GeometryFactory().createPolygon(new org.locationtech.jts.geom.Coordinate[] {
                new org.locationtech.jts.geom.Coordinate(x0 + 850, y0 - 150), new org.locationtech.jts.geom.Coordinate(x0 + 1_690, y0 + 275),
                new org.locationtech.jts.geom.Coordinate(x0 + 850, y0 + 690), new org.locationtech.jts.geom.Coordinate(x0 + 10, y0 + 275),
                new org.locationtech.jts.geom.Coordinate(x0 + 850, y0 - 150)}), "大项目");
            w.commit();
        }
        CheckReport report;
        try (var opened = cn.basinguard.core.source.DataSources.openAll(List.of(file.toString()),
                cn.basinguard.core.source.SourceOptions.DEFAULT)) {
            report = new CheckEngine(CheckParameters.DEFAULT).run(DatasetLoader.fromSources(opened.sources(), Map.of()).input(), Progress.NONE);
        }
        SiteResult site = report.sites().get(0);
        LandUseOccupation lu = site.landUse();
        assertEquals(site.area().planarM2(), lu.covered().planarM2(), 1e-6);
        double gap = site.area().m2() - lu.covered().m2();
        assertTrue(Math.abs(gap) > 0.01 && Math.abs(gap) < 1e-6 * site.area().m2(),
                "the case this test is for: pieces that do not add up to the site's 32号 area to 0.01 m² (" + gap + ")");
        assertTrue(lu.outside().isZero(), "nothing uncovered: " + lu.outside());
        assertTrue(lu.doubleCounted().isZero(), "nothing counted twice: " + lu.doubleCounted());
        // and the sheet's table adds up to the site's area: the difference has its own line, not the uncovered one's
        var sheet = new cn.basinguard.core.report.SheetBuilder(report, java.time.LocalDate.of(2026, 1, 1),
                cn.basinguard.core.report.Fingerprint.of(List.of(file), "test", CheckParameters.DEFAULT, Map.of())).siteSheet(site);
        var rows = sheet.tables().get(3).rows();
        var tail = rows.subList(rows.size() - 4, rows.size());
        assertEquals(List.of("合计", "土地利用现状图层未覆盖", "逐图斑椭球面积计算差（32号方法，非图层缺漏）", "项目用地面积"),
                tail.stream().map(r -> r.get(1).text()).toList());
        assertEquals("0.00", tail.get(1).get(3).text());
        assertEquals(cn.basinguard.core.report.Figures.m2(site.area().m2()),
                tail.get(0).get(3).number().add(tail.get(2).get(3).number()), "total + difference = site area, as printed");
    }
}
