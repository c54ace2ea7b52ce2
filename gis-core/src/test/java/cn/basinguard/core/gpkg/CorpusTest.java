package cn.basinguard.core.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.GisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.locationtech.jts.geom.Geometry;

/** Every GeoPackage of the shared corpus (files written by GDAL, NGA, the OGC suite, pyogrio) lists and loads. */
class CorpusTest {
    static final Path CORPUS = Path.of(System.getProperty("basinguard.corpus", "../../shared/corpus")).resolve("gpkg");
    static final List<String> BROKEN = List.of("import_db_corrupt.gpkg", "empty.gpkg");
    // empty.gpkg is a valid GeoPackage with no contents: it lists nothing (tested below)

    static Path corpus(String relative) {
        Path p = CORPUS.resolve(relative);
        assumeTrue(Files.isRegularFile(p), "corpus file absent: " + p + " (the shared corpus is optional)");
        return p;
    }

    @TestFactory
    Stream<DynamicTest> everyValidFileListsAndLoadsEveryFeatureLayer() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus absent: " + CORPUS);
        List<Path> files;
        try (Stream<Path> s = Files.walk(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".gpkg") && !BROKEN.contains(p.getFileName().toString())).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(CORPUS.relativize(f).toString(), () -> {
            try (GeoPackageSource src = GeoPackageSource.open(f)) {
                src.countRows(); // the counts as the layer list and info show them
                List<LayerInfo> layers = src.layers();
                assertFalse(layers.isEmpty(), "no layers listed");
                for (LayerInfo l : layers) {
                    if (!l.isSupported()) {
                        assertNotNull(l.note(), l.name());
                        continue;
                    }
                    List<ReadProblem> problems = new ArrayList<>();
                    List<Feature> features = src.readAll(l.name(), problems::add);
                    long skipped = problems.stream().filter(ReadProblem::skipped).count();
                    assertEquals(l.featureCount(), features.size() + skipped, l.name() + ": " + problems);
                    if (l.kind() == LayerInfo.Kind.FEATURES) {
                        assertNotNull(l.srs(), l.name());
                    }
                }
            }
        }));
    }

    @Test
    void corruptFileIsRefusedClearly() {
        // the corpus lookup skips the test when the file is absent: outside assertThrows, where a skip is not an exception
        Path corrupt = corpus("nga/import_db_corrupt.gpkg");
        GisException e = assertThrows(GisException.class, () -> GeoPackageSource.open(corrupt).layers());
        assertTrue(e.key().equals("gpkg.notSqlite") || e.key().equals("gpkg.corrupt"), e.key());
        assertTrue(e.getMessage().contains("import_db_corrupt.gpkg"), e.getMessage());
    }

    @Test
    void aGeoPackageWithNoContentsListsNoLayers() {
        try (GeoPackageSource src = GeoPackageSource.open(corpus("ogc-ets-gpkg12/empty.gpkg"))) {
            assertTrue(src.layers().isEmpty());
        }
    }

    @Test
    void rasterCoveragesAreListedAsUnsupported() {
        try (GeoPackageSource src = GeoPackageSource.open(corpus("ogc-ets-gpkg12/elevation.gpkg"))) {
            assertTrue(src.layers().stream().anyMatch(l -> l.kind() == LayerInfo.Kind.TILES && !l.isSupported()), src.layers().toString());
        }
    }

    @Test
    void curvesAreLinearizedAndSaidToBe() {
        try (GeoPackageSource src = GeoPackageSource.open(corpus("nga/import_db.gpkg"))) {
            List<ReadProblem> problems = new ArrayList<>();
            List<Feature> fs = src.readAll("non_linear_geometries", problems::add);
            // CURVEPOLYGON (CIRCULARSTRING (5 points, two arcs)) comes back as a valid polygon through every arc point
            Geometry g = fs.stream().map(Feature::geometry).filter(x -> x instanceof org.locationtech.jts.geom.Polygon).findFirst().orElseThrow();
            assertTrue(g.getNumPoints() > 20, "arcs densified: " + g.getNumPoints());
            assertTrue(g.isValid());
            for (double[] p : new double[][] {{-122.348, 47.649}, {-122.348, 47.658}, {-122.358, 47.658}}) {
                assertTrue(java.util.Arrays.stream(g.getCoordinates()).anyMatch(c -> c.x == p[0] && c.y == p[1]), "passes through the arc points");
            }
            assertTrue(problems.stream().anyMatch(p -> p.kind() == ReadProblem.Kind.LINEARIZED));
        }
    }

    @Test
    void zmAndNullGeometriesLoad() {
        try (GeoPackageSource src = GeoPackageSource.open(corpus("ogc-ets-gpkg12/null_geometry.gpkg"))) {
            List<LayerInfo> estimated = src.layers();
            src.countRows();
            for (LayerInfo l : src.layers()) {
                List<Feature> fs = src.readAll(l.name(), p -> { });
                assertEquals(l.featureCount(), fs.size());
                // opened for a check, the spatial index's count stands in: it leaves out the rows without geometry
                long indexed = fs.stream().filter(f -> f.geometry() != null && !f.geometry().isEmpty()).count();
                assertEquals(indexed, estimated.stream().filter(e -> e.name().equals(l.name())).findFirst().orElseThrow().featureCount(), l.name());
                assertTrue(fs.stream().anyMatch(f -> f.geometry() == null || f.geometry().isEmpty()), l.name());
            }
        }
        try (GeoPackageSource src = GeoPackageSource.open(corpus("pyogrio/line_zm.gpkg"))) {
            Feature f = src.readAll(src.layers().get(0).name(), p -> { }).get(0);
            assertFalse(Double.isNaN(f.geometry().getCoordinate().getZ()));
            assertFalse(Double.isNaN(f.geometry().getCoordinate().getM()));
        }
    }

    @Test
    void viewsAreLayers() {
        try (GeoPackageSource src = GeoPackageSource.open(corpus("ogc-ets-gpkg12/gdal_sample_view.gpkg"))) {
            for (LayerInfo l : src.layers()) {
                if (l.isSupported()) {
                    assertEquals(l.featureCount(), src.readAll(l.name(), p -> { }).size(), l.name());
                }
            }
        }
    }
}
