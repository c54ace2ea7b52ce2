package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.measure.AreaUnits;
import cn.basinguard.core.measure.EllipsoidalArea;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Hand-computable geometry in EPSG:4547: two 10 km units side by side, 1 km patches, sites whose overlaps are
 * rectangles. Planar figures are exact; ellipsoidal ones are the 32号 area of the expected rectangles.
 */
class CheckEngineTest {
    static final Crs GK = CrsRegistry.fromEpsg(4547);
    static final Crs GK_PREFIXED = CrsRegistry.fromEpsg(4526);
    static final WKTReader WKT = new WKTReader();

    static Geometry box(double x0, double y0, double x1, double y1) {
        return geom(String.format("POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))", x0, y0, x1, y0, x1, y1, x0, y1, x0, y0));
    }

    static Geometry geom(String wkt) {
        try {
            return WKT.read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static double ellipsoidal(Geometry g) {
        return EllipsoidalArea.standard().area(g, GK);
    }

    static SourceFeature f(long fid, Geometry g, Object... kv) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            a.put((String) kv[i], kv[i + 1]);
        }
        return new SourceFeature(fid, g, a);
    }

    static Geometry shift(Geometry g) {
        Geometry c = g.copy();
        c.apply(org.locationtech.jts.geom.util.AffineTransformation.translationInstance(38_000_000, 0));
        c.geometryChanged();
        return c;
    }

    final Geometry unitA = box(440000, 3500000, 450000, 3510000);
    final Geometry unitB = box(450000, 3500000, 460000, 3510000);
    final Geometry cultA = box(441000, 3501000, 442000, 3502000);
    final Geometry cultStraddle = box(449500, 3501000, 450500, 3502000);
    final Geometry cultWithHole = geom("POLYGON((452000 3503000, 453000 3503000, 453000 3504000, 452000 3504000, 452000 3503000),"
            + "(452400 3503400, 452600 3503400, 452600 3503600, 452400 3503600, 452400 3503400))");
    final Geometry bowTie = geom("POLYGON((456000 3506000, 456100 3506100, 456100 3506000, 456000 3506100, 456000 3506000))");
    final Geometry bfA = box(441000, 3501000, 441500, 3501500);
    final Geometry ecoA = box(443000, 3501000, 444000, 3502000);
    final Geometry ecoOverBf = box(441400, 3501400, 441600, 3501600);
    final Geometry siteStraddle = box(449000, 3501200, 451000, 3501400);
    final Geometry siteOnBf = box(441200, 3501200, 441300, 3501300);
    final Geometry siteClean = box(455000, 3505000, 455100, 3505100);
    final Geometry siteOnHole = box(452450, 3503450, 452550, 3503550);

    CheckInput input(List<Target> targets) {
        Map<LayerRole, RoleLayer> layers = new EnumMap<>(LayerRole.class);
        // red-line layers carry the zone prefix (EPSG:4526), sites do not (EPSG:4547), as real deliveries do
        layers.put(LayerRole.UNITS, new RoleLayer(LayerRole.UNITS, "t.gpkg / units", GK_PREFIXED, List.of(
                f(1, shift(unitA), "DYMC", "甲片区"), f(2, shift(unitB), "DYMC", "乙片区"))));
        layers.put(LayerRole.CULTIVATED, new RoleLayer(LayerRole.CULTIVATED, "t.gpkg / 耕地", GK_PREFIXED, List.of(
                f(1, shift(cultA), "BSM", "C1"), f(2, shift(cultStraddle), "BSM", "C2"), f(3, shift(cultWithHole), "BSM", "C3"),
                f(4, shift(bowTie), "BSM", "C4"), f(5, null, "BSM", "C5"))));
        layers.put(LayerRole.BASIC_FARMLAND, new RoleLayer(LayerRole.BASIC_FARMLAND, "t.gpkg / 永久基本农田", GK_PREFIXED,
                List.of(f(1, shift(bfA), "BSM", "B1"))));
        layers.put(LayerRole.ECO_REDLINE, new RoleLayer(LayerRole.ECO_REDLINE, "t.gpkg / 生态保护红线", GK_PREFIXED,
                List.of(f(1, shift(ecoA), "BSM", "E1"), f(2, shift(ecoOverBf), "BSM", "E2"))));
        layers.put(LayerRole.SITES, new RoleLayer(LayerRole.SITES, "t.gpkg / 项目选址", GK, List.of(
                f(1, siteStraddle, "XMMC", "跨界项目"), f(2, siteOnBf, "XMMC", "压占基本农田项目"), f(3, siteClean, "XMMC", "无压占项目"),
                f(4, siteOnHole, "XMMC", "洞内项目"))));
        return new CheckInput(layers, new TargetTable(targets), List.of("t.gpkg"));
    }

