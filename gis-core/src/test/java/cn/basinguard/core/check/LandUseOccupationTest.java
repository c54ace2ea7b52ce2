package cn.basinguard.core.check;

import static cn.basinguard.core.check.CheckEngineTest.GK;
import static cn.basinguard.core.check.CheckEngineTest.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import cn.basinguard.core.measure.EllipsoidalArea;
import cn.basinguard.core.report.CheckJson;
import cn.basinguard.core.report.Figures;
import cn.basinguard.core.report.Fingerprint;
import cn.basinguard.core.report.SheetBuilder;
import cn.basinguard.core.report.SheetCell;
import cn.basinguard.core.report.SheetTable;
import cn.basinguard.core.report.SiteReviewSheet;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/**
 * A site across a 三调 DLTB, figures by hand. In EPSG:4547, 100 m patches side by side along y 3500000–3500100:
 * 水田 (0101, KCXS 0.1) x 440000–440100, 乔木林地 (0301) 440100–440200, 公路用地 (1003) 440200–440210, a patch of an
 * unknown class (9999) 440210–440250, nothing from 440250. Basic farmland x 440060–440100 inside the 水田; red line
 * x 440150–440200 over the forest. The site is x 440050–440280, y 3500020–3500080 (230 × 60 m = 13,800 m²):
 *
 * <pre>
 *   水田  50 × 60 = 3000: 0101 net 2700, 1203 田坎 300     basic farmland 40 × 60 = 2400
 *   林地 100 × 60 = 6000: 0301                              red line       50 × 60 = 3000
 *   公路  10 × 60 =  600: 1003
 *   9999  40 × 60 = 2400: unknown, reported
 *   gap   30 × 60 = 1800: outside the land-use layer        12,000 + 1,800 = 13,800
 * </pre>
 *
 * Planar figures are exact; ellipsoidal ones are the 32号 areas of the same rectangles.
 */
public class LandUseOccupationTest {
    static final double Y0 = 3500000;
    static final double Y1 = 3500100;
    static final Geometry SITE = box(440050, 3500020, 440280, 3500080);

    @TempDir
    static Path dir;
    static CheckReport report;
    static SiteResult site;

    static double ell(double x0, double x1) {
        return EllipsoidalArea.standard().area(box(x0, 3500020, x1, 3500080), GK);
    }

    static double ellPatch(double x0, double x1) {
        return EllipsoidalArea.standard().area(box(x0, Y0, x1, Y1), GK);
    }

    /** A DLTB, YJJBNTTB, STBHHX, a unit and the site, as a bureau delivers them (all 三调 fields, one layer per role). */
    public static Path write(Path file) throws Exception {
        return write(file, false);
    }

