package cn.basinguard.core.source.shp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Shapefiles as GDAL writes them, read by {@link ShapefileSource} and compared feature by feature, attribute by
 * attribute and coordinate by coordinate with what GDAL itself reads from them (ogr2ogr copies them into a GeoPackage,
 * which the project's GeoPackage reader reads exactly). Then the damaged and incomplete files a bureau folder holds.
 */
class ShapefileSourceTest {
    private static final String CRS = "{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4547\"}}";

    /** Polygons with a hole and two parts, a NULL shape, a triangle; text, integer, real, date and boolean fields. */
    static final String POLYGONS = "{\"type\":\"FeatureCollection\",\"crs\":" + CRS + ",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{\"DYMC\":\"涢水片区\",\"BSM\":1,\"MJ\":12.5,\"RQ\":\"2023-09-04\",\"OK\":true},"
        + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[500000,3500000],[501000,3500000],[501000,3501000],"
        + "[500000,3501000],[500000,3500000]],[[500200,3500200],[500200,3500400],[500400,3500400],[500400,3500200],"
        + "[500200,3500200]]],[[[502000,3500000],[503000,3500000],[503000,3501000],[502000,3500000]]]]}},"
        + "{\"type\":\"Feature\",\"properties\":{\"DYMC\":\"耕地\",\"BSM\":2,\"MJ\":null,\"RQ\":null,\"OK\":false},\"geometry\":null},"
        + "{\"type\":\"Feature\",\"properties\":{\"DYMC\":\"\",\"BSM\":3,\"MJ\":-1.25,\"RQ\":\"1999-12-31\",\"OK\":null},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[500000.123456789,3500000.987654321],[500000,3500500],"
        + "[500500.5,3500500.25],[500000.123456789,3500000.987654321]]]}}]}";

    static final String POINTS = "{\"type\":\"FeatureCollection\",\"crs\":" + CRS + ",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{\"DMMC\":\"涢水大桥\",\"KZJB\":\"国控\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[512345.678,3512345.125]}},"
        + "{\"type\":\"Feature\",\"properties\":{\"DMMC\":\"漂水河大桥\",\"KZJB\":\"省控\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[513000,3513000]}}]}";

    static final String LINES = "{\"type\":\"FeatureCollection\",\"crs\":" + CRS + ",\"features\":["
        + "{\"type\":\"Feature\",\"properties\":{\"HLMC\":\"涢水\"},\"geometry\":{\"type\":\"MultiLineString\",\"coordinates\":"
        + "[[[500000,3500000],[501000,3501000],[502000,3500500]],[[503000,3503000],[504000,3504000]]]}},"
        + "{\"type\":\"Feature\",\"properties\":{\"HLMC\":\"漂水\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[505000,3505000],[506000,3506500]]}}]}";

    @TempDir
    Path dir;

    @Test
    void polygonsPointsAndLinesAreReadAsGdalReadsThem() throws Exception {
        for (String[] layer : new String[][] {{"poly", POLYGONS}, {"pts", POINTS}, {"lines", LINES}}) {
            Path shp = gdalShapefile(layer[0], layer[1], "CP936");
            assertSameAsGdal(shp, SourceOptions.DEFAULT);
        }
    }

    @Test
    void withoutCpgTheLanguageDriverOrTheBytesTellTheEncoding() throws Exception {
        Path shp = gdalShapefile("poly", POLYGONS, "CP936");
        Path reference = gdalCopy(shp);
        Files.delete(dir.resolve("poly.cpg"));
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            assertEquals(DbfEncoding.Basis.DETECTED, s.encoding().basis());
            assertEquals(DbfEncoding.GB18030, s.encoding().charset());
            assertSameFeatures(reference, s);
        }
        setLanguageDriver(dir.resolve("poly.dbf"), 0x4D);
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            assertEquals(DbfEncoding.Basis.LANGUAGE_DRIVER, s.encoding().basis());
            assertSameFeatures(reference, s);
        }
    }

    @Test
    void aUtf8TableWithoutCpgIsReadAsUtf8() throws Exception {
        Path shp = gdalShapefile("poly", POLYGONS, "UTF-8");
        Path reference = gdalCopy(shp);
        Files.delete(dir.resolve("poly.cpg"));
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            assertEquals(StandardCharsets.UTF_8, s.encoding().charset());
            assertSameFeatures(reference, s);
        }
    }

    /** 㵐 is not in GBK: a table that says GBK but holds it was written as GB18030, and is read so. */
    @Test
    void aGbkDeclaredTableHoldingExtensionAIsReadAsGb18030() throws Exception {
        Path shp = gdalShapefile("units", POLYGONS.replace("涢水片区", "㵐水片区"), "GB18030");
        for (String declared : new String[] {"GBK", "936", "CP936", null}) {
            Path cpg = dir.resolve("units.cpg");
            Files.deleteIfExists(cpg);
            if (declared != null) {
                Files.writeString(cpg, declared);
            }
            try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
                List<Feature> fs = readAll(s, null);
                assertEquals("㵐水片区", fs.get(0).attributes().get("DYMC"), "declared " + declared);
                assertEquals("耕地", fs.get(1).attributes().get("DYMC"));
            }
        }
        // the user's setting beats the .cpg: read as Latin-1 the name is no longer Chinese
        Files.writeString(dir.resolve("units.cpg"), "GBK");
        try (ShapefileSource s = ShapefileSource.open(shp, new SourceOptions(StandardCharsets.ISO_8859_1, false))) {
            assertEquals(DbfEncoding.Basis.SETTING, s.encoding().basis());
            assertFalse(readAll(s, null).get(0).attributes().get("DYMC").toString().contains("水"));
        }
    }

    @Test
    void bytesTheEncodingCannotDecodeAreReportedNotKeptSilently() throws Exception {
        Path shp = gdalShapefile("poly", POLYGONS, "CP936");
        Files.writeString(dir.resolve("poly.cpg"), "UTF-8");
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            List<ReadProblem> problems = new ArrayList<>();
            s.read("poly", null, null, f -> { }, problems::add);
            assertTrue(problems.stream().anyMatch(p -> p.reason().contains("UTF-8")), problems.toString());
        }
    }

    @Test
    void queriesByAreaReturnOnlyWhatMeetsTheBox() throws Exception {
        Path shp = gdalShapefile("poly", POLYGONS, "CP936");
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            List<Feature> hits = new ArrayList<>();
            s.read("poly", new Envelope(502500, 502600, 3500100, 3500200), null, hits::add, p -> { });
            assertEquals(List.of(0L), hits.stream().map(Feature::fid).toList());
            hits.clear();
            s.read("poly", new Envelope(400000, 400001, 3400000, 3400001), null, hits::add, p -> { });
            assertTrue(hits.isEmpty());
            assertEquals(2L, s.feature("poly", 2).fid());
            assertNull(s.feature("poly", 2).attributes().get("DYMC"));
            assertNull(s.feature("poly", 1).geometry(), "a NULL shape has no geometry");
            assertNull(s.feature("poly", 3));
        }
    }

    @Test
    void fewerOrMoreAttributeRowsThanShapesAreSaid() throws Exception {
        Path shp = gdalShapefile("poly", POLYGONS, "CP936");
        setRecordCount(dir.resolve("poly.dbf"), 2);
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("poly.shp") && w.contains("3") && w.contains("2")), s.warnings().toString());
            List<Feature> fs = readAll(s, null);
            assertEquals(3, fs.size());
            assertEquals(3L, fs.get(2).fid() + 1);
            assertNull(fs.get(2).attributes().get("BSM"), "the shape without a row has no attributes");
        }
        // a table that claims more rows than it holds is cut at what it holds
        setRecordCount(dir.resolve("poly.dbf"), 7);
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("poly.dbf") && w.contains("7")), s.warnings().toString());
            assertEquals(3, readAll(s, null).size());
        }
    }

    @Test
    void missingCompanionFilesAreWarningsNamingTheFile() throws Exception {
        Path shp = gdalShapefile("poly", POLYGONS, "CP936");
        Path reference = gdalCopy(shp);
        Files.delete(dir.resolve("poly.shx"));
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            assertTrue(s.warnings().get(0).contains("poly.shp") && s.warnings().get(0).contains(".shx"), s.warnings().toString());
            assertSameFeatures(reference, s);
        }
        Files.delete(dir.resolve("poly.prj"));
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains(".prj")), s.warnings().toString());
            assertTrue(s.layers().get(0).srs().undefined());
            assertNull(s.layers().get(0).srs().crs());
        }
        Files.delete(dir.resolve("poly.dbf"));
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains(".dbf")), s.warnings().toString());
            assertEquals(3, readAll(s, null).size());
        }
    }

    @Test
    void damagedFilesGiveOneLineAndTheRestStillOpens() throws Exception {
        Path shp = gdalShapefile("poly", POLYGONS, "CP936");
        Files.writeString(dir.resolve("poly.prj"), "PROJCS[\"made up\",GEOGCS[\"nowhere\"]]");
        Files.write(dir.resolve("poly.dbf"), "this is not a dBase table at all, just words".getBytes(StandardCharsets.US_ASCII));
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("poly.dbf") && !w.contains("\n")), s.warnings().toString());
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("made up")), s.warnings().toString());
            assertNull(s.layers().get(0).srs().crs());
            assertEquals(3, readAll(s, null).size());
        }
        // cut in the middle of the last record: the records before it are read
        long size = Files.size(shp);
        try (RandomAccessFile f = new RandomAccessFile(shp.toFile(), "rw")) {
            f.setLength(size - 20);
        }
        Files.delete(dir.resolve("poly.shx"));
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("poly.shp") && w.contains("3")), s.warnings().toString());
            assertEquals(2, readAll(s, null).size());
        }
        Path notShp = dir.resolve("broken.shp");
        Files.writeString(notShp, "not a shapefile");
        GisException e = assertThrows(GisException.class, () -> ShapefileSource.open(notShp, SourceOptions.DEFAULT));
        assertTrue(e.getMessage().contains("broken.shp") && !e.getMessage().contains("\n"), e.getMessage());
        // the folder still opens: the good layers are sources, the broken file a warning naming it
        gdalShapefile("pts", POINTS, "CP936");
        try (DataSources.Opened opened = DataSources.open(dir.toString(), SourceOptions.DEFAULT)) {
            assertEquals(List.of("poly.shp", "pts.shp"), opened.sources().stream().map(DataSource::label).filter(n -> n.endsWith(".shp")).toList());
            assertTrue(opened.warnings().stream().anyMatch(w -> w.contains("broken.shp")), opened.warnings().toString());
        }
    }

    @Test
    void aShapeWhoseCountsExceedItsRecordIsRefusedAndTheNextIsRead() throws Exception {
        Path shp = gdalShapefile("poly", POLYGONS, "CP936");
        // record 0 starts at byte 100: 8 header bytes, shape type, 32-byte box, then numParts at +44 of the record
        try (RandomAccessFile f = new RandomAccessFile(shp.toFile(), "rw")) {
            f.seek(100 + 8 + 40);
            f.write(new byte[] {0, 0, 0, 0x40}); // numPoints = 2^30
        }
        try (ShapefileSource s = ShapefileSource.open(shp, SourceOptions.DEFAULT)) {
            List<ReadProblem> problems = new ArrayList<>();
            List<Feature> fs = new ArrayList<>();
            s.read("poly", null, null, fs::add, problems::add);
            assertEquals(List.of(1L, 2L), fs.stream().map(Feature::fid).toList());
            assertTrue(problems.get(0).skipped() && problems.get(0).fid() == 0, problems.toString());
        }
    }

    private Path gdalShapefile(String name, String geojson, String encoding) throws Exception {
        Path src = dir.resolve(name + ".geojson");
        Files.writeString(src, geojson);
        Path shp = dir.resolve(name + ".shp");
        Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=" + encoding, shp.toString(), src.toString(), "-nln", name);
        Files.delete(src);
        return shp;
    }

    /** What GDAL reads from the Shapefile, kept in a GeoPackage that the project's GeoPackage reader reads exactly. */
    private Path gdalCopy(Path shp) throws Exception {
        Path out = dir.resolve("ref-" + shp.getFileName().toString().replace(".shp", ".gpkg"));
        Files.deleteIfExists(out);
        Gdal.run("ogr2ogr", "-f", "GPKG", out.toString(), shp.toString(), "-preserve_fid");
        return out;
    }

    private void assertSameAsGdal(Path shp, SourceOptions options) throws Exception {
        Path reference = gdalCopy(shp);
        try (ShapefileSource s = ShapefileSource.open(shp, options)) {
            assertTrue(s.warnings().isEmpty(), s.warnings().toString());
            assertEquals(4547, s.layers().get(0).srs().crs().epsg());
            assertSameFeatures(reference, s);
        }
    }

    private static void assertSameFeatures(Path reference, ShapefileSource s) {
        List<Feature> ours = readAll(s, null);
        List<Feature> gdal;
        try (GeoPackageSource ref = GeoPackageSource.open(reference)) {
            LayerInfo l = ref.layers().get(0);
            gdal = new ArrayList<>();
            ref.read(l.name(), null, null, gdal::add, p -> { });
        }
        assertEquals(gdal.size(), ours.size());
        for (int i = 0; i < gdal.size(); i++) {
            Feature g = gdal.get(i);
            Feature o = ours.get(i);
            assertEquals(g.fid(), o.fid(), "GDAL numbers Shapefile features from 0");
            assertGeometry(g.geometry(), o.geometry(), i);
            for (Map.Entry<String, Object> e : g.attributes().entrySet()) {
                assertEquals(normal(e.getValue()), normal(o.attributes().get(e.getKey())), "feature " + i + " " + e.getKey());
            }
            assertEquals(g.attributes().keySet(), o.attributes().keySet());
        }
    }

    private static void assertGeometry(Geometry gdal, Geometry ours, int i) {
        if (gdal == null || gdal.isEmpty()) {
            assertTrue(ours == null || ours.isEmpty(), "feature " + i + " has no geometry");
            return;
        }
        assertNotNull(ours, "feature " + i);
        assertEquals(gdal.getGeometryType(), ours.getGeometryType(), "feature " + i);
        assertTrue(gdal.equalsExact(ours), "feature " + i + ": " + gdal + " vs " + ours);
    }

    /** GeoPackage keeps dates as text and booleans GDAL wrote as integers; the Shapefile reader types them. */
    private static Object normal(Object v) {
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Integer n) {
            return n.longValue();
        }
        return v;
    }

    static List<Feature> readAll(DataSource s, List<String> fields) {
        List<Feature> out = new ArrayList<>();
        s.read(s.layers().get(0).name(), null, fields, out::add, p -> { });
        return out;
    }

    private static void setLanguageDriver(Path dbf, int ldid) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dbf.toFile(), "rw")) {
            f.seek(29);
            f.write(ldid);
        }
    }

    private static void setRecordCount(Path dbf, int n) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dbf.toFile(), "rw")) {
            f.seek(4);
            f.write(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        }
    }
}
