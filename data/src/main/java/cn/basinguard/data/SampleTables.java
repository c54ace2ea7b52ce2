package cn.basinguard.data;

import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.check.LandClasses;
import cn.basinguard.core.gpkg.GpkgColumn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The sample's tables (names, columns, CRSs) and the rows that do not depend on how the land layers were made, shared
 * by the in-memory writer ({@link SampleGpkgWriter}) and the tiled, streaming one ({@link TiledGpkgWriter}), so every
 * generated file has the same schema.
 */
final class SampleTables {
    /** Fixed, so that the same seed gives the same content; the nominal date of the demo data. */
    static final String TIMESTAMP = "2024-12-31T00:00:00.000Z";
    static final String DEMO_NOTE = "示意数据，非官方边界 / demonstration data, not official boundaries";
    static final String XZQDM = "421303";
    static final String[] HXLX = {"水源涵养", "生物多样性维护", "其他生态系统服务功能"};
    private static final AffineTransformation TO_ZONE38 = AffineTransformation.translationInstance(SampleCrs.ZONE38_PREFIX, 0);
    private static final AffineTransformation FROM_ZONE38 = AffineTransformation.translationInstance(-SampleCrs.ZONE38_PREFIX, 0);

    private SampleTables() {
    }

    static void createUnits(GeoPackageWriter w) throws SQLException {
        w.createFeatureTable(SampleLayers.UNITS, "流域治理单元（三级流域片区）", "涢水片区、㵐水片区；示意边界", "geom",
                "MULTIPOLYGON", SampleCrs.GK_ZONE38.epsg(), List.of(GpkgColumn.text("DYDM", 20), GpkgColumn.text("DYMC", 20),
                        GpkgColumn.text("DYJB", 20), GpkgColumn.text("SJLY", 30), GpkgColumn.text("XZQDM", 6),
                        GpkgColumn.real("MJ")));
    }

    static void insertUnits(GeoPackageWriter w, DistrictLayout layout, GeometryFactory gf) throws SQLException {
        for (int u = 0; u < 2; u++) {
            Polygon p = layout.unit(u);
            w.insertFeature(SampleLayers.UNITS, zone38(p, gf), Annex3.UNIT_CODES[u], Annex3.UNIT_NAMES[u], "三级流域片区",
                    "府澴河流域", XZQDM, round2(p.getArea()));
        }
    }

    /**
     * The full 三调 DLTB of the sample (every class, tiling the district), with the fields of cn-standards §4.1:
     * TBMJ the ellipsoidal area (32号, as the checks measure it), KCXS/KCMJ/TBDLMJ the 田坎 deduction of 耕地.
     */
    static void createLandUse(GeoPackageWriter w) throws SQLException {
        w.createFeatureTable(SampleLayers.CULTIVATED, "地类图斑（DLTB，全部地类）", "三调式地类图斑，无缝覆盖全区，示意数据", "geom",
                "MULTIPOLYGON", SampleCrs.GK_ZONE38.epsg(), List.of(GpkgColumn.text("BSM", 18), GpkgColumn.text("YSDM", 10),
                        GpkgColumn.text("TBBH", 8), GpkgColumn.text("DLBM", 5), GpkgColumn.text("DLMC", 60),
                        GpkgColumn.text("QSXZ", 2), GpkgColumn.text("QSDWDM", 19), GpkgColumn.text("QSDWMC", 60),
                        GpkgColumn.text("ZLDWDM", 19), GpkgColumn.text("ZLDWMC", 60),
                        GpkgColumn.real("TBMJ"), GpkgColumn.text("KCDLBM", 5), GpkgColumn.real("KCXS"), GpkgColumn.real("KCMJ"),
                        GpkgColumn.real("TBDLMJ"), GpkgColumn.text("GDLX", 2), GpkgColumn.text("GDPDJB", 2),
                        GpkgColumn.integer("SJNF"), GpkgColumn.text("SSDY", 20), GpkgColumn.text("BZ", 254)));
    }

    /** Classes held by the state (国有): rivers, reservoirs, highways, town land. */
    static final java.util.Set<String> STATE_LAND = java.util.Set.of("1101", "1103", "1003", "0701", "05H1", "0601",
            "08H2", "1004", "0810");
    private static final LandClasses LAND_CLASSES = LandClasses.standard();

