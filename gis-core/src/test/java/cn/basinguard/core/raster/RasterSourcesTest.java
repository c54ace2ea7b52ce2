package cn.basinguard.core.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * GeoTIFF and GeoPackage tile rasters made by GDAL, drawn into a frame of the sample district in EPSG:4547: the marker
 * lands where GDAL says it is, within one frame pixel, whatever CRS the raster was cut in; and bad input draws what it
 * can and says what it could not.
 */
class RasterSourcesTest {
    static final Crs GK = CrsRegistry.fromEpsg(4547);
    /** Township zoom: 2.5 m a pixel. */
    static final double UPP = 2.5;
    @TempDir
    static Path dir;
    static Path gkTif;

    @BeforeAll
    static void make() throws Exception {
        gkTif = GdalRasters.gkTiff(dir);
    }

    /** Paints {@code src} into a 400 × 400 frame of 2.5 m around the pattern and returns the ARGB pixels. */
    static int[] frame(RasterSource src, RasterWarp.Sampling sampling) {
        RasterWarp.Frame f = frame();
        int[] px = new int[f.width() * f.height()];
        RasterWarp.paint(src, RasterWarp.extentIn(src, GK), f, 0, f.height(), px, 1.0, sampling, () -> false);
        return px;
    }

    static RasterWarp.Frame frame() {
        return new RasterWarp.Frame(GK, 438_600, 3_520_800, UPP, 400, 400);
    }