    CheckReport run(List<Target> targets) {
        return new CheckEngine(CheckParameters.DEFAULT).run(input(targets), Progress.NONE);
    }

    @Test
    void unitTotalsClipPatchesToUnits() {
        CheckReport r = run(List.of());
        UnitResult a = r.units().get(0);
        UnitResult b = r.units().get(1);
        assertEquals("甲片区", a.name());
        assertEquals("乙片区", b.name());
        // A: the 1 km square + the western half of the straddling patch
        double aPlanar = 1e6 + 0.5e6;
        assertEquals(aPlanar, a.areaOf(LayerRole.CULTIVATED).planarM2(), 1e-6);
        double aEllipsoidal = ellipsoidal(cultA) + ellipsoidal(box(449500, 3501000, 450000, 3502000));
        assertEquals(aEllipsoidal, a.areaOf(LayerRole.CULTIVATED).m2(), 1e-6);
        // B: eastern half, the ring with a 200 m hole, the bow-tie as repaired (two 50 m triangles: 2 × 2500 m²)
        double bPlanar = 0.5e6 + (1e6 - 4e4) + 2 * 2500;
        assertEquals(bPlanar, b.areaOf(LayerRole.CULTIVATED).planarM2(), 1e-6);
        assertTrue(b.areaOf(LayerRole.CULTIVATED).m2() < bPlanar, "ellipsoidal area is below the Gauss-Kruger plane area");
        assertEquals(0.25e6, a.areaOf(LayerRole.BASIC_FARMLAND).planarM2(), 1e-6);
        assertEquals(1e6 + 4e4, a.areaOf(LayerRole.ECO_REDLINE).planarM2(), 1e-6);
        UnitResult district = r.units().get(2);
        assertTrue(district.district());
        assertEquals(aPlanar + bPlanar, district.areaOf(LayerRole.CULTIVATED).planarM2(), 1e-6);
        assertEquals(a.area().m2() + b.area().m2(), district.area().m2(), 1e-6);
    }

    @Test
    void siteStraddlingBothUnitsHasBothUnitsAndItsOverlap() {
        SiteResult s = run(List.of()).sites().get(0);
        assertEquals("跨界项目", s.name());
        // equal halves on the plane; the eastern half lies nearer the central meridian, so it is larger on the ellipsoid
        assertEquals(List.of("乙片区", "甲片区"), s.unitNames());
        assertTrue(s.units().get(0).area().m2() > s.units().get(1).area().m2());
        assertEquals(2e5, s.units().get(0).area().planarM2(), 1e-6);
        assertEquals(4e5, s.area().planarM2(), 1e-6);
        Overlap cult = s.overlap(LayerRole.CULTIVATED);
        assertEquals(2e5, cult.area().planarM2(), 1e-6);
        assertEquals(ellipsoidal(box(449500, 3501200, 450500, 3501400)), cult.area().m2(), 1e-6);
        assertEquals(List.of("C2"), cult.patchIds());
        assertEquals(2e5, cult.geometry().getArea(), 1e-6);
        assertEquals(Verdict.Level.CONDITIONAL, s.verdict().level());
        assertEquals(List.of(SiteRule.CULTIVATED_OCCUPIED), s.verdict().rules());
    }

    @Test
    void siteOnBasicFarmlandFails() {
        SiteResult s = run(List.of()).sites().get(1);
        assertEquals(1e4, s.overlap(LayerRole.BASIC_FARMLAND).area().planarM2(), 1e-6);
        assertEquals(List.of("B1"), s.overlap(LayerRole.BASIC_FARMLAND).patchIds());
        // wholly inside the patch: covered, so the overlap is the site itself
        assertEquals(1e4, s.overlap(LayerRole.CULTIVATED).area().planarM2(), 1e-6);
        assertEquals(Verdict.Level.FAIL, s.verdict().level());
        assertEquals(SiteRule.BASIC_FARMLAND_OCCUPIED, s.verdict().rules().get(0));
        String m2 = AreaUnits.format(AreaUnits.squareMetres(s.overlap(LayerRole.BASIC_FARMLAND).area().m2()));
        assertTrue(s.verdict().reasons().get(0).contains(m2), s.verdict().reasons().get(0));
    }