    /**
     * The attribute values of DLTB patch {@code i} (0-based) after its geometry, shared by both writers: QSXZ 国有 (10)
     * for {@link #STATE_LAND} and 集体 (30) elsewhere, the owner from the village, 耕地 with its slope class and 田坎
     * (KCDLBM 1203, KCXS, KCMJ = TBMJ × KCXS, TBDLMJ = TBMJ − KCMJ).
     *
     * @param dlbm    the class of a patch that is not 耕地 (ignored when {@code tillage} is given)
     * @param tillage 耕地 only, else null
     * @param tbmj    the patch's ellipsoidal area, m² with 2 decimals
     */
    static Object[] landUseValues(long i, String tbbh, String dlbm, Tillage tillage, String[] village, BigDecimal tbmj,
                                  int unit, String bz) {
        Tillage t = tillage;
        String code = t != null ? t.dlbm() : dlbm;
        String dlmc = t != null ? t.dlmc() : LAND_CLASSES.of(code).name();
        boolean state = STATE_LAND.contains(code);
        String[] owner = state ? Villages.stateOwner(village) : Villages.collectiveOwner(village);
        BigDecimal kcxs = t == null ? BigDecimal.ZERO : BigDecimal.valueOf(t.kcxs());
        BigDecimal kcmj = tbmj.multiply(kcxs).setScale(2, RoundingMode.HALF_UP);
        return new Object[] {String.format("4213032%011d", i + 1), "2001010100", tbbh, code, dlmc, state ? "10" : "30",
            owner[0], owner[1], village[0], village[1], tbmj.doubleValue(), t == null ? null : "1203",
            kcxs.doubleValue(), kcmj.doubleValue(), tbmj.subtract(kcmj).doubleValue(), t == null ? null : t.gdlx(),
            t == null ? null : String.valueOf(t.slopeClass()), 2023, Annex3.UNIT_NAMES[unit], bz};
    }

    static void createBasicFarmland(GeoPackageWriter w) throws SQLException {
        w.createFeatureTable(SampleLayers.BASIC_FARMLAND, "永久基本农田图斑（YJJBNTTB）", "位于耕地图斑内，示意数据", "geom",
                "MULTIPOLYGON", SampleCrs.GK_ZONE38.epsg(), List.of(GpkgColumn.text("BSM", 18), GpkgColumn.text("YSDM", 10),
                        GpkgColumn.text("JBNTTBBH", 12), GpkgColumn.text("TBBH", 8), GpkgColumn.text("DLBM", 5),
                        GpkgColumn.text("DLMC", 60), GpkgColumn.text("ZLDWDM", 19), GpkgColumn.text("ZLDWMC", 60),
                        GpkgColumn.real("TBMJ"), GpkgColumn.integer("SJNF"), GpkgColumn.text("SSDY", 20),
                        GpkgColumn.text("BZ", 254)));
    }

    static void createRedLine(GeoPackageWriter w) throws SQLException {
        w.createFeatureTable(SampleLayers.RED_LINE, "生态保护红线（STBHHX）", "多位于西部、北部丘陵，示意数据", "geom",
                "MULTIPOLYGON", SampleCrs.GK_ZONE38.epsg(), List.of(GpkgColumn.text("BSM", 18), GpkgColumn.text("HXMC", 60),
                        GpkgColumn.text("HXLX", 30), GpkgColumn.text("XZQDM", 6), GpkgColumn.real("MJ"),
                        GpkgColumn.text("SSDY", 20)));
    }

    /** The attribute values of red-line feature {@code i} (0-based) after its geometry. */
    static Object[] redLineValues(int i, int unit, double area) {
        // north-west patches conserve water sources; mixed types elsewhere, as 二(一)4 lists three kinds
        String type = HXLX[i % 7 == 0 ? 1 : i % 11 == 0 ? 2 : 0];
        return new Object[] {String.format("4213034%011d", i + 1),
            Annex3.UNIT_NAMES[unit] + type + "生态保护红线" + String.format("-%04d", i + 1), type, XZQDM, round2(area),
            Annex3.UNIT_NAMES[unit]};
    }

