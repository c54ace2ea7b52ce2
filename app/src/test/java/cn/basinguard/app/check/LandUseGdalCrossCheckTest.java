package cn.basinguard.app.check;

import static cn.basinguard.app.check.GdalCrossCheckTest.assertClose;
import static cn.basinguard.app.check.GdalCrossCheckTest.onPath;
import static cn.basinguard.app.check.GdalCrossCheckTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.LandClassArea;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.check.SiteResult;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A site's land-class lines against an independent engine: GEOS through GDAL/SpatiaLite SQL on the same file, planar
 * areas, to 1e-7 relative. The file is a 三调-like DLTB that tiles a 3 × 2 km block (jittered quadrilaterals sharing
 * their vertices, 14 land classes, 耕地 with KCXS 0–0.15) and sites of several shapes, one partly off the block. GEOS
 * sums overlap × (1 − KCXS) per DLBM and overlap × KCXS (田坎, 1203) over the 耕地 patches; the engine reads the layer
 * as the CLI does (streamed, around each site). Skipped without GDAL; .ci/run installs gdal-bin.
 */
class LandUseGdalCrossCheckTest {
    static final String[] CLASSES = {"0101", "0101", "0102", "0103", "0103", "0201", "0301", "0305", "0404", "0702", "1003", "1006",
        "1101", "1104", "1107", "1202"};
    static final double[] KCXS = {0, 0.05, 0.1, 0.15};
    static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    static Path dir;
    static Path file;
    static CheckReport report;

    @BeforeAll
    static void prepare() throws Exception {
        assumeTrue(onPath("ogrinfo"), "GDAL (ogrinfo) not installed: apt-get install gdal-bin");
        file = write(dir.resolve("landuse-peer.gpkg"));
        try (DataSources.Opened opened = DataSources.openAll(List.of(file.toString()), SourceOptions.DEFAULT)) {
            report = new CheckEngine(CheckParameters.DEFAULT).run(DatasetLoader.fromSources(opened.sources(), Map.of()).input(),
                    Progress.NONE);
        }
    }