    @Test
    void cleanSiteAndSiteInsideAHolePass() {
        CheckReport r = run(List.of());
        for (SiteResult s : List.of(r.sites().get(2), r.sites().get(3))) {
            assertEquals(Verdict.Level.PASS, s.verdict().level(), s.name());
            assertTrue(s.overlap(LayerRole.CULTIVATED).area().isZero(), s.name());
            assertNull(s.overlap(LayerRole.CULTIVATED).geometry());
        }
    }

    @Test
    void basicFarmlandOverlappingTheRedLineIsAConflict() {
        CheckReport r = run(List.of());
        assertEquals(1, r.conflicts().size());
        ConflictPatch c = r.conflicts().get(0);
        assertEquals("B1", c.basicFarmlandId());
        assertEquals("E2", c.ecoRedlineId());
        assertEquals(List.of("甲片区"), c.units());
        assertEquals(1e4, c.area().planarM2(), 1e-6);
        assertEquals(ellipsoidal(box(441400, 3501400, 441500, 3501500)), c.area().m2(), 1e-6);
        assertEquals(c.area(), r.conflictTotal());
    }

    /** The command line's engine: the same figures, word for word in the JSON, without the pieces' outlines. */
    @Test
    void figuresOnlyGivesTheSameFiguresWithoutThePieces() throws Exception {
        CheckReport full = run(List.of());
        CheckReport figures = new CheckEngine(CheckParameters.DEFAULT).figuresOnly().run(input(List.of()), Progress.NONE);
        assertNotNull(full.sites().get(0).overlap(LayerRole.CULTIVATED).geometry());
        assertNotNull(full.conflicts().get(0).geometry());
        assertNull(figures.sites().get(0).overlap(LayerRole.CULTIVATED).geometry());
        assertNull(figures.sites().get(1).overlap(LayerRole.BASIC_FARMLAND).geometry());
        assertNull(figures.conflicts().get(0).geometry());
        assertEquals(json(full), json(figures));
        assertTrue(json(figures).contains("C2"));
    }

    private static String json(CheckReport r) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        cn.basinguard.core.report.CheckJson.write(r, "test", out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void dataQualityListsTheBowTieAndTheNullGeometry() {
        List<DataQualityIssue> dq = run(List.of()).dataQuality();
        assertTrue(dq.stream().anyMatch(d -> d.kind() == DataQualityIssue.Kind.INVALID_GEOMETRY && d.featureId().equals("C4")
                && d.handling() == DataQualityIssue.Handling.REPAIRED), dq.toString());
        assertTrue(dq.stream().anyMatch(d -> d.kind() == DataQualityIssue.Kind.NULL_GEOMETRY && d.featureId().equals("C5")), dq.toString());
        assertTrue(dq.get(0).describe().contains("耕地"));
    }

    @Test
    void targetsAreHeldAsShown() {
        double aWanMu = AreaUnits.wanMu(ellipsoidal(cultA) + ellipsoidal(box(449500, 3501000, 450000, 3502000)), 2).doubleValue();
        List<Target> targets = new ArrayList<>(List.of(
                new Target("甲片区", "GD_BYL", "耕地保有量", aWanMu, "万亩", Comparison.AT_LEAST, "附件3 甲", "", null),
                new Target("乙片区", "GD_BYL", "耕地保有量", 1.00, "万亩", Comparison.AT_LEAST, "附件3 乙", "", null),
                new Target("乙片区", "XX_UNKNOWN", "未知指标", 1, "个", Comparison.EQUAL, "", "", null),
                new Target("全县", "GD_BYL", "耕地保有量", 0.1, "万亩", Comparison.AT_LEAST, "总述", "", "G1")));
        CheckReport r = run(targets);
        IndicatorResult a = r.units().get(0).indicators().get(0);
        assertEquals(IndicatorResult.Status.PASS, a.status());
        assertEquals(aWanMu, a.measured());
        assertEquals(0.0, a.difference());
        IndicatorResult b = r.units().get(1).indicators().get(0);
        assertEquals(IndicatorResult.Status.FAIL, b.status());
        assertTrue(b.difference() < 0);
        assertEquals(IndicatorResult.Status.NO_DATA, r.units().get(1).indicators().get(1).status());
        UnitResult district = r.units().get(2);
        assertEquals("全县", district.name(), "the district takes its name from the targets table");
        assertEquals(IndicatorResult.Status.PASS, district.indicators().get(0).status());
        // basic farmland and red line have no target: still measured and listed
        assertTrue(r.units().get(0).indicators().stream().anyMatch(i -> i.indicator() == Indicator.BASIC_FARMLAND_AREA
                && i.status() == IndicatorResult.Status.NO_TARGET));
    }

    @Test
    void geographicSitesGiveTheSameAreas() {
        CheckInput in = input(List.of());
        Crs lonLat = CrsRegistry.fromEpsg(4490);
        List<SourceFeature> sites = new ArrayList<>();
        for (SourceFeature s : in.layer(LayerRole.SITES).features()) {
            sites.add(new SourceFeature(s.fid(), GeometryTransformer.shared().transform(s.geometry(), GK, lonLat), s.attributes()));
        }
        Map<LayerRole, RoleLayer> layers = new EnumMap<>(in.layers());
        layers.put(LayerRole.SITES, new RoleLayer(LayerRole.SITES, "sites.geojson", lonLat, sites));
        CheckReport r = new CheckEngine(CheckParameters.DEFAULT).run(new CheckInput(layers, TargetTable.empty(), List.of()), Progress.NONE);
        CheckReport gk = run(List.of());
        for (int i = 0; i < gk.sites().size(); i++) {
            assertEquals(gk.sites().get(i).area().m2(), r.sites().get(i).area().m2(), 1e-3 + 1e-9 * gk.sites().get(i).area().m2());
        }
    }

    @Test
    void unitsWithoutANameFieldAreRefusedClearly() {
        CheckInput in = input(List.of());
        Map<LayerRole, RoleLayer> layers = new EnumMap<>(in.layers());
        layers.put(LayerRole.UNITS, new RoleLayer(LayerRole.UNITS, "t.gpkg / units", GK, List.of(f(1, unitA, "CODE", "x"))));
        GisException e = assertThrows(GisException.class,
                () -> new CheckEngine(CheckParameters.DEFAULT).run(new CheckInput(layers, TargetTable.empty(), List.of()), Progress.NONE));
        assertEquals("check.units.noNameField", e.key());
        assertTrue(e.getMessage().contains("CODE"));
    }

    @Test
    void cancellationStopsTheRun() {
        Progress cancelled = new Progress((s, d) -> { }, () -> true);
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> new CheckEngine(CheckParameters.DEFAULT).run(input(List.of()), cancelled));
    }