    /** The centre of the red pixels in the frame, in frame pixels (pixel centres at +0.5). */
    static double[] redCentre(int[] px, int w) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            if ((p >>> 24) > 0 && ((p >> 16) & 0xFF) > 200 && ((p >> 8) & 0xFF) < 80) {
                sx += i % w + 0.5;
                sy += i / w + 0.5;
                n++;
            }
        }
        assertTrue(n > 0, "no red marker drawn");
        return new double[] {sx / n, sy / n};
    }

    /** Asserts the frame's red marker is within one pixel of where GDAL puts it ({@code gdalX, gdalY} in EPSG:4547). */
    static void assertMarker(int[] px, double gdalX, double gdalY) {
        RasterWarp.Frame f = frame();
        double[] c = redCentre(px, f.width());
        double ex = (gdalX - f.minX()) / f.unitsPerPixel();
        double ey = (f.maxY() - gdalY) / f.unitsPerPixel();
        assertTrue(Math.hypot(c[0] - ex, c[1] - ey) <= 1.0, "marker at " + c[0] + "," + c[1] + ", GDAL says " + ex + "," + ey);
    }

    @Test
    void gaussKrugerGeoTiffMarkerLandsWhereGdalSays() throws Exception {
        try (DataSource src = DataSources.openFile(gkTif, SourceOptions.DEFAULT); RasterSource r = src.raster("gk")) {
            LayerInfo l = src.layers().get(0);
            assertTrue(l.isRaster());
            assertEquals(4547, l.srs().crs().epsg());
            assertEquals(3, r.levels().size(), "full image and two overviews");
            double[] g = GdalRasters.markerByGdal(gkTif, dir);
            assertEquals(GdalRasters.MARKER_X, g[0], 1e-6);
            assertMarker(frame(r, RasterWarp.Sampling.NEAREST), g[0], g[1]);
            assertMarker(frame(r, RasterWarp.Sampling.BILINEAR), g[0], g[1]);
            assertTrue(src.warnings().isEmpty(), src.warnings().toString());
        }
    }

    @Test
    void webMercatorTilesLineUpWithGaussKruger() throws Exception {
        Path gpkg = dir.resolve("merc.gpkg");
        GdalRasters.run("gdal_translate", "-q", "-of", "GPKG", "-r", "nearest", "-co", "TILING_SCHEME=GoogleMapsCompatible",
                "-co", "TILE_FORMAT=PNG", gkTif.toString(), gpkg.toString());
        GdalRasters.run("gdaladdo", "-q", "-r", "nearest", gpkg.toString(), "2", "4");
        double[] m = GdalRasters.markerByGdal(gpkg, dir);
        double[] g = GdalRasters.transform(m[0], m[1], 3857, 4547);
        try (GeoPackageSource src = GeoPackageSource.open(gpkg); RasterSource r = src.raster(src.layers().get(0).name())) {
            assertEquals(3857, r.crs().epsg());
            assertTrue(r.levels().size() >= 3);
            RasterWarp.Stats s = RasterWarp.paint(r, RasterWarp.extentIn(r, GK), frame(), 0, 400, new int[400 * 400], 1, RasterWarp.Sampling.NEAREST,
                    () -> false);
            assertTrue(s.maxError() < RasterWarp.MAX_ERROR, "interpolation error " + s.maxError());
            assertEquals(0, s.level(), "township zoom reads the finest level");
            assertMarker(frame(r, RasterWarp.Sampling.NEAREST), g[0], g[1]);
            assertTrue(r.problems().isEmpty(), r.problems().toString());
        }
    }

    @Test
    void geographicCgcs2000TilesLineUp() throws Exception {
        Path geo = dir.resolve("geo.tif");
        GdalRasters.run("gdalwarp", "-q", "-t_srs", "EPSG:4490", "-r", "near", gkTif.toString(), geo.toString());
        Path gpkg = dir.resolve("geo.gpkg");
        GdalRasters.run("gdal_translate", "-q", "-of", "GPKG", "-co", "TILE_FORMAT=JPEG", "-co", "QUALITY=95", geo.toString(), gpkg.toString());
        double[] m = GdalRasters.markerByGdal(gpkg, dir);
        double[] g = GdalRasters.transform(m[0], m[1], 4490, 4547);
        try (GeoPackageSource src = GeoPackageSource.open(gpkg); RasterSource r = src.raster(src.layers().get(0).name())) {
            assertEquals(4490, r.crs().epsg());
            assertMarker(frame(r, RasterWarp.Sampling.NEAREST), g[0], g[1]);
        }
    }

    @Test
    void corruptTileIsSkippedAndSaidOnce() throws Exception {
        Path gpkg = dir.resolve("corrupt.gpkg");
        GdalRasters.run("gdal_translate", "-q", "-of", "GPKG", "-co", "TILING_SCHEME=GoogleMapsCompatible", gkTif.toString(), gpkg.toString());
        String table;
        try (GeoPackageSource src = GeoPackageSource.open(gpkg)) {
            table = src.layers().get(0).name();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE \"" + table + "\" SET tile_data = X'89504E470D0A1A0A0000000D4948445200' WHERE id % 2 = 0");
        }
        try (GeoPackageSource src = GeoPackageSource.open(gpkg); RasterSource r = src.raster(table)) {
            int[] px = frame(r, RasterWarp.Sampling.NEAREST);
            frame(r, RasterWarp.Sampling.NEAREST);
            long drawn = java.util.Arrays.stream(px).filter(p -> p >>> 24 != 0).count();
            assertTrue(drawn > 0, "the good tiles are drawn");
            assertEquals(1, r.problems().size(), r.problems().toString());
            assertTrue(r.problems().get(0).contains(table), r.problems().get(0));
        }
    }

    @Test
    void missingZoomLevelFallsBackToACoarserOne() throws Exception {
        Path gpkg = dir.resolve("sparse.gpkg");
        GdalRasters.run("gdal_translate", "-q", "-of", "GPKG", "-co", "TILING_SCHEME=GoogleMapsCompatible", gkTif.toString(), gpkg.toString());
        GdalRasters.run("gdaladdo", "-q", "-r", "nearest", gpkg.toString(), "2");
        String table;
        try (GeoPackageSource src = GeoPackageSource.open(gpkg)) {
            table = src.layers().get(0).name();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM \"" + table + "\" WHERE zoom_level = (SELECT MAX(zoom_level) FROM \"" + table + "\")");
        }
        try (GeoPackageSource src = GeoPackageSource.open(gpkg); RasterSource r = src.raster(table)) {
            int[] px = frame(r, RasterWarp.Sampling.NEAREST);
            long drawn = java.util.Arrays.stream(px).filter(p -> p >>> 24 != 0).count();
            assertTrue(drawn > 100_000, "drawn from the coarser level: " + drawn);
        }
    }

    @Test
    void geoTiffWithoutGeoreferencingOpensAndSaysWhy() throws Exception {
        Path nogeo = dir.resolve("nogeo.tif");
        GdalRasters.run("gdal_translate", "-q", "-of", "GTiff", GdalRasters.pattern(dir).toString(), nogeo.toString());
        try (DataSource src = DataSources.openFile(nogeo, SourceOptions.DEFAULT)) {
            assertEquals(1, src.warnings().size());
            assertTrue(src.warnings().get(0).contains("nogeo.tif"));
            assertEquals(Messages.get("raster.noGeoreference", "nogeo.tif"), src.warnings().get(0));
            assertNull(src.layers().get(0).srs());
        }
    }

    @Test
    void worldFileAndPrjPlaceATiffWithoutKeys() throws Exception {
        Path plain = dir.resolve("plain.tif");
        GdalRasters.run("gdal_translate", "-q", "-of", "GTiff", "-co", "PROFILE=BASELINE", "-co", "TFW=YES", "-a_srs", "EPSG:4547", "-a_ullr",
                GdalRasters.str(GdalRasters.MIN_X), GdalRasters.str(GdalRasters.MAX_Y), GdalRasters.str(GdalRasters.MIN_X + 2000),
                GdalRasters.str(GdalRasters.MAX_Y - 2000), GdalRasters.pattern(dir).toString(), plain.toString());
        Files.writeString(dir.resolve("plain.prj"), GdalRasters.run("gdalsrsinfo", "-o", "wkt1", "EPSG:4547").trim());
        try (DataSource src = DataSources.openFile(plain, SourceOptions.DEFAULT); RasterSource r = src.raster("plain")) {
            assertTrue(src.warnings().isEmpty(), src.warnings().toString());
            assertEquals(4547, r.crs().epsg());
            assertMarker(frame(r, RasterWarp.Sampling.NEAREST), GdalRasters.MARKER_X, GdalRasters.MARKER_Y);
        }
    }

    @Test
    void compressionTheReaderCannotDecodeIsSaidOnce() throws Exception {
        Path webp = dir.resolve("webp.tif");
        GdalRasters.run("gdal_translate", "-q", "-co", "COMPRESS=WEBP", "-co", "TILED=YES", gkTif.toString(), webp.toString());
        try (DataSource src = DataSources.openFile(webp, SourceOptions.DEFAULT); RasterSource r = src.raster(src.layers().get(0).name())) {
            int[] px = frame(r, RasterWarp.Sampling.NEAREST);
            frame(r, RasterWarp.Sampling.NEAREST);
            assertEquals(0, java.util.Arrays.stream(px).filter(p -> p >>> 24 != 0).count());
            assertEquals(1, r.problems().size(), r.problems().toString());
            assertTrue(r.problems().get(0).contains("webp.tif"), r.problems().get(0));
        }
    }

    @Test
    void identifyGivesThePixelValue() throws Exception {
        try (DataSource src = DataSources.openFile(gkTif, SourceOptions.DEFAULT); RasterSource r = src.raster("gk")) {
            assertEquals(0xFFFF0000, RasterWarp.valueAt(r, GK, GdalRasters.MARKER_X, GdalRasters.MARKER_Y, 1));
            // the first square (top-left) is dark
            assertEquals(0xFF3C3C3C, RasterWarp.valueAt(r, GK, GdalRasters.MIN_X + 10, GdalRasters.MAX_Y - 10, 1));
            assertEquals(0, RasterWarp.valueAt(r, GK, GdalRasters.MIN_X - 10, GdalRasters.MAX_Y - 10, 1));
        }
    }

    @Test
    void blockCacheStaysWithinItsBound() {
        BlockCache c = new BlockCache(1000);
        for (int i = 0; i < 100; i++) {
            int k = i;
            assertNotNull(c.get(new BlockCache.Key(this, 0, k, 0), () -> new int[100]));
        }
        assertTrue(c.pixels() <= 1000, "cache holds " + c.pixels());
        Envelope unused = new Envelope();
        assertTrue(unused.isNull());
    }
}
