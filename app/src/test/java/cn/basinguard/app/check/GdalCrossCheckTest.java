package cn.basinguard.app.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.DataQualityIssue;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.Overlap;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.check.SiteResult;
import cn.basinguard.core.check.UnitResult;
import cn.basinguard.data.SampleData;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's overlap areas against an independent engine: GEOS through GDAL/SpatiaLite SQL on the same sample
 * file, planar areas, to 1e-7 relative where the geometries are valid. Skipped, with a message, when GDAL is absent;
 * .ci/run installs gdal-bin so CI runs it. SpatiaLite cannot intersect geometries of two CRSs, so the sites layer
 * (EPSG:4547) is first copied into the red-line CRS (EPSG:4526) with ogr2ogr — a pure shift of 38,000,000 m.
 */
class GdalCrossCheckTest {
    static final double RELATIVE = 1e-7;
    @TempDir
    static Path dir;
    static Path peerFile;
    static CheckReport report;
    static Set<String> invalid;

    @BeforeAll
    static void prepare() throws Exception {
        assumeTrue(onPath("ogrinfo") && onPath("ogr2ogr"), "GDAL (ogrinfo, ogr2ogr) not installed: apt-get install gdal-bin");
        Path sample = SampleData.zengduSample();
        peerFile = Files.copy(sample, dir.resolve("peer.gpkg"));
        run("ogr2ogr", "-update", "-t_srs", "EPSG:4526", "-nln", "XMXZ_4526", "-lco", "IDENTIFIER=XMXZ_4526", peerFile.toString(), sample.toString(), "XMXZ");
        DatasetLoader.Loaded loaded = DatasetLoader.load(List.of(sample), Map.of());
        report = new CheckEngine(CheckParameters.DEFAULT).run(loaded.input(), Progress.NONE);
        invalid = report.dataQuality().stream().filter(d -> d.kind() == DataQualityIssue.Kind.INVALID_GEOMETRY)
                .map(DataQualityIssue::featureId).collect(Collectors.toSet());
    }

    @Test
    void siteOverlapsAgreeWithGeos() throws Exception {
        int compared = 0;
        for (var layer : Map.of(LayerRole.BASIC_FARMLAND, "YJJBNTTB", LayerRole.ECO_REDLINE, "STBHHX", LayerRole.CULTIVATED, "DLTB").entrySet()) {
            Map<String, Double> geos = perFeature("XMXZ_4526", "XMMC", layer.getValue(), layer.getKey());
            for (SiteResult s : report.sites()) {
                Overlap o = s.overlap(layer.getKey());
                if (o.patchIds().stream().anyMatch(invalid::contains)) {
                    continue; // GEOS intersects the invalid ring as it is; we repair it first
                }
                double theirs = geos.getOrDefault(s.name(), 0.0);
                assertClose(theirs, o.area().planarM2(), s.name() + " × " + layer.getValue());
                compared++;
            }
        }
        assertTrue(compared >= 40, "compared " + compared);
    }

    @Test
    void unitTotalsAgreeWithGeos() throws Exception {
        for (var layer : Map.of(LayerRole.BASIC_FARMLAND, "YJJBNTTB", LayerRole.ECO_REDLINE, "STBHHX", LayerRole.CULTIVATED, "DLTB").entrySet()) {
            Map<String, Double> geos = perFeature("LYZLDY", "DYMC", layer.getValue(), layer.getKey());
            for (UnitResult u : report.units()) {
                if (!u.district()) {
                    assertClose(geos.get(u.name()), u.areaOf(layer.getKey()).planarM2(), u.name() + " × " + layer.getValue());
                }
            }
        }
    }

    @Test
    void basicFarmlandRedLineConflictAgreesWithGeos() throws Exception {
        Map<String, Double> geos = perFeature("YJJBNTTB", "BSM", "STBHHX");
        double theirs = geos.values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(theirs > 0);
        assertClose(theirs, report.conflictTotal().planarM2(), "basic farmland ∩ red line");
        assertEquals(geos.values().stream().filter(v -> v > 0.01).count(), report.conflicts().size());
    }

    static void assertClose(double expected, double actual, String what) {
        double tolerance = RELATIVE * Math.max(Math.abs(expected), 1.0);
        assertEquals(expected, actual, tolerance, what);
    }

    static Map<String, Double> perFeature(String outer, String label, String inner) throws Exception {
        return perFeature(outer, label, inner, null);
    }

    /**
     * name → Σ ST_Area(ST_Intersection(outer, inner)) over the inner features meeting it (GEOS via SpatiaLite). For
     * cultivated land, the DLTB's 耕地 (DLBM 01xx) net of 田坎, each overlap × (1 − KCXS), as the engine counts it.
     */
    static Map<String, Double> perFeature(String outer, String label, String inner, LayerRole role) throws Exception {
        boolean net = role == LayerRole.CULTIVATED;
        // the engine repairs an invalid patch (JTS GeometryFixer) before measuring it; MakeValid is GEOS's repair (the
        // bow-tie's two triangles, as JTS's), so the DLTB's totals include it as the engine's do
        String b = net ? "(CASE WHEN ST_IsValid(b.geom) THEN b.geom ELSE MakeValid(b.geom) END)" : "b.geom";
        String sql = "SELECT o.\"" + label + "\" AS label, (SELECT SUM(ST_Area(ST_Intersection(o.geom, " + b + "))"
                + (net ? " * (1 - COALESCE(b.KCXS, 0))" : "") + ") FROM \"" + inner
                + "\" b WHERE b.fid IN (SELECT id FROM \"rtree_" + inner + "_geom\" r WHERE r.minx <= ST_MaxX(o.geom) AND r.maxx >= ST_MinX(o.geom)"
                + " AND r.miny <= ST_MaxY(o.geom) AND r.maxy >= ST_MinY(o.geom)) AND ST_Intersects(o.geom, " + b + ")"
                + (net ? " AND b.DLBM LIKE '01%'" : "") + ") AS area FROM \"" + outer + "\" o";
        List<String> lines = run("ogrinfo", "-q", "-ro", peerFile.toString(), "-sql", sql);
        Map<String, Double> out = new LinkedHashMap<>();
        String name = null;
        for (String l : lines) {
            String t = l.trim();
            if (t.startsWith("label ")) {
                name = t.substring(t.indexOf("= ") + 2);
            } else if (t.startsWith("area ") && name != null) {
                String v = t.substring(t.indexOf("= ") + 2);
                out.merge(name, v.equals("(null)") ? 0.0 : Double.parseDouble(v), Double::sum);
                name = null;
            }
        }
        assertTrue(!out.isEmpty(), "ogrinfo gave no rows: " + lines);
        return out;
    }

    static List<String> run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                lines.add(l);
            }
        }
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + String.join("\n", lines));
        return lines;
    }

    static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }
}