    /** The block's DLTB (30 × 20 cells of 100 m, corners jittered by up to 30 m) and eight sites. */
    static Path write(Path target) throws Exception {
        SplittableRandom rnd = new SplittableRandom(15);
        int cols = 30;
        int rows = 20;
        double x0 = 440000;
        double y0 = 3500000;
        Coordinate[][] v = new Coordinate[cols + 1][rows + 1];
        for (int i = 0; i <= cols; i++) {
            for (int j = 0; j <= rows; j++) {
                boolean edge = i == 0 || j == 0 || i == cols || j == rows;
                double dx = edge ? 0 : rnd.nextDouble(-30, 30);
                double dy = edge ? 0 : rnd.nextDouble(-30, 30);
                v[i][j] = new Coordinate(x0 + i * 100 + dx, y0 + j * 100 + dy);
            }
        }
        try (GeoPackageWriter w = GeoPackageWriter.create(target, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
            w.createFeatureTable("DLTB", "地类图斑", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM"), GpkgColumn.text("DLBM"),
                    GpkgColumn.text("QSDWMC"), GpkgColumn.real("TBMJ"), GpkgColumn.real("KCXS")));
            int n = 0;
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < rows; j++) {
                    Polygon cell = GF.createPolygon(new Coordinate[] {v[i][j], v[i + 1][j], v[i + 1][j + 1], v[i][j + 1], v[i][j]});
                    String dlbm = CLASSES[rnd.nextInt(CLASSES.length)];
                    double kcxs = dlbm.startsWith("01") ? KCXS[rnd.nextInt(KCXS.length)] : 0;
                    w.insertFeature("DLTB", cell, String.format("LU%04d", ++n), dlbm, "村" + (i / 10), Math.round(cell.getArea() * 100) / 100.0,
                            kcxs);
                }
            }
            w.createFeatureTable("XMXZ", "项目选址", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("XMMC")));
            List<Geometry> sites = List.of(
                    rotated(440210, 3500330, 480, 170, 17), rotated(441150, 3500920, 900, 60, -35), rotated(442300, 3501500, 260, 260, 5),
                    rotated(440700, 3501700, 120, 640, 61), rotated(442850, 3500150, 600, 300, 0), // partly off the block
                    GF.createPolygon(new Coordinate[] {new Coordinate(441600, 3500200), new Coordinate(442050, 3500260),
                        new Coordinate(442120, 3500700), new Coordinate(441830, 3500810), new Coordinate(441560, 3500540),
                        new Coordinate(441600, 3500200)}),
                    rotated(441333, 3501222, 33, 44, 73), rotated(440050, 3501950, 300, 300, 45));
            for (int s = 0; s < sites.size(); s++) {
                w.insertFeature("XMXZ", sites.get(s), "项目" + (s + 1));
            }
            w.commit();
        }
        return target;
    }

    static Geometry rotated(double cx, double cy, double w, double h, double degrees) {
        Polygon p = GF.createPolygon(new Coordinate[] {new Coordinate(-w / 2, -h / 2), new Coordinate(w / 2, -h / 2),
            new Coordinate(w / 2, h / 2), new Coordinate(-w / 2, h / 2), new Coordinate(-w / 2, -h / 2)});
        AffineTransformation t = AffineTransformation.rotationInstance(Math.toRadians(degrees)).translate(cx, cy);
        return t.transform(p);
    }

    @Test
    void landClassLinesAgreeWithGeosPerSiteAndDlbm() throws Exception {
        Map<String, Map<String, Double>> geos = geosLines();
        assertEquals(8, report.sites().size());
        int compared = 0;
        for (SiteResult s : report.sites()) {
            Map<String, Double> theirs = geos.getOrDefault(s.name(), Map.of());
            Map<String, Double> ours = new TreeMap<>();
            for (LandClassArea c : s.landUse().classes()) {
                ours.put(c.dlbm(), c.area().planarM2());
            }
            assertEquals(theirs.keySet(), ours.keySet(), s.name());
            for (Map.Entry<String, Double> e : theirs.entrySet()) {
                assertClose(e.getValue(), ours.get(e.getKey()), s.name() + " × " + e.getKey());
                compared++;
            }
            // and the land-use layer's cultivated land is the net figure the verdict uses
            double net = ours.entrySet().stream().filter(e -> e.getKey().startsWith("01")).mapToDouble(Map.Entry::getValue).sum();
            assertClose(net, s.overlap(LayerRole.CULTIVATED).area().planarM2(), s.name() + " net cultivated");
        }
        assertTrue(compared >= 40, "compared " + compared);
        assertTrue(report.sites().stream().anyMatch(s -> s.landUse().outside().planarM2() > 1000), "one site lies partly off the block");
    }

    /** site → DLBM → Σ overlap × (1 − KCXS), and 1203 → Σ overlap × KCXS (GEOS via SpatiaLite). */
    static Map<String, Map<String, Double>> geosLines() throws Exception {
        String sql = "SELECT s.XMMC AS site, l.DLBM AS dlbm, SUM(ST_Area(ST_Intersection(s.geom, l.geom)) * (1 - l.KCXS)) AS net, "
                + "SUM(ST_Area(ST_Intersection(s.geom, l.geom)) * l.KCXS) AS tk FROM XMXZ s, DLTB l "
                + "WHERE ST_Intersects(s.geom, l.geom) GROUP BY s.XMMC, l.DLBM";
        List<String> lines = run("ogrinfo", "-q", "-ro", file.toString(), "-sql", sql);
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        String site = null;
        String dlbm = null;
        for (String l : lines) {
            String t = l.trim();
            String value = t.contains("= ") ? t.substring(t.indexOf("= ") + 2) : null;
            if (t.startsWith("site ")) {
                site = value;
            } else if (t.startsWith("dlbm ")) {
                dlbm = value;
            } else if (t.startsWith("net ") && site != null) {
                add(out, site, dlbm, Double.parseDouble(value));
            } else if (t.startsWith("tk ") && site != null) {
                add(out, site, "1203", Double.parseDouble(value));
            }
        }
        assertTrue(!out.isEmpty(), "ogrinfo gave no rows: " + lines);
        return out;
    }

    /** Lines under the overlap threshold the engine leaves out (0.01 m²) are left out here too. */
    private static void add(Map<String, Map<String, Double>> out, String site, String dlbm, double area) {
        if (area > 0.01) {
            out.computeIfAbsent(site, k -> new TreeMap<>()).merge(dlbm, area, Double::sum);
        }
    }
}