    @Test
    void sectionRatesAndReservoirCounts() {
        CheckInput in = input(List.of());
        Map<LayerRole, RoleLayer> layers = new EnumMap<>(in.layers());
        Crs lonLat = CrsRegistry.fromEpsg(4490);
        Geometry inA = GeometryTransformer.shared().transform(geom("POINT(445000 3505000)"), GK, lonLat);
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("DMMC", "甲断面");
        attrs.put("KZJB", "市控");
        attrs.put("MBYLL", 90.0);
        String[] months = {"II", "III", "IV", "Ⅱ", "III", "III", "劣V", "II", "II", "III", "II", null};
        for (int m = 0; m < 12; m++) {
            attrs.put(String.format("M%02d", m + 1), months[m]);
        }
        layers.put(LayerRole.SECTIONS, new RoleLayer(LayerRole.SECTIONS, "t.gpkg / 断面", lonLat, List.of(new SourceFeature(1, inA, attrs))));
        layers.put(LayerRole.RESERVOIRS, new RoleLayer(LayerRole.RESERVOIRS, "t.gpkg / 水库", GK, List.of(
                f(1, box(446000, 3506000, 446500, 3506500), "GMDJ", "中型"), f(2, box(457000, 3506000, 457100, 3506100), "GMDJ", "小(1)型"))));
        List<Target> targets = List.of(new Target("甲片区", "DM_SK_YLL", "市控断面优良率", 90, "%", Comparison.AT_LEAST, "", "", null),
                new Target("甲片区", "SK_ZX", "中型水库", 1, "座", Comparison.EQUAL, "", "", null));
        CheckReport r = new CheckEngine(CheckParameters.DEFAULT).run(new CheckInput(layers, new TargetTable(targets), List.of()), Progress.NONE);
        UnitResult a = r.units().get(0);
        SectionResult s = a.sections().get(0);
        assertEquals(9, s.goodReadings());
        assertEquals(11, s.totalReadings());
        assertEquals(IndicatorResult.Status.FAIL, s.status());
        assertEquals(WaterClass.II, s.latest());
        assertEquals(113.38, s.lon(), 0.5);
        IndicatorResult rate = a.indicators().get(0);
        assertEquals(81.8, rate.measured());
        assertEquals(IndicatorResult.Status.FAIL, rate.status());
        assertEquals(IndicatorResult.Status.PASS, a.indicators().get(1).status());
        assertEquals(1, a.reservoirs().get("中型"));
        assertEquals(1, r.units().get(1).reservoirs().get("小型"));
        assertNotNull(r.units().get(2).reservoirs());
    }
}
