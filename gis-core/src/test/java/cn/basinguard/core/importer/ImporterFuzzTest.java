package cn.basinguard.core.importer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fuzz targets of the project-site readers. {@code mvn verify} replays the inputs under
 * {@code ImporterFuzzTestInputs/<method>/} (seeds and every finding so far); {@code mvn -Pfuzz verify} fuzzes each
 * target for {@code fuzz.seconds} (see README, "Fuzzing"). Whatever the bytes, a reader returns the sites it could
 * read and its problems: any Throwable (even the program's GisException, which would refuse the whole file), or a
 * result that breaks {@link SiteInvariants}, is a finding.
 */
class ImporterFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void txt(byte[] data) {
        SiteInvariants.check(new CoordinateTxtReader().read(null, data));
    }

    @FuzzTest(maxDuration = "10m")
    void geojson(byte[] data) {
        SiteInvariants.check(new GeoJsonReader().read(data, null));
    }

    @FuzzTest(maxDuration = "10m")
    void kml(byte[] data) throws IOException {
        SiteInvariants.check(new KmlReader().read(new ByteArrayInputStream(data), null));
    }

    @FuzzTest(maxDuration = "10m")
    void pasted(byte[] data) {
        SiteInvariants.check(PastedCoordinates.parse(new String(data, StandardCharsets.UTF_8), "fuzz"));
    }

    /** The input is a .shp and a .dbf: a 4-byte big-endian length of the .shp, the .shp, then the .dbf. */
    @FuzzTest(maxDuration = "10m")
    void shapefile(byte[] data) {
        SiteInvariants.check(readShapefile(data));
    }

    /** Splits the input as FuzzSeeds.shapefileInput joins a .shp and a .dbf. */
    static ImportedSites readShapefile(byte[] data) {
        int n = data.length < 4 ? 0 : Math.max(0, Math.min(ByteBuffer.wrap(data).getInt(), data.length - 4));
        byte[] shp = Arrays.copyOfRange(data, Math.min(4, data.length), Math.min(4, data.length) + n);
        byte[] dbf = Arrays.copyOfRange(data, Math.min(4, data.length) + n, data.length);
        List<ImportProblem> problems = new ArrayList<>();
        List<Map<String, Object>> rows = ShapefileReader.attributes(dbf, null, problems);
        return new ShapefileReader().read(null, shp, null, rows, problems);
    }
}
