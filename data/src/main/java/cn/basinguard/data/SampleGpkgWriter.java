package cn.basinguard.data;

import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgSrs;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.math.BigDecimal;
import java.math.RoundingMode;
import cn.basinguard.core.check.LandClasses;
import cn.basinguard.core.measure.EllipsoidalArea;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Writes a {@link SampleContent} as the sample GeoPackage, in the CRSs real deliveries use. */
final class SampleGpkgWriter {
    static final String TIMESTAMP = SampleTables.TIMESTAMP;
    static final String DEMO_NOTE = SampleTables.DEMO_NOTE;

    private final SampleContent content;
    private final GeometryFactory gf;

    SampleGpkgWriter(SampleContent content, GeometryFactory gf) {
        this.content = content;
        this.gf = gf;
    }

    void write(Path target) throws IOException, SQLException {
        String parameters = "seed=" + content.seed() + "; scale=" + content.scale();
        try (GeoPackageWriter w = GeoPackageWriter.create(target, TIMESTAMP)) {
            w.addSrs(GpkgSrs.CGCS2000);
            w.addSrs(GpkgSrs.CGCS2000_GK3_ZONE38);
            w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
            SampleTables.createUnits(w);
            SampleTables.insertUnits(w, content.layout(), gf);
            Map<Integer, String> tbbhByCell = writeLandUse(w);
            writeBasicFarmland(w, tbbhByCell);
            writeRedLine(w);
            SampleTables.writeReservoirs(w, content.reservoirs(), gf);
            SampleTables.writeSections(w, content.sections(), gf);
            SampleTables.writeSites(w, content.sites(), gf);
            SampleTables.writeTargets(w, content.targets());
            SampleTables.writeNotes(w, parameters, List.of(), "DLTB 的 TBMJ 为椭球面积（国土调查办发〔2008〕32号，m²，两位小数），"
                    + "耕地扣除田坎（KCXS 按坡度级，KCMJ = TBMJ × KCXS，TBDLMJ = TBMJ − KCMJ）；其他图层 MJ/TBMJ 为高斯平面面积");
            SampleTables.createDefects(w);
            for (Defect d : content.defects()) {
                SampleTables.insertDefect(w, d.layer(), d.index() + 1, d.type(), d.description());
            }
            SampleTables.addFileMetadata(w, parameters);
            w.commit();
        }
    }

    /**
     * The DLTB, every class: TBBH numbered per village, QSXZ 国有 (10) for rivers, reservoirs, highways and town land and
     * 集体 (30) elsewhere, TBMJ ellipsoidal, 耕地 with its slope class and 田坎 (KCDLBM 1203, KCXS, KCMJ = TBMJ × KCXS,
     * TBDLMJ = TBMJ − KCMJ).
     */
    private Map<Integer, String> writeLandUse(GeoPackageWriter w) throws SQLException {
        SampleTables.createLandUse(w);
        Map<Integer, String> tbbhByCell = new HashMap<>();
        Map<String, Integer> perVillage = new HashMap<>();
        Villages villages = new Villages(content.layout());
        LandClasses names = LandClasses.standard();
        List<LandUseMosaic.Patch> patches = content.landUse();
        for (int i = 0; i < patches.size(); i++) {
            LandUseMosaic.Patch p = patches.get(i);
            String[] v = villages.of(p.unit(), p.geometry());
            String tbbh = String.valueOf(perVillage.merge(v[0], 1, Integer::sum));
            Tillage t = p.tillage();
            String dlbm = t != null ? t.dlbm() : p.dlbm();
            String dlmc = t != null ? t.dlmc() : names.of(dlbm).name();
            if (p.cultivated() >= 0) {
                tbbhByCell.put(content.land().cultivated().get(p.cultivated()).cell().id(), tbbh);
            }
            boolean state = STATE_LAND.contains(dlbm);
            String[] owner = state ? Villages.stateOwner(v) : Villages.collectiveOwner(v);
            MultiPolygon g = zone38(p.geometry());
            BigDecimal tbmj = ELLIPSOIDAL.tbmj(p.geometry().isValid() ? g : GeometryFixer.fix(g), SampleCrs.GK_ZONE38);
            BigDecimal kcxs = t == null ? BigDecimal.ZERO : BigDecimal.valueOf(t.kcxs());
            BigDecimal kcmj = tbmj.multiply(kcxs).setScale(2, RoundingMode.HALF_UP);
            w.insertFeature(SampleLayers.CULTIVATED, g, String.format("4213032%011d", i + 1), "2001010100", tbbh, dlbm, dlmc,
                    state ? "10" : "30", owner[0], owner[1], v[0], v[1], tbmj.doubleValue(), t == null ? null : "1203",
                    kcxs.doubleValue(), kcmj.doubleValue(), tbmj.subtract(kcmj).doubleValue(), t == null ? null : t.gdlx(),
                    t == null ? null : String.valueOf(t.slopeClass()), 2023, Annex3.UNIT_NAMES[p.unit()],
                    p.cultivated() >= 0 ? defectNote(SampleLayers.CULTIVATED, p.cultivated()) : null);
        }
        return tbbhByCell;
    }

    /** Classes held by the state (国有): rivers, reservoirs, highways, town land. */
    private static final java.util.Set<String> STATE_LAND = java.util.Set.of("1101", "1103", "1003", "0701", "05H1", "0601",
            "08H2", "1004", "0810");
    private static final EllipsoidalArea ELLIPSOIDAL = EllipsoidalArea.standard();

    private void writeBasicFarmland(GeoPackageWriter w, Map<Integer, String> tbbhByCell) throws SQLException {
        SampleTables.createBasicFarmland(w);
        Villages villages = new Villages(content.layout());
        List<LandPatch> pbf = content.land().basicFarmland();
        for (int i = 0; i < pbf.size(); i++) {
            LandPatch p = pbf.get(i);
            String[] v = villages.of(p.unit(), p.geometry());
            Tillage t = Tillage.of(p.cell().polygon(), content.layout().unit(p.unit()).getEnvelopeInternal());
            w.insertFeature(SampleLayers.BASIC_FARMLAND, zone38(p.geometry()), String.format("4213033%011d", i + 1),
                    "2004010100", String.format("JB%06d", i + 1), tbbhByCell.get(p.cell().id()), t.dlbm(), t.dlmc(), v[0],
                    v[1], round2(area(p.geometry())), 2023, Annex3.UNIT_NAMES[p.unit()],
                    defectNote(SampleLayers.BASIC_FARMLAND, i));
        }
    }

    private void writeRedLine(GeoPackageWriter w) throws SQLException {
        SampleTables.createRedLine(w);
        List<LandPatch> red = content.land().redLine();
        for (int i = 0; i < red.size(); i++) {
            LandPatch p = red.get(i);
            w.insertFeature(SampleLayers.RED_LINE, zone38(p.geometry()),
                    SampleTables.redLineValues(i, p.unit(), area(p.geometry())));
        }
    }

    private String defectNote(String layer, int index) {
        for (Defect d : content.defects()) {
            if (d.layer().equals(layer) && d.index() == index) {
                return "示例缺陷：" + d.type();
            }
        }
        return null;
    }

    private static double area(Polygon p) {
        return SampleTables.area(p);
    }

    private MultiPolygon zone38(Polygon p) {
        return SampleTables.zone38(p, gf);
    }

    private static double round2(double v) {
        return SampleTables.round2(v);
    }

}
