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
            SampleTables.writeNotes(w, parameters, List.of(), SampleTables.AREA_NOTE);
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
        List<LandUseMosaic.Patch> patches = content.landUse();
        for (int i = 0; i < patches.size(); i++) {
            LandUseMosaic.Patch p = patches.get(i);
            String[] v = villages.of(p.unit(), p.geometry());
            String tbbh = String.valueOf(perVillage.merge(v[0], 1, Integer::sum));
            if (p.cultivated() >= 0) {
                tbbhByCell.put(content.land().cultivated().get(p.cultivated()).cell().id(), tbbh);
            }
            MultiPolygon g = zone38(p.geometry());
            BigDecimal tbmj = ELLIPSOIDAL.tbmj(p.geometry().isValid() ? g : GeometryFixer.fix(g), SampleCrs.GK_ZONE38);
            w.insertFeature(SampleLayers.CULTIVATED, g, SampleTables.landUseValues(i, tbbh, p.dlbm(), p.tillage(), v, tbmj,
                    p.unit(), p.cultivated() >= 0 ? defectNote(SampleLayers.CULTIVATED, p.cultivated()) : null));
        }
        return tbbhByCell;
    }

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
