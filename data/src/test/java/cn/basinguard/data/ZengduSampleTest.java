package cn.basinguard.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;

/** Checks the written sample file against annex 3 and the documented layout, reading it back independently. */
class ZengduSampleTest {
    private static final double M2_PER_WANMU = 1e8 / 15;
    private static final double TOLERANCE = 0.003;
    /** Annex 3 per unit (万亩): 涢水片区, 㵐水片区. */
    private static final Map<String, double[]> ANNEX3 = Map.of(
            "DLTB", new double[] {31.26, 29.51},
            "YJJBNTTB", new double[] {24.76, 21.87},
            "STBHHX", new double[] {13.72, 1.39});
    private static final String[] UNITS = {"涢水片区", "㵐水片区"};

    static Path file;
    static GpkgTestReader reader;
    static List<Geometry> units = new ArrayList<>();
    static final Map<String, List<Geometry>> layers = new TreeMap<>();
    /** The whole DLTB (every class), its geometries (repaired where invalid), and each 耕地 patch's 1 − KCXS. */
    static final List<GpkgTestReader.Row> landUse = new ArrayList<>();
    static final List<Geometry> landUseGeometries = new ArrayList<>();
    static final List<Double> cultivatedNet = new ArrayList<>();

    @BeforeAll
    static void generate() throws Exception {
        file = GeneratedSamples.of(ZengduSampleGenerator.DEFAULT_SEED);
        reader = new GpkgTestReader(file);
        for (GpkgTestReader.Row r : reader.rows("LYZLDY")) {
            assertEquals(UNITS[units.size()], r.text("DYMC"));
            units.add(r.geometry());
        }
        for (String layer : List.of("DLTB", "YJJBNTTB", "STBHHX", "SKSM")) {
            List<Geometry> gs = new ArrayList<>();
            for (GpkgTestReader.Row r : reader.rows(layer)) {
                Geometry g = r.geometry().isValid() ? r.geometry() : GeometryFixer.fix(r.geometry());
                if (layer.equals("DLTB")) {
                    landUse.add(r);
                    landUseGeometries.add(g);
                    if (!r.text("DLBM").startsWith("01")) {
                        continue; // "DLTB" below is its 耕地, as the cultivated role reads it
                    }
                    cultivatedNet.add(1 - r.number("KCXS"));
                }
                gs.add(g);
            }
            layers.put(layer, gs);
        }
    }

    @AfterAll
    static void close() throws Exception {
        reader.close();
    }

    /** Area of each layer inside each unit, each patch clipped to each unit. */
    private static double[] perUnitArea(List<Geometry> patches, int[] unitsTouched) {
        return perUnitArea(patches, null, unitsTouched);
    }

    /** @param weights each patch's factor (耕地: 1 − KCXS, as 耕地保有量 is counted), or null for 1 */
    private static double[] perUnitArea(List<Geometry> patches, List<Double> weights, int[] unitsTouched) {
        double[] sums = new double[2];
        PreparedGeometry[] prepared = {PreparedGeometryFactory.prepare(units.get(0)),
            PreparedGeometryFactory.prepare(units.get(1))};
        for (int i = 0; i < patches.size(); i++) {
            Geometry g = patches.get(i);
            int touched = 0;
            for (int u = 0; u < 2; u++) {
                double a = prepared[u].containsProperly(g) ? g.getArea()
                        : prepared[u].intersects(g) ? units.get(u).intersection(g).getArea() : 0;
                sums[u] += a * (weights == null ? 1 : weights.get(i));
                if (a > 0.01) {
                    touched++;
                }
            }
            unitsTouched[i] = touched;
        }
        return sums;
    }