    static void writeReservoirs(GeoPackageWriter w, List<Reservoir> reservoirs, GeometryFactory gf) throws SQLException {
        w.createFeatureTable(SampleLayers.RESERVOIRS, "水库水面", "中型/小型水库，示意位置与形状", "geom", "MULTIPOLYGON",
                SampleCrs.GK_ZONE38.epsg(), List.of(GpkgColumn.text("SKDM", 20), GpkgColumn.text("SKMC", 40), GpkgColumn.text("BM", 40),
                        GpkgColumn.text("GMDJ", 4), GpkgColumn.text("DLBM", 5), GpkgColumn.text("SSDY", 20),
                        GpkgColumn.integer("SHFK"), GpkgColumn.integer("YYSSYD"), GpkgColumn.text("SYDJB", 20),
                        GpkgColumn.real("SMMJ")));
        for (Reservoir r : reservoirs) {
            w.insertFeature(SampleLayers.RESERVOIRS, zone38(r.surface(), gf), r.code(), r.name(), r.alias(),
                    r.medium() ? "中型" : "小型", "1103", Annex3.UNIT_NAMES[r.unit()], r.bloomWatch() ? 1 : 0,
                    r.drinkingSource() != null ? 1 : 0, r.drinkingSource(), round2(area(r.surface())));
        }
    }

    static void writeSections(GeoPackageWriter w, List<Section> sections, GeometryFactory gf) throws SQLException {
        List<GpkgColumn> cols = new ArrayList<>(List.of(GpkgColumn.text("DMDM", 20),
                GpkgColumn.text("DMMC", 30), GpkgColumn.text("KZJB", 4), GpkgColumn.text("SSDY", 20),
                GpkgColumn.real("MBYLL"), GpkgColumn.text("BJFS", 2), GpkgColumn.integer("FJ3"),
                GpkgColumn.text("LRYJ", 60), GpkgColumn.integer("JCND")));
        for (int m = 1; m <= 12; m++) {
            cols.add(GpkgColumn.text(String.format("M%02d", m), 4));
        }
        w.createFeatureTable(SampleLayers.SECTIONS, "水质监测断面", "GB 3838-2002 月度水质类别（示意）", "geom", "POINT",
                SampleCrs.LON_LAT.epsg(), cols);
        for (Section s : sections) {
            Object[] values = new Object[9 + 12];
            Object[] head = {s.code(), s.name(), s.level(), Annex3.UNIT_NAMES[s.unit()], s.targetRate() * 100,
                s.comparison(), s.inAnnex3() ? 1 : 0, s.listedIn(), SectionPlanner.YEAR};
            System.arraycopy(head, 0, values, 0, head.length);
            System.arraycopy(s.monthlyClasses(), 0, values, head.length, 12);
            w.insertFeature(SampleLayers.SECTIONS, gf.createPoint(s.lonLat()), values);
        }
    }

    static void writeSites(GeoPackageWriter w, List<Site> sites, GeometryFactory gf) throws SQLException {
        w.createFeatureTable(SampleLayers.SITES, "项目选址", "专栏1–9重点项目的示意用地范围", "geom", "MULTIPOLYGON",
                SampleCrs.GK_CM114.epsg(),
                List.of(GpkgColumn.text("XMDM", 12), GpkgColumn.text("XMMC", 80), GpkgColumn.text("ZL", 8),
                        GpkgColumn.text("XMLB", 20), GpkgColumn.text("SLYT", 20), GpkgColumn.real("YDMJ")));
        for (Site s : sites) {
            w.insertFeature(SampleLayers.SITES, gf.createMultiPolygon(new Polygon[] {s.geometry()}), s.code(), s.name(),
                    s.column(), s.category(), s.intent(), round2(s.geometry().getArea()));
        }
    }

    static void writeTargets(GeoPackageWriter w, List<BottomLine> targets) throws SQLException {
        w.createAttributeTable(SampleLayers.TARGETS, "底线指标", "附件3底线管控清单及正文中相互矛盾的表述",
                List.of(GpkgColumn.text("DYMC", 20), GpkgColumn.text("ZBDM", 20), GpkgColumn.text("ZBMC", 60),
                        GpkgColumn.real("MBZ"), GpkgColumn.text("JLDW", 8), GpkgColumn.text("BJFS", 2),
                        GpkgColumn.text("LYTK", 60), GpkgColumn.text("YWZL", 200), GpkgColumn.text("CTZ", 20)));
        for (BottomLine b : targets) {
            w.insertRow(SampleLayers.TARGETS, b.unit(), b.code(), b.name(), b.target(), b.measure(), b.comparison(),
                    b.clause(), b.quote(), b.conflictGroup());
        }
    }

