package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The site guard: a site is judged only where the checked data lies (the units' extent), whatever its distance from
 * the central meridian and whatever CRS it comes in. The fixture is {@link CheckEngineTest}'s: two 10 km units near
 * 113.4°E 31.7°N in zone 38 (EPSG:4526), red-line patches inside them.
 */
class SiteScopeTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Geodesic EARTH = new Geodesic(6378137, 1 / 298.257222101);
    private static final Crs LON_LAT = CrsRegistry.fromEpsg(4490);
    private final CheckEngineTest fixture = new CheckEngineTest();

    private static Geometry lonLatSquare(double lon, double lat, double side) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + side, lat),
            new Coordinate(lon + side, lat + side), new Coordinate(lon, lat + side), new Coordinate(lon, lat)});
    }

    private CheckReport run(Crs crs, List<Geometry> sites) {
        return run(fixture.input(List.of()).layers(), crs, sites);
    }

    private static CheckReport run(Map<LayerRole, RoleLayer> base, Crs crs, List<Geometry> sites) {
        Map<LayerRole, RoleLayer> layers = new EnumMap<>(LayerRole.class);
        layers.putAll(base);
        List<SourceFeature> features = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("XMMC", "site " + i);
            features.add(new SourceFeature(i + 1, sites.get(i), a));
        }
        layers.put(LayerRole.SITES, new RoleLayer(LayerRole.SITES, "sites", crs, features));
        return new CheckEngine(CheckParameters.DEFAULT).run(new CheckInput(layers, TargetTable.empty(), List.of()), Progress.NONE);
    }

    /** The units' extent as the checks take it (zone 38 envelope), each edge sampled every ~20 m, as lon/lat. */
    private static List<double[]> extentOutline() {
        Envelope e = new Envelope(38_440_000, 38_460_000, 3_500_000, 3_510_000);
        Crs grid = CrsRegistry.fromEpsg(4526);
        List<double[]> out = new ArrayList<>();
        int n = 1000;
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            for (double[] xy : new double[][] {{e.getMinX() + e.getWidth() * t, e.getMinY()}, {e.getMinX() + e.getWidth() * t, e.getMaxY()},
                    {e.getMinX(), e.getMinY() + e.getHeight() * t}, {e.getMaxX(), e.getMinY() + e.getHeight() * t}}) {
                out.add(GeometryTransformer.shared().transform(xy[0], xy[1], grid, LON_LAT));
            }
        }
        return out;
    }

    private static final List<double[]> OUTLINE = extentOutline();

    /** The ground distance from a lon/lat square to the extent, by brute force over its corners and the sampled outline. */
    private static double bruteDistance(double lon, double lat, double side) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] c : new double[][] {{lon, lat}, {lon + side, lat}, {lon, lat + side}, {lon + side, lat + side}}) {
            for (double[] p : OUTLINE) {
                best = Math.min(best, EARTH.Inverse(c[1], c[0], p[1], p[0]).s12);
            }
        }
        return best;
    }

    /** Sites 0°, 60°, 124° and 180° of longitude from the central meridian 114°E, east and west, at several latitudes. */
    static Stream<Arguments> farSites() {
        List<Arguments> out = new ArrayList<>();
        for (double away : new double[] {0, 60, -60, 124, -124, 180}) {
            double lon = 114 + away > 180 ? 114 + away - 360 : 114 + away;
            for (double lat : new double[] {31.7, 0, 60, -40}) {
                out.add(Arguments.of(away, lon, lat, 4490));
                out.add(Arguments.of(away, lon, lat, 4326));
                out.add(Arguments.of(away, lon, lat, 3857));
                // a transverse Mercator grid of the site's own place: the CGCS2000 3° zone where one exists, else UTM
                int zone = (int) Math.floor((lon + 180) / 6) + 1;
                out.add(Arguments.of(away, lon, lat, lon >= 75 && lon <= 135 ? CrsRegistry.gkZoneFor(lon, 3, true).epsg()
                    : (lat >= 0 ? 32600 : 32700) + zone));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}° from the meridian: {1}°, {2}° in EPSG:{3}")
    @MethodSource("farSites")
    void aSiteOutsideTheUnitsIsNeverJudgedAndSaysHowFarItLies(double away, double lon, double lat, int epsg) {
        Crs crs = CrsRegistry.fromEpsg(epsg);
        double side = 0.002;
        Geometry site = GeometryTransformer.shared().transform(lonLatSquare(lon, lat, side), LON_LAT, crs);
        SiteResult s = run(crs, List.of(site)).sites().get(0);
        String what = s.verdict().reasons().toString();
        assertEquals(Verdict.Level.NOT_CHECKED, s.verdict().level(), what);
        assertEquals(List.of(SiteRule.OUT_OF_SCOPE), s.verdict().rules(), what);
        assertFalse(s.measured(), "no figures for a site that was not checked");
        assertNull(s.geometry());
        assertEquals(SiteScope.Status.OUTSIDE, s.scope().status());
        assertEquals(SiteScope.Basis.UNITS, s.scope().basis());
        double expected = bruteDistance(lon, lat, side);
        assertNotNull(s.scope().distanceM(), what);
        // the brute force samples the outline every ~20 m: the true minimum lies at most that far below it; the guard
        // chooses its nearest vertex and edge on the sphere, which can swap two within 1e-5 of each other
        assertEquals(expected, s.scope().distanceM(), 25 + 1e-5 * expected, what);
        assertTrue(s.scope().distanceM() < 20_004_000, "no ground distance exceeds half the Earth's circumference");
        assertEquals(lon + side / 2, s.scope().lon(), 1e-6, what);
        assertEquals(lat + side / 2, s.scope().lat(), 1e-6, what);
        assertTrue(what.contains("不在核查范围") && what.contains("公里"), what);
    }

    @Test
    void sitesAllRoundTheGlobeCannotFoolIt() {
        // every 2° of longitude (124° and 180° from the meridian among them), every 20° of latitude: before the guard, points about 124° from the meridian
        // were projected back onto the units and passed as 符合
        for (int epsg : new int[] {4326, 3857}) {
            Crs crs = CrsRegistry.fromEpsg(epsg);
            List<Geometry> sites = new ArrayList<>();
            for (int lon = -180; lon < 180; lon += 2) {
                for (int lat = -80; lat <= 80; lat += 20) {
                    sites.add(GeometryTransformer.shared().transform(lonLatSquare(lon, lat, 0.002), LON_LAT, crs));
                }
            }
            CheckReport r = run(crs, sites);
            assertEquals(sites.size(), r.sites().size());
            for (SiteResult s : r.sites()) {
                assertEquals(Verdict.Level.NOT_CHECKED, s.verdict().level(), s.verdict().reasons().toString());
                assertTrue(s.scope().distanceM() > 30_000 && s.scope().distanceM() < 20_004_000, s.verdict().reasons().toString());
            }
        }
    }

    @Test
    void theSanFranciscoPolygonOnceJudgedCompliantIsNotChecked() {
        // the case found in the trial: 122.4°W 37.8°N, projected into zone 38, landed near the units with 100× its area
        SiteResult s = run(LON_LAT, List.of(lonLatSquare(-122.4, 37.8, 0.002))).sites().get(0);
        assertEquals(Verdict.Level.NOT_CHECKED, s.verdict().level());
        assertEquals(bruteDistance(-122.4, 37.8, 0.002), s.scope().distanceM(), 25);
        assertTrue(s.verdict().reasons().get(0).contains("西经 122.40°、北纬 37.80°"), s.verdict().reasons().get(0));
    }

    @Test
    void aSitePartlyOutsideIsNeverCompliantButWhatItOccupiesInsideStillFails() {
        CheckEngineTest f = fixture;
        // across the east edge of unit B (x = 460,000), touching no red line
        Geometry acrossEast = CheckEngineTest.box(459_900, 3_505_000, 460_100, 3_505_100);
        // across the west edge of unit A (x = 440,000), onto the permanent basic farmland patch B1 (441,000–441,500)
        Geometry acrossWestOnFarmland = CheckEngineTest.box(439_000, 3_501_200, 441_300, 3_501_300);
        CheckReport r = run(CheckEngineTest.GK, List.of(acrossEast, acrossWestOnFarmland, f.siteClean));
        SiteResult east = r.sites().get(0);
        assertEquals(SiteScope.Status.PARTLY_OUTSIDE, east.scope().status());
        assertEquals(Verdict.Level.NOT_CHECKED, east.verdict().level());
        assertEquals(List.of(SiteRule.OUT_OF_SCOPE), east.verdict().rules());
        assertTrue(east.measured(), "the part inside is measured");
        assertEquals(List.of("乙片区"), east.unitNames());
        assertTrue(east.verdict().reasons().get(0).contains("部分超出核查范围"), east.verdict().reasons().get(0));

        SiteResult west = r.sites().get(1);
        assertEquals(Verdict.Level.FAIL, west.verdict().level());
        assertEquals(List.of(SiteRule.BASIC_FARMLAND_OCCUPIED, SiteRule.OUT_OF_SCOPE), west.verdict().rules());
        assertEquals(3e4, west.overlap(LayerRole.BASIC_FARMLAND).area().planarM2(), 1e-6);

        SiteResult clean = r.sites().get(2);
        assertEquals(SiteScope.Status.INSIDE, clean.scope().status());
        assertEquals(Verdict.Level.PASS, clean.verdict().level());
    }

    @Test
    void withoutUnitsTheRedLineLayersAreTheScope() {
        Map<LayerRole, RoleLayer> layers = new EnumMap<>(fixture.input(List.of()).layers());
        layers.remove(LayerRole.UNITS);
        Geometry beyondThePatches = CheckEngineTest.box(458_000, 3_508_000, 458_100, 3_508_100);
        CheckReport r = run(layers, CheckEngineTest.GK, List.of(fixture.siteOnBf, fixture.siteClean, beyondThePatches));
        // the red-line patches span 441,000–456,100 × 3,501,000–3,506,100 (the bow-tie is the north-east corner)
        assertEquals(Verdict.Level.FAIL, r.sites().get(0).verdict().level());
        assertEquals(Verdict.Level.PASS, r.sites().get(1).verdict().level());
        SiteResult beyond = r.sites().get(2);
        assertEquals(Verdict.Level.NOT_CHECKED, beyond.verdict().level());
        assertEquals(SiteScope.Basis.RED_LINES, beyond.scope().basis());
        assertTrue(beyond.verdict().reasons().get(0).contains("红线图层范围"), beyond.verdict().reasons().get(0));
        assertEquals(Math.hypot(1_900, 1_900) / 1000, beyond.scope().distanceM() / 1000, 0.01, "corner (456,100, 3,506,100) to (458,000, 3,508,000)");
    }

    @Test
    void withNeitherUnitsNorRedLinesNothingIsJudged() {
        Map<LayerRole, RoleLayer> none = new EnumMap<>(LayerRole.class);
        SiteResult s = run(none, CheckEngineTest.GK, List.of(fixture.siteClean)).sites().get(0);
        assertEquals(Verdict.Level.NOT_CHECKED, s.verdict().level());
        assertEquals(SiteScope.Basis.NONE, s.scope().basis());
        assertTrue(s.verdict().reasons().get(0).contains("无从核查"), s.verdict().reasons().get(0));
    }

    static Stream<Arguments> misreadSites() {
        // the clean site's south-west corner: (455,000, 3,505,000) in zone 38 without the prefix
        return Stream.of(
            Arguments.of("eastings with the prefix, CRS without", 38_455_000, 3_505_000, 4547, CrsHint.Kind.ZONE_PREFIX_EXTRA, 4526, false),
            Arguments.of("eastings without the prefix, CRS with", 455_000, 3_505_000, 4526, CrsHint.Kind.ZONE_PREFIX_MISSING, 4547, false),
            Arguments.of("X and Y swapped", 3_505_000, 455_000, 4547, CrsHint.Kind.SWAPPED_AXES, 4547, true),
            Arguments.of("X and Y swapped, prefixed", 3_505_000, 38_455_000, 4526, CrsHint.Kind.SWAPPED_AXES, 4526, true),
            Arguments.of("the prefix of zone 37", 37_455_000, 3_505_000, 4526, CrsHint.Kind.WRONG_PREFIX, 4526, false),
            Arguments.of("the prefix of zone 39 in an unprefixed CRS", 39_455_000, 3_505_000, 4547, CrsHint.Kind.WRONG_PREFIX, 4526, false),
            Arguments.of("degrees read as metres", 113.55, 31.66, 4547, CrsHint.Kind.OTHER_CRS, 4490, false),
            Arguments.of("latitude first", 31.66, 113.55, 4326, CrsHint.Kind.SWAPPED_AXES, 4326, true),
            Arguments.of("Web Mercator read as a zone", 12_640_500, 3_719_800, 4547, CrsHint.Kind.OTHER_CRS, 3857, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misreadSites")
    void aMisreadSiteGetsAHintAboutItsCrs(String what, double x, double y, int epsg, CrsHint.Kind kind, int suggested, boolean swapped) {
        double side = x < 1000 || y < 1000 ? 0.0005 : 50;
        Geometry site = GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + side, y),
            new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y)});
        SiteResult s = run(CrsRegistry.fromEpsg(epsg), List.of(site)).sites().get(0);
        assertEquals(Verdict.Level.NOT_CHECKED, s.verdict().level(), what);
        CrsHint hint = s.scope().hint();
        assertNotNull(hint, what);
        assertEquals(kind, hint.kind(), what + ": " + s.verdict().reasons());
        assertEquals(suggested, hint.suggested().epsg(), what);
        assertEquals(swapped, hint.swapped(), what);
        assertTrue(s.verdict().reasons().get(0).contains("提示"), s.verdict().reasons().get(0));
    }

    @Test
    void aSiteJustOutsideIsToldToCheckItsCrsOnlyIfItShouldLieInside() {
        // 2 km east of unit B, in the same CRS: no other reading puts it inside
        SiteResult s = run(CheckEngineTest.GK, List.of(CheckEngineTest.box(462_000, 3_505_000, 462_100, 3_505_100))).sites().get(0);
        assertEquals(CrsHint.Kind.CHECK_CRS, s.scope().hint().kind());
        assertEquals(2.0, s.scope().distanceM() / 1000, 0.01);
        assertTrue(s.verdict().reasons().get(0).contains("约 2.0 公里"), s.verdict().reasons().get(0));
    }

    @Test
    void aRedLineLayerFromFarAwayIsRefusedWithItsGroundDistance() {
        Map<LayerRole, RoleLayer> layers = new EnumMap<>(fixture.input(List.of()).layers());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("BSM", "SF-1");
        layers.put(LayerRole.ECO_REDLINE, new RoleLayer(LayerRole.ECO_REDLINE, "far.geojson", LON_LAT,
            List.of(new SourceFeature(1, lonLatSquare(-122.4, 37.8, 0.01), a))));
        GisException e = assertThrows(GisException.class, () -> run(layers, CheckEngineTest.GK, List.of(fixture.siteClean)));
        assertEquals("check.outOfZone", e.key());
        assertTrue(e.getMessage().startsWith("far.geojson #SF-1：") && e.getMessage().contains("公里"), e.getMessage());
        // 124° from the meridian the nearest point of the meridian is the North Pole, 52.2° of latitude away
        assertTrue(e.getMessage().contains("5,817 公里"), e.getMessage());
    }
}