    /** @param overlapping with a 灌木林地 patch lying on the 乔木林地 (a topology error of the layer) */
    static Path write(Path file, boolean overlapping) throws Exception {
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
            w.createFeatureTable("LYZLDY", "units", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("DYMC")));
            w.insertFeature("LYZLDY", box(439000, 3499000, 443000, 3503000), "甲片区");
            w.createFeatureTable("DLTB", "地类图斑", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM"), GpkgColumn.text("TBBH"),
                    GpkgColumn.text("DLBM"), GpkgColumn.text("DLMC"), GpkgColumn.text("QSXZ"), GpkgColumn.text("QSDWDM"),
                    GpkgColumn.text("QSDWMC"), GpkgColumn.text("ZLDWDM"), GpkgColumn.text("ZLDWMC"), GpkgColumn.real("TBMJ"),
                    GpkgColumn.text("KCDLBM"), GpkgColumn.real("KCXS"), GpkgColumn.real("KCMJ"), GpkgColumn.real("TBDLMJ")));
            w.insertFeature("DLTB", box(440000, Y0, 440100, Y1), "LU1", "1", "0101", "水田", "30", "4213031010010000000", "甲村集体",
                    "4213031010010000000", "甲村", 10000.0, "1203", 0.1, 1000.0, 9000.0);
            w.insertFeature("DLTB", box(440100, Y0, 440200, Y1), "LU2", "2", "0301", "乔木林地", "30", "4213031010020000000", "乙村集体",
                    "4213031010020000000", "乙村", 10000.0, null, 0.0, 0.0, 10000.0);
            w.insertFeature("DLTB", box(440200, Y0, 440210, Y1), "LU3", "3", "1003", "公路用地", "10", "421303000000", "曾都区交通运输局",
                    "4213031010020000000", "乙村", 1000.0, null, 0.0, 0.0, 1000.0);
            w.insertFeature("DLTB", box(440210, Y0, 440250, Y1), "LU4", "4", "9999", "待定地类", "30", "4213031010030000000", "丙村集体",
                    "4213031010030000000", "丙村", 4000.0, null, null, null, null);
            if (overlapping) {
                w.insertFeature("DLTB", box(440150, Y0, 440200, Y1), "LU5", "5", "0305", "灌木林地", "30", null, "乙村集体", null, "乙村",
                        5000.0, null, 0.0, 0.0, 5000.0);
            }
            w.createFeatureTable("YJJBNTTB", "永久基本农田", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM"),
                    GpkgColumn.text("TBBH"), GpkgColumn.text("DLBM"), GpkgColumn.text("DLMC"), GpkgColumn.text("ZLDWMC"), GpkgColumn.real("TBMJ")));
            w.insertFeature("YJJBNTTB", box(440060, Y0, 440100, Y1), "BF1", "1", "0101", "水田", "甲村", 4000.0);
            w.createFeatureTable("STBHHX", "生态保护红线", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM"),
                    GpkgColumn.text("HXMC"), GpkgColumn.real("MJ")));
            w.insertFeature("STBHHX", box(440150, Y0, 440200, Y1), "E1", "水源涵养红线", 5000.0);
            w.createFeatureTable("XMXZ", "项目选址", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("XMMC")));
            w.insertFeature("XMXZ", SITE, "跨地类项目");
            w.commit();
        }
        return file;
    }

    @BeforeAll
    static void run() throws Exception {
        Path gpkg = write(dir.resolve("landuse.gpkg"));
        try (var opened = cn.basinguard.core.source.DataSources.openAll(List.of(gpkg.toString()),
                cn.basinguard.core.source.SourceOptions.DEFAULT)) {
            // streamed, as the CLI checks: the land-use layer is read around the site
            DatasetLoader.Loaded loaded = DatasetLoader.fromSources(opened.sources(), Map.of());
            assertEquals("DLTB", loaded.resolution().roles().get(LayerRole.LAND_USE).table());
            assertEquals("DLTB", loaded.resolution().roles().get(LayerRole.CULTIVATED).table());
            report = new CheckEngine(CheckParameters.DEFAULT).run(loaded.input(), Progress.NONE);
        }
        site = report.sites().get(0);
    }

    @Test
    void landClassLinesAreNetOfTiankanWithTiankanItsOwnLine() {
        List<LandClassArea> c = site.landUse().classes();
        assertEquals(List.of("0101", "0301", "1003", "1203", "9999"), c.stream().map(LandClassArea::dlbm).toList());
        assertEquals(List.of("水田", "乔木林地", "公路用地", "田坎", "待定地类"), c.stream().map(LandClassArea::dlmc).toList());
        assertEquals(List.of(LandClassGroup.AGRICULTURAL, LandClassGroup.AGRICULTURAL, LandClassGroup.CONSTRUCTION,
                LandClassGroup.AGRICULTURAL, LandClassGroup.UNKNOWN), c.stream().map(LandClassArea::group).toList());
        double[] planar = {2700, 6000, 600, 300, 2400};
        double[] ellipsoidal = {ell(440050, 440100) * 0.9, ell(440100, 440200), ell(440200, 440210), ell(440050, 440100) * 0.1,
            ell(440210, 440250)};
        for (int i = 0; i < c.size(); i++) {
            assertEquals(planar[i], c.get(i).area().planarM2(), 1e-6, c.get(i).dlbm());
            assertEquals(ellipsoidal[i], c.get(i).area().m2(), 1e-6, c.get(i).dlbm());
        }
    }

    @Test
    void theLinesReconcileWithTheSiteAndWhatTheLayerLeavesUncovered() {
        LandUseOccupation lu = site.landUse();
        assertEquals(13800, site.area().planarM2(), 1e-6);
        assertEquals(12000, lu.covered().planarM2(), 1e-6);
        assertEquals(12000, lu.inside().planarM2(), 1e-6);
        assertEquals(1800, lu.outside().planarM2(), 1e-6);
        assertTrue(lu.doubleCounted().isZero());
        // a 32号 area depends on a polygon's vertices (edges over 70 m are densified), so the union of the pieces, measured
        // whole, differs from the sum of the pieces — by far less than the 0.01 m² a figure shows
        double pieces = ell(440050, 440100) + ell(440100, 440200) + ell(440200, 440210) + ell(440210, 440250);
        assertEquals(pieces, lu.covered().m2(), 1e-6);
        assertEquals(pieces, lu.inside().m2(), 1e-2);
        assertEquals(site.area().m2() - lu.inside().m2(), lu.outside().m2(), 0);
        assertEquals(ell(440250, 440280), lu.outside().m2(), 1e-2);
        assertEquals(site.area().m2(), lu.covered().m2() + lu.outside().m2(), 1e-2);
    }

    @Test
    void threeBigClassesWithCultivatedLandNetUnderAgricultural() {
        LandUseOccupation lu = site.landUse();
        assertEquals(List.of(LandClassGroup.AGRICULTURAL, LandClassGroup.CONSTRUCTION, LandClassGroup.UNUSED, LandClassGroup.UNKNOWN),
                lu.groups().stream().map(GroupArea::group).toList());
        assertEquals(List.of(9000.0, 600.0, 0.0, 2400.0), lu.groups().stream().map(g -> round6(g.area().planarM2())).toList());
        assertEquals(ell(440050, 440100) + ell(440100, 440200), lu.groups().get(0).area().m2(), 1e-6);
        assertEquals(2700, lu.cultivated().planarM2(), 1e-6);
        assertEquals(ell(440050, 440100) * 0.9, lu.cultivated().m2(), 1e-6);
    }

    @Test
    void ownersAndVillagesLargestFirstTiankanIncluded() {
        LandUseOccupation lu = site.landUse();
        assertEquals(List.of("乙村集体", "甲村集体", "丙村集体", "曾都区交通运输局"), lu.owners().stream().map(HolderArea::name).toList());
        assertEquals(List.of(6000.0, 3000.0, 2400.0, 600.0), lu.owners().stream().map(h -> round6(h.area().planarM2())).toList());
        assertEquals(List.of("乙村", "甲村", "丙村"), lu.villages().stream().map(HolderArea::name).toList());
        assertEquals(List.of(6600.0, 3000.0, 2400.0), lu.villages().stream().map(h -> round6(h.area().planarM2())).toList());
        assertEquals(ell(440100, 440200) + ell(440200, 440210), lu.villages().get(0).area().m2(), 1e-6);
    }

    @Test
    void onePatchRowPerOccupiedPatchOfLandUseFarmlandAndRedLine() {
        List<OccupiedPatch> p = site.patches();
        assertEquals(List.of("LU1", "LU2", "LU3", "LU4", "BF1", "E1"), p.stream().map(OccupiedPatch::id).toList());
        assertEquals(List.of(LayerRole.LAND_USE, LayerRole.LAND_USE, LayerRole.LAND_USE, LayerRole.LAND_USE, LayerRole.BASIC_FARMLAND,
                LayerRole.ECO_REDLINE), p.stream().map(OccupiedPatch::role).toList());
        OccupiedPatch rice = p.get(0);
        assertEquals("1", rice.tbbh());
        assertEquals("0101", rice.dlbm());
        assertEquals("水田", rice.dlmc());
        assertEquals("30", rice.qsxz());
        assertEquals("甲村集体", rice.qsdwmc());
        assertEquals("甲村", rice.zldwmc());
        assertEquals(10000.0, rice.tbmj());
        // YZMJ is the whole overlap, 田坎 included; 压占比 the share of the patch's own ellipsoidal area
        assertEquals(3000, rice.area().planarM2(), 1e-6);
        assertEquals(ell(440050, 440100), rice.area().m2(), 1e-6);
        assertEquals(ell(440050, 440100) / ellPatch(440000, 440100), rice.share(), 1e-12);
        assertEquals(0.3, rice.share(), 1e-6);
        OccupiedPatch road = p.get(2);
        assertEquals("10", road.qsxz());
        assertEquals(ell(440200, 440210) / ellPatch(440200, 440210), road.share(), 1e-12);
        OccupiedPatch farmland = p.get(4);
        assertEquals("0101", farmland.dlbm());
        assertEquals("甲村", farmland.zldwmc());
        assertNull(farmland.qsdwmc(), "the layer has no QSDWMC");
        assertEquals(2400, farmland.area().planarM2(), 1e-6);
        assertEquals(0.6, farmland.share(), 1e-6);
        OccupiedPatch red = p.get(5);
        assertEquals(5000.0, red.tbmj(), "a red-line patch's stated area is its MJ");
        assertNull(red.dlbm());
        assertEquals(3000, red.area().planarM2(), 1e-6);
        assertEquals(0.6, red.share(), 1e-6);
    }

    @Test
    void cultivatedOverlapIsNetAndTheVerdictUsesTheNetFigure() {
        Overlap cult = site.overlap(LayerRole.CULTIVATED);
        assertEquals(2700, cult.area().planarM2(), 1e-6);
        assertEquals(3000, cult.gross().planarM2(), 1e-6);
        assertEquals(ell(440050, 440100) * 0.9, cult.area().m2(), 1e-6);
        assertEquals(List.of("LU1"), cult.patchIds());
        assertEquals(2400, site.overlap(LayerRole.BASIC_FARMLAND).area().planarM2(), 1e-6);
        assertEquals(3000, site.overlap(LayerRole.ECO_REDLINE).area().planarM2(), 1e-6);
        assertEquals(List.of(SiteRule.BASIC_FARMLAND_OCCUPIED, SiteRule.ECO_REDLINE_OCCUPIED, SiteRule.CULTIVATED_OCCUPIED), site.verdict().rules());
        // R3 is the net cultivated land outside basic farmland: 2700 − 2400 = 300 m² (ellipsoidal, shown to 0.01 m²)
        double r3 = ell(440050, 440100) * 0.9 - ell(440060, 440100);
        assertTrue(site.verdict().reasons().get(2).contains(Figures.m2Text(r3)), site.verdict().reasons().get(2));
    }

    @Test
    void anUnknownLandClassIsReportedNotDropped() {
        List<DataQualityIssue> unknown = report.dataQuality().stream().filter(d -> d.kind() == DataQualityIssue.Kind.UNKNOWN_LAND_CLASS).toList();
        assertEquals(1, unknown.size(), report.dataQuality().toString());
        assertEquals("LU4", unknown.get(0).featureId());
        assertEquals("9999", unknown.get(0).detail());
        assertTrue(unknown.get(0).source().endsWith("DLTB"), unknown.get(0).source());
        assertTrue(unknown.get(0).describe().contains("9999"));
        assertFalse(report.dataQuality().stream().anyMatch(d -> d.kind() == DataQualityIssue.Kind.LAND_USE_OVERLAP));
        // the layer serving two roles is listed once, as cultivated land
        assertEquals(1, report.inputs().stream().filter(i -> i.endsWith("DLTB")).count(), report.inputs().toString());
    }

    @Test
    void theSiteSheetPrintsEveryTableAfterTheVerdict() {
        SiteReviewSheet sheet = new SheetBuilder(report, LocalDate.of(2026, 1, 1), fingerprint()).siteSheet(site);
        List<SheetTable> t = sheet.tables();
        assertEquals(8, t.size());
        assertTrue(t.get(2).caption().contains("核查结论"), t.get(2).caption());
        SheetTable classes = t.get(3);
        assertTrue(classes.caption().startsWith("四、占用地类"), classes.caption());
        // every figure as the one rounding rule gives it: m² and 亩 to 2 decimals, 公顷 to 4, from the unrounded m²
        double rice = ell(440050, 440100) * 0.9;
        assertEquals(List.of("0101", "水田", "农用地", Figures.m2Text(rice), Figures.hectareText(rice), Figures.muText(rice)),
                texts(classes.rows().get(0)));
        double tiankan = ell(440050, 440100) * 0.1;
        assertEquals(List.of("1203", "田坎", "农用地", Figures.m2Text(tiankan), Figures.hectareText(tiankan), Figures.muText(tiankan)),
                texts(classes.rows().get(3)));
        assertEquals("299.97", Figures.m2Text(tiankan), "300 m² on the plane, 60 km west of the central meridian");
        assertEquals("9999", classes.rows().get(4).get(0).text());
        assertEquals("未知地类", classes.rows().get(4).get(2).text());
        List<List<SheetCell>> tail = classes.rows().subList(5, classes.rows().size());
        assertEquals(List.of("合计", "土地利用现状图层未覆盖", "项目用地面积"), tail.stream().map(r -> r.get(1).text()).toList());
        assertEquals(Figures.m2(site.landUse().covered().m2()), tail.get(0).get(3).number());
        assertEquals(Figures.m2(site.area().m2()), tail.get(2).get(3).number());
        SheetTable groups = t.get(4);
        assertEquals(List.of("农用地", "其中：耕地（扣除田坎）", "建设用地", "未利用地", "未知地类", "合计"),
                groups.rows().stream().map(r -> r.get(0).text()).toList());
        assertEquals(List.of("乙村集体", "甲村集体", "丙村集体", "曾都区交通运输局", "合计"), t.get(5).rows().stream().map(r -> r.get(0).text()).toList());
        assertEquals(List.of("乙村", "甲村", "丙村", "合计"), t.get(6).rows().stream().map(r -> r.get(0).text()).toList());
        SheetTable patches = t.get(7);
        assertTrue(patches.caption().startsWith("八、压占图斑"), patches.caption());
        assertEquals(6, patches.rows().size());
        List<String> riceRow = texts(patches.rows().get(0));
        assertEquals(List.of("地类图斑", "LU1", "1", "0101", "水田", "30", "甲村集体", "甲村", "10000.00"), riceRow.subList(0, 9));
        assertEquals(Figures.m2Text(ell(440050, 440100)), riceRow.get(9));
        assertEquals(Figures.muText(ell(440050, 440100)), riceRow.get(10));
        assertEquals("30.00", riceRow.get(11), "压占比 in %");
        assertEquals("—", patches.rows().get(5).get(3).text(), "the red line has no DLBM");
    }

    @Test
    void theJsonHasTheTablesAndTheNetCultivatedFigureBesideTheGross() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckJson.write(report, "test", out);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) parse(out.toByteArray());
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) ((List<Object>) json.get("sites")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> overlaps = (Map<String, Object>) s.get("overlaps");
        assertEquals(2700, (double) overlaps.get("cultivated_planar_m2"), 1e-6);
        assertEquals(3000, (double) overlaps.get("cultivated_gross_planar_m2"), 1e-6);
        assertEquals(site.overlap(LayerRole.CULTIVATED).gross().m2(), (double) overlaps.get("cultivated_gross_m2"));
        List<?> classes = (List<?>) s.get("land_classes");
        assertEquals(5, classes.size());
        assertEquals(Map.of("dlbm", "0101", "dlmc", "水田", "class3", "农用地", "area_m2", ell(440050, 440100) * 0.9,
                "area_planar_m2", 2700.0).keySet(), ((Map<?, ?>) classes.get(0)).keySet());
        assertEquals("农用地", ((Map<?, ?>) classes.get(0)).get("class3"));
        assertNull(((Map<?, ?>) classes.get(4)).get("class3"), "an unknown class has no class3");
        assertTrue(((Map<?, ?>) classes.get(4)).containsKey("class3"));
        List<?> owners = (List<?>) s.get("owners");
        assertEquals("乙村集体", ((Map<?, ?>) owners.get(0)).get("qsdwmc"));
        assertEquals(6000, (double) ((Map<?, ?>) owners.get(0)).get("area_planar_m2"), 1e-6);
        List<?> patches = (List<?>) s.get("patches");
        Map<?, ?> rice = (Map<?, ?>) patches.get(0);
        assertEquals("land_use", rice.get("role"));
        assertEquals("LU1", rice.get("id"));
        assertEquals("1", rice.get("tbbh"));
        assertEquals("甲村", rice.get("zldwmc"));
        assertEquals(10000.0, rice.get("tbmj_m2"));
        assertEquals(site.patches().get(0).share(), rice.get("share"));
        assertEquals(site.patches().get(0).area().m2(), rice.get("area_m2"));
        assertEquals("eco_redline", ((Map<?, ?>) patches.get(5)).get("role"));
        Map<?, ?> landUse = (Map<?, ?>) s.get("land_use");
        assertEquals(1800, (double) landUse.get("outside_planar_m2"), 1e-6);
        assertEquals(4, ((List<?>) s.get("class3")).size());
        assertEquals("basinguard-check/2", json.get("schema"));
    }

    @Test
    void withoutALandUseLayerTheSiteHasNoLandTablesAndItsCultivatedPatchesAsRows() throws Exception {
        Path gpkg = write(dir.resolve("no-landuse.gpkg"));
        // a 耕地 layer without DLBM is cultivated land only
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
            c.createStatement().execute("DELETE FROM DLTB WHERE DLBM <> '0101'");
        }
        CheckInput in = DatasetLoader.load(List.of(gpkg), Map.of("cultivated", "DLTB", "land_use", "DLTB")).input();
        assertNotNull(in.layer(LayerRole.LAND_USE));
        Map<LayerRole, RoleLayer> layers = new java.util.EnumMap<>(in.layers());
        layers.remove(LayerRole.LAND_USE);
        CheckReport r = new CheckEngine(CheckParameters.DEFAULT).run(new CheckInput(layers, in.targets(), in.inputs()), Progress.NONE);
        SiteResult s = r.sites().get(0);
        assertNull(s.landUse());
        assertEquals(List.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE),
                s.patches().stream().map(OccupiedPatch::role).toList());
        assertEquals(2700, s.overlap(LayerRole.CULTIVATED).area().planarM2(), 1e-6);
        SiteReviewSheet sheet = new SheetBuilder(r, LocalDate.of(2026, 1, 1), fingerprint()).siteSheet(s);
        assertEquals(4, sheet.tables().size());
        assertTrue(sheet.tables().get(3).caption().startsWith("四、压占图斑"), sheet.tables().get(3).caption());
    }

    @Test
    void aGivenLandUseLayerAlsoServesAsCultivatedLand() throws Exception {
        Path gpkg = write(dir.resolve("renamed.gpkg"));
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
            for (String sql : new String[] {"ALTER TABLE DLTB RENAME TO TDLYXZ", "UPDATE gpkg_contents SET table_name = 'TDLYXZ', "
                    + "identifier = '土地利用现状' WHERE table_name = 'DLTB'", "UPDATE gpkg_geometry_columns SET table_name = 'TDLYXZ' "
                    + "WHERE table_name = 'DLTB'"}) {
                c.createStatement().execute(sql);
            }
        }
        DatasetLoader.Loaded loaded = DatasetLoader.load(List.of(gpkg), Map.of());
        assertEquals("TDLYXZ", loaded.resolution().roles().get(LayerRole.LAND_USE).table(), "recognised by its identifier 土地利用现状");
        assertEquals("TDLYXZ", loaded.resolution().roles().get(LayerRole.CULTIVATED).table());
        SiteResult s = new CheckEngine(CheckParameters.DEFAULT).run(loaded.input(), Progress.NONE).sites().get(0);
        assertEquals(2700, s.overlap(LayerRole.CULTIVATED).area().planarM2(), 1e-6);
        assertEquals(12000, s.landUse().covered().planarM2(), 1e-6);
    }

    @Test
    void landUsePatchesOverlappingInsideTheSiteAreCountedTwiceAndReported() throws Exception {
        Path gpkg = write(dir.resolve("overlapping.gpkg"), true);
        CheckReport r = new CheckEngine(CheckParameters.DEFAULT).run(DatasetLoader.load(List.of(gpkg), Map.of()).input(), Progress.NONE);
        LandUseOccupation lu = r.sites().get(0).landUse();
        // 灌木林地 50 × 60 = 3000 lies on the 乔木林地: the lines hold it twice, the site's area inside the layer once
        assertEquals(15000, lu.covered().planarM2(), 1e-6);
        assertEquals(12000, lu.inside().planarM2(), 1e-6);
        assertEquals(3000, lu.doubleCounted().planarM2(), 1e-6);
        assertEquals(1800, lu.outside().planarM2(), 1e-6);
        List<DataQualityIssue> dq = r.dataQuality().stream().filter(d -> d.kind() == DataQualityIssue.Kind.LAND_USE_OVERLAP).toList();
        assertEquals(1, dq.size(), r.dataQuality().toString());
        assertEquals("跨地类项目", dq.get(0).detail());
    }

    @Test
    void theSameFiguresHeldInMemoryAsStreamed() {
        SiteResult held = new CheckEngine(CheckParameters.DEFAULT).run(DatasetLoader.load(List.of(dir.resolve("landuse.gpkg")), Map.of()).input(),
                Progress.NONE).sites().get(0);
        assertEquals(site.landUse(), held.landUse());
        assertEquals(site.patches(), held.patches());
    }

    static Fingerprint fingerprint() {
        return Fingerprint.of(List.of(dir.resolve("landuse.gpkg")), "test", CheckParameters.DEFAULT, Map.of());
    }

    static List<String> texts(List<SheetCell> row) {
        return row.stream().map(SheetCell::text).toList();
    }

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** The JSON as maps, lists, strings, doubles, booleans and nulls. */
    static Object parse(byte[] json) throws Exception {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            return value(p);
        }
    }

    private static Object value(JsonParser p) throws Exception {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }
}