    /** What the area fields hold (the 面积 note), for every generated file. */
    static final String AREA_NOTE = "DLTB 的 TBMJ 为椭球面积（国土调查办发〔2008〕32号，m²，两位小数），"
            + "耕地扣除田坎（KCXS 按坡度级，KCMJ = TBMJ × KCXS，TBDLMJ = TBMJ − KCMJ）；其他图层 MJ/TBMJ 为高斯平面面积";

    /**
     * @param parameters how the file was generated ("seed=…; scale=…"), as the notes and the metadata say it
     * @param extra      further notes (name, text) of a benchmark variant; none for the sample
     * @param areas      what the area fields hold (the 面积 note)
     */
    static void writeNotes(GeoPackageWriter w, String parameters, List<String[]> extra, String areas) throws SQLException {
        w.createAttributeTable(SampleLayers.NOTES, "数据说明", "", List.of(GpkgColumn.text("XM", 30),
                GpkgColumn.text("NR", 500)));
        w.insertRow(SampleLayers.NOTES, "数据性质", DEMO_NOTE);
        w.insertRow(SampleLayers.NOTES, "依据", "曾都区流域综合治理和统筹发展规划实施方案（2023-09-04 征求意见稿）附件3");
        w.insertRow(SampleLayers.NOTES, "生成参数", parameters);
        w.insertRow(SampleLayers.NOTES, "有意偏差", "㵐水片区耕地比附件3目标少"
                + (Annex3.ZHANGSHUI_CULTIVATED_SHORTFALL * 100) + "%（演示不达标）；漂水河出境断面优良率10/12（演示不达标）");
        w.insertRow(SampleLayers.NOTES, "坐标系", "红线类图层 EPSG:4526（带号38）；监测断面 EPSG:4490；项目选址 EPSG:4547");
        w.insertRow(SampleLayers.NOTES, "面积", areas);
        for (String[] note : extra) {
            w.insertRow(SampleLayers.NOTES, note[0], note[1]);
        }
    }

    static void createDefects(GeoPackageWriter w) throws SQLException {
        w.createAttributeTable(SampleLayers.DEFECTS, "样例缺陷", "故意加入的数据缺陷，供质检演示",
                List.of(GpkgColumn.text("TCMC", 20), GpkgColumn.integer("YSFID"), GpkgColumn.text("QXLX", 40),
                        GpkgColumn.text("MS", 200)));
    }

    static void insertDefect(GeoPackageWriter w, String layer, long fid, String type, String description)
            throws SQLException {
        w.insertRow(SampleLayers.DEFECTS, layer, fid, type, description);
    }

    static void addFileMetadata(GeoPackageWriter w, String parameters) throws SQLException {
        w.addFileMetadata("https://basinguard.cn/metadata/demo-note", "text/plain", DEMO_NOTE
                + "\n曾都区流域治理单元底线核查 示例数据：图形与属性为程序按附件3指标生成的模拟数据，仅供软件演示与测试，"
                + "不得用于审批、统计或任何官方用途。\n" + parameters);
    }

    /** Area for the TBMJ/MJ fields; a self-intersecting ring is measured as its repaired shape. */
    static double area(Polygon p) {
        return p.isValid() ? p.getArea() : GeometryFixer.fix(p).getArea();
    }

    /** The polygon moved from the design grid (EPSG:4547) into EPSG:4526, as a one-part multipolygon. */
    static MultiPolygon zone38(Polygon p, GeometryFactory gf) {
        return gf.createMultiPolygon(new Polygon[] {(Polygon) TO_ZONE38.transform(p)});
    }

    /**
     * a − b computed where the file holds it: in zone 38 (doubles 7·10⁻⁹ m apart there), then moved back. A difference
     * computed in the design grid can leave vertices a few nanometres apart that the move folds into a
     * self-intersection; computed in zone 38 it is valid as written. The way back is exact (x + prefix − prefix, the two
     * within a factor 2), so the stored result is the zone-38 one to the last bit, and so are a and b.
     */
    static Geometry differenceAsWritten(Geometry a, Geometry b) {
        Geometry d = OverlayNGRobust.overlay(TO_ZONE38.transform(a), TO_ZONE38.transform(b), OverlayNG.DIFFERENCE);
        return FROM_ZONE38.transform(d);
    }

    static double round2(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