    @Test
    void perUnitTotalsMatchAnnex3ExceptTheDocumentedShortfall() {
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, double[]> e : ANNEX3.entrySet()) {
            List<Geometry> patches = layers.get(e.getKey());
            int[] touched = new int[patches.size()];
            // 耕地 net of 田坎: annex 3's 耕地保有量 is counted as 三调 counts 耕地面积
            double[] m2 = perUnitArea(patches, e.getKey().equals("DLTB") ? cultivatedNet : null, touched);
            for (int i = 0; i < touched.length; i++) {
                assertEquals(1, touched[i], e.getKey() + " patch fid " + (i + 1) + " must lie in exactly one unit");
            }
            for (int u = 0; u < 2; u++) {
                double wanmu = m2[u] / M2_PER_WANMU;
                double target = e.getValue()[u];
                double dev = wanmu / target - 1;
                report.append(String.format("%s %s %.4f / %.2f 万亩 (%+.3f%%)%n", e.getKey(), UNITS[u], wanmu, target,
                        dev * 100));
                if (e.getKey().equals("DLTB") && u == 1) {
                    // documented deviation: 㵐水片区 cultivated land is short by about 1.5 % so the check fails
                    assertTrue(dev < -TOLERANCE && dev > -0.03, report.toString());
                } else {
                    assertEquals(0, dev, TOLERANCE, report.toString());
                }
            }
        }
        System.out.print(report);
    }

    @Test
    void unitsTileTheDistrict() {
        Geometry a = units.get(0);
        Geometry b = units.get(1);
        assertTrue(a.isValid() && b.isValid());
        Geometry union = a.union(b);
        assertEquals(1, union.getNumGeometries(), "the district is one piece");
        assertEquals(0, ((org.locationtech.jts.geom.Polygon) union).getNumInteriorRing(), "no gap inside the district");
        assertEquals(a.getArea() + b.getArea(), union.getArea(), 1.0, "units must not overlap");
        assertTrue(a.intersection(b).getArea() < 1.0);
        // the outline is built at exactly 1 400 km²; the units must add up to it
        assertEquals(1400e6, union.getArea(), 10.0);
    }

    @Test
    void patchesDoNotOverlapWithinALayerAndFarmlandLiesInCultivatedLand() {
        for (String layer : List.of("DLTB", "STBHHX", "SKSM")) {
            assertEquals(0, overlapArea(layers.get(layer), layers.get(layer), true), 0.01, layer + " self-overlap");
        }
        assertEquals(0, overlapArea(layers.get("SKSM"), layers.get("DLTB"), false), 0.01, "reservoirs on farmland");
        STRtree cult = index(layers.get("DLTB"));
        for (Geometry pbf : layers.get("YJJBNTTB")) {
            Geometry rest = pbf;
            for (Object o : cult.query(pbf.getEnvelopeInternal())) {
                rest = rest.difference((Geometry) o);
            }
            assertTrue(rest.getArea() < 0.01, "basic farmland outside cultivated land: " + rest.getArea());
        }
    }

    /**
     * The DLTB is a planar partition of the district: its union is the units' union, its areas add up to the district's
     * to 1e-9, no two patches overlap (every pairwise intersection has zero area, pairs found with an STRtree), every
     * class of the 三调 classification there is, and TBMJ / KCMJ / TBDLMJ agree with the geometry.
     */
    @Test
    void landUseTilesTheDistrict() {
        Geometry outline = units.get(0).union(units.get(1));
        double sum = 0;
        for (Geometry g : landUseGeometries) {
            sum += g.getArea();
        }
        assertEquals(outline.getArea(), sum, 1e-9 * outline.getArea(), "Σ DLTB areas = district area");
        Geometry union = org.locationtech.jts.operation.union.UnaryUnionOp.union(landUseGeometries);
        assertEquals(0, union.symDifference(outline).getArea(), 1e-9 * outline.getArea(), "union of DLTB = district");
        STRtree t = new STRtree();
        for (int i = 0; i < landUseGeometries.size(); i++) {
            t.insert(landUseGeometries.get(i).getEnvelopeInternal(), i);
        }
        double overlap = 0;
        for (int i = 0; i < landUseGeometries.size(); i++) {
            Geometry g = landUseGeometries.get(i);
            for (Object o : t.query(g.getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j > i && g.intersects(landUseGeometries.get(j))) {
                    double a = g.intersection(landUseGeometries.get(j)).getArea();
                    // the bow-tie is repaired by JTS, its neighbours were cut by the same repair on millimetres
                    assertTrue(a < 0.05, "DLTB fid " + (i + 1) + " overlaps fid " + (j + 1) + " by " + a + " m²");
                    overlap += a;
                }
            }
        }
        assertTrue(overlap < 0.05, "total overlap " + overlap);
        Map<String, Double> byGroup = new TreeMap<>();
        cn.basinguard.core.measure.EllipsoidalArea ellipsoidal = cn.basinguard.core.measure.EllipsoidalArea.standard();
        for (int i = 0; i < landUse.size(); i++) {
            GpkgTestReader.Row r = landUse.get(i);
            Geometry g = landUseGeometries.get(i);
            byGroup.merge(r.text("DLBM").substring(0, 2), g.getArea(), Double::sum);
            double tbmj = r.number("TBMJ");
            assertEquals(ellipsoidal.area(g, CrsRegistry.fromEpsg(4526)), tbmj, 0.006, "TBMJ of fid " + (i + 1) + " is its ellipsoidal area");
            double kcxs = r.number("KCXS");
            assertEquals(tbmj * kcxs, r.number("KCMJ"), 0.006, "KCMJ = TBMJ × KCXS, fid " + (i + 1));
            assertEquals(tbmj - r.number("KCMJ"), r.number("TBDLMJ"), 0.006, "TBDLMJ = TBMJ − KCMJ, fid " + (i + 1));
            if (r.text("DLBM").startsWith("01")) {
                assertEquals("1203", r.text("KCDLBM"));
                assertTrue(kcxs >= 0 && kcxs <= 0.2, "KCXS " + kcxs);
            } else {
                assertEquals(0, kcxs, 0.0, "only 耕地 deducts 田坎");
            }
            assertNotNull(r.text("QSDWMC"));
            assertTrue(r.text("ZLDWDM").length() == 19 && r.text("QSDWDM").length() == 19, "19-character codes");
        }
        StringBuilder shares = new StringBuilder();
        double district = sum;
        byGroup.forEach((k, v) -> shares.append(String.format("%s %.1f%%  ", k, 100 * v / district)));
        System.out.println("DLTB shares by class: " + shares);
        // every major class, in the shares a hilly Hubei district has
        for (String group : List.of("01", "02", "03", "04", "05", "06", "07", "08", "10", "11", "12")) {
            assertTrue(byGroup.containsKey(group), "class " + group + " present: " + shares);
        }
        assertTrue(byGroup.get("03") / sum > 0.3, "forest on the hills: " + shares);
        assertTrue(byGroup.get("01") / sum > 0.25 && byGroup.get("01") / sum < 0.4, "耕地: " + shares);
        assertTrue(byGroup.get("11") / sum > 0.03, "water: " + shares);
        assertTrue(byGroup.get("07") / sum > 0.02, "villages and towns: " + shares);
    }

    private static STRtree index(List<Geometry> gs) {
        STRtree t = new STRtree();
        for (Geometry g : gs) {
            t.insert(g.getEnvelopeInternal(), g);
        }
        return t;
    }

    private static double overlapArea(List<Geometry> a, List<Geometry> b, boolean same) {
        STRtree t = index(b);
        double sum = 0;
        for (Geometry g : a) {
            for (Object o : t.query(g.getEnvelopeInternal())) {
                if (same && o == g) {
                    continue;
                }
                Geometry h = (Geometry) o;
                if (g.intersects(h)) {
                    sum += g.intersection(h).getArea();
                }
            }
        }
        return sum;
    }

    @Test
    void reservoirCountsByClassPerUnit() throws Exception {
        int[][] counts = new int[2][2];
        PreparedGeometry[] prepared = {PreparedGeometryFactory.prepare(units.get(0)),
            PreparedGeometryFactory.prepare(units.get(1))};
        for (GpkgTestReader.Row r : reader.rows("SKSM")) {
            int u = List.of(UNITS).indexOf(r.text("SSDY"));
            assertTrue(prepared[u].contains(r.geometry()), r.text("SKMC") + " lies outside its unit");
            counts[u]["中型".equals(r.text("GMDJ")) ? 0 : 1]++;
        }
        assertEquals(2, counts[0][0]);
        assertEquals(66, counts[0][1]);
        assertEquals(1, counts[1][0]);
        assertEquals(25, counts[1][1]);
        assertEquals("中型", reader.scalar("SELECT GMDJ FROM SKSM WHERE SKMC='先觉庙水库'"));
        assertEquals("1", reader.scalar("SELECT YYSSYD FROM SKSM WHERE SKMC='先觉庙水库'"));
        assertEquals("6", reader.scalar("SELECT count(*) FROM SKSM WHERE SHFK=1"));
    }

    @Test
    void sixAnnexSectionsWithTwelveMonthsAndOneCitySectionMissingItsTarget() throws Exception {
        Set<String> classes = Set.of("I", "II", "III", "IV", "V", "劣V");
        GeometryFactory gf = new GeometryFactory();
        List<String> failing = new ArrayList<>();
        int annex = 0;
        for (GpkgTestReader.Row r : reader.rows("JCDM")) {
            assertEquals(4490, r.geometry().getSRID());
            int good = 0;
            for (int m = 1; m <= 12; m++) {
                String c = r.text(String.format("M%02d", m));
                assertTrue(classes.contains(c), "month " + m + " of " + r.text("DMMC") + ": " + c);
                if (c.equals("I") || c.equals("II") || c.equals("III")) {
                    good++;
                }
            }
            Coordinate ll = r.geometry().getCoordinate();
            double[] xy = GeometryTransformer.shared().transform(ll.x, ll.y, CrsRegistry.fromEpsg(4490),
                    CrsRegistry.fromEpsg(4526));
            Coordinate gkc = new Coordinate(xy[0], xy[1]);
            int u = List.of(UNITS).indexOf(r.text("SSDY"));
            assertTrue(units.get(u).contains(gf.createPoint(gkc)), r.text("DMMC") + " must lie in " + r.text("SSDY"));
            if (r.number("FJ3") == 1) {
                annex++;
                if (100.0 * good / 12 < r.number("MBYLL")) {
                    failing.add(r.text("DMMC"));
                }
            }
        }
        assertEquals(6, annex);
        assertEquals(List.of("漂水河出境"), failing);
    }

    @Test
    void crsAreAsRealDeliveriesHaveThem() throws Exception {
        Map<String, String> expected = Map.of("LYZLDY", "4526", "DLTB", "4526", "YJJBNTTB", "4526", "STBHHX", "4526",
                "SKSM", "4526", "JCDM", "4490", "XMXZ", "4547");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), reader.scalar("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name='"
                    + e.getKey() + "'"), e.getKey());
        }
        double minX = Double.parseDouble(reader.scalar("SELECT min(min_x) FROM gpkg_contents WHERE srs_id=4526"));
        assertTrue(minX > 38_000_000 && minX < 39_000_000, "zone-38 eastings carry the prefix");
        assertTrue(reader.scalar("SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id=4547")
                .contains("PARAMETER[\"false_easting\",500000]"));
        assertEquals("ok", reader.scalar("PRAGMA integrity_check"));
        assertTrue(reader.scalar("SELECT metadata FROM gpkg_metadata").contains("示意数据，非官方边界"));
        // the full-tiling DLTB stores every shared boundary twice, as a real one does: 11 MB (3.6 MB with 耕地 only)
        assertTrue(Files.size(file) < 13 * 1024 * 1024, "default sample must stay under 13 MB");
    }

    @Test
    void sitesDoWhatTheirIntentSays() throws Exception {
        AffineTransformation toZone38 = AffineTransformation.translationInstance(38_000_000, 0);
        Set<String> seen = new java.util.TreeSet<>();
        for (GpkgTestReader.Row r : reader.rows("XMXZ")) {
            Geometry site = toZone38.transform(r.geometry());
            String intent = r.text("SLYT");
            seen.add(intent);
            double pbf = overlapArea(List.of(site), layers.get("YJJBNTTB"), false);
            double red = overlapArea(List.of(site), layers.get("STBHHX"), false);
            double cult = overlapArea(List.of(site), layers.get("DLTB"), false);
            String what = r.text("XMMC") + " (" + intent + "): pbf " + pbf + ", red " + red + ", cult " + cult;
            // "none" is an exact 0: the generator keeps such sites at least 1 m clear of the layer
            switch (intent) {
                case "压占永久基本农田" -> assertTrue(pbf > 1 && red == 0, what);
                case "压占生态保护红线" -> assertTrue(red > 1 && pbf == 0, what);
                case "压占一般耕地" -> assertTrue(cult > 1 && pbf == 0 && red == 0, what);
                case "紧邻水库" -> assertTrue(pbf == 0 && red == 0
                        && layers.get("SKSM").stream().anyMatch(w -> w.isWithinDistance(site, 60)), what);
                case "跨两个流域片区" -> assertTrue(units.get(0).intersection(site).getArea() > 1
                        && units.get(1).intersection(site).getArea() > 1, what);
                case "无压占" -> assertEquals(0, pbf + red + cult, 0.0, what);
                default -> throw new AssertionError("unknown SLYT " + what);
            }
        }
        assertEquals(Set.of("压占永久基本农田", "压占生态保护红线", "压占一般耕地", "紧邻水库", "跨两个流域片区", "无压占"), seen);
    }

    @Test
    void documentedDefectsArePresent() throws Exception {
        List<GpkgTestReader.Row> defects = reader.rows("YLQX");
        List<GpkgTestReader.Row> cult = reader.rows("DLTB");
        List<GpkgTestReader.Row> pbf = reader.rows("YJJBNTTB");
        int conflicts = 0;
        Set<String> types = new java.util.TreeSet<>();
        for (GpkgTestReader.Row d : defects) {
            int fid = (int) d.number("YSFID");
            String type = d.text("QXLX");
            types.add(type);
            switch (type) {
                case Defect.SELF_INTERSECTION -> assertFalse(cult.get(fid - 1).geometry().isValid());
                case Defect.DUPLICATE_VERTEX -> assertTrue(hasRepeatedPoint(cult.get(fid - 1).geometry()));
                case Defect.SLIVER -> {
                    Geometry g = cult.get(fid - 1).geometry();
                    assertTrue(g.getArea() < 100 && g.getArea() / g.getLength() < 0.5, "sliver must be thin");
                }
                case Defect.RED_LINE_CONFLICT -> {
                    assertTrue(overlapArea(List.of(pbf.get(fid - 1).geometry()), layers.get("STBHHX"), false) > 100);
                    conflicts++;
                }
                default -> throw new AssertionError("undocumented defect type " + type);
            }
            assertNotNull(d.text("MS"));
        }
        assertEquals(4, types.size());
        assertEquals(2, conflicts);
        // and no other basic-farmland patch touches the red line
        assertEquals(2, countOverlapping(layers.get("YJJBNTTB"), layers.get("STBHHX")));
        long invalid = cult.stream().filter(r -> !r.geometry().isValid()).count();
        assertEquals(1, invalid, "only the bow-tie is invalid (of every class)");
        for (String layer : List.of("YJJBNTTB", "STBHHX", "LYZLDY", "SKSM")) {
            for (GpkgTestReader.Row r : reader.rows(layer)) {
                assertTrue(r.geometry().isValid(), layer + " #" + r.fid() + " is valid as written (no defect is planted there)");
            }
        }
    }

    private static boolean hasRepeatedPoint(Geometry g) {
        Coordinate[] cs = g.getCoordinates();
        for (int i = 1; i < cs.length; i++) {
            if (cs[i].equals2D(cs[i - 1])) {
                return true;
            }
        }
        return false;
    }

    private static int countOverlapping(List<Geometry> a, List<Geometry> b) {
        int n = 0;
        for (Geometry g : a) {
            if (overlapArea(List.of(g), b, false) > 0.01) {
                n++;
            }
        }
        return n;
    }

    @Test
    void targetsCarryTheirClausesAndTheSeedsConflicts() throws Exception {
        assertEquals("31.26", reader.scalar("SELECT MBZ FROM DXZB WHERE DYMC='涢水片区' AND ZBDM='GD_BYL'"));
        assertEquals("2", reader.scalar("SELECT count(*) FROM DXZB WHERE CTZ='YJJBNT_QX' AND MBZ IN (46.62, 46.63)"));
        assertEquals("二(一)4 坚守生态安全底线", reader.scalar("SELECT LYTK FROM DXZB WHERE MBZ=86.4"));
        assertEquals("4", reader.scalar("SELECT count(*) FROM DXZB WHERE CTZ='DM_QX'"));
    }

    @Test
    void passesGdalsGeoPackageValidator() throws Exception {
        Path validator = Path.of("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py");
        assumeTrue(Files.exists(validator), "GDAL's validate_gpkg.py not installed; skipping");
        Process p = new ProcessBuilder("python3", validator.toString(), file.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void gdalOpensTheSampleWithoutWarnings() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("ogrinfo", "-so", "-al", file.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "ogrinfo not installed; skipping the GDAL cross-check");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("Warning") || out.contains("ERROR"), out);
    }
}
