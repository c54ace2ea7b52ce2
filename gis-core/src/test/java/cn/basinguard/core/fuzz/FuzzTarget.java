package cn.basinguard.core.fuzz;

import java.nio.file.Path;
import java.util.Locale;

/** The fuzz targets (@FuzzTest methods), one per reader, and where Jazzer keeps each one's inputs. */
enum FuzzTarget {
    GEOMETRY_BLOB("cn.basinguard.core.gpkg.GpkgFuzzTest", "geometryBlob"),
    GPKG_CATALOG("cn.basinguard.core.gpkg.GpkgFuzzTest", "catalog"),
    GPKG_FILE("cn.basinguard.core.gpkg.GpkgFuzzTest", "wholeFile"),
    WKT("cn.basinguard.core.crs.WktFuzzTest", "prj"),
    TXT("cn.basinguard.core.importer.ImporterFuzzTest", "txt"),
    SHAPEFILE("cn.basinguard.core.importer.ImporterFuzzTest", "shapefile"),
    GEOJSON("cn.basinguard.core.importer.ImporterFuzzTest", "geojson"),
    KML("cn.basinguard.core.importer.ImporterFuzzTest", "kml"),
    PASTED("cn.basinguard.core.importer.ImporterFuzzTest", "pasted");

    final String testClass;
    final String method;

    FuzzTarget(String testClass, String method) {
        this.testClass = testClass;
        this.method = method;
    }

    /** The name on the command line and in reports: geometry-blob, gpkg-catalog, wkt, txt … */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static FuzzTarget byId(String id) {
        for (FuzzTarget t : values()) {
            if (t.id().equals(id) || t.method.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no fuzz target " + id);
    }

    /**
     * {@code src/test/resources/<package>/<Class>Inputs/<method>/}: the inputs Jazzer's JUnit integration replays in
     * every {@code mvn verify} (regression mode), where the fuzz profile writes each finding.
     */
    Path inputs(Path moduleDir) {
        int dot = testClass.lastIndexOf('.');
        return moduleDir.resolve("src/test/resources").resolve(testClass.substring(0, dot).replace('.', '/'))
            .resolve(testClass.substring(dot + 1) + "Inputs").resolve(method);
    }
}
