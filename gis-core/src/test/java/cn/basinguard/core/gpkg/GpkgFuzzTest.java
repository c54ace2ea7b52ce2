package cn.basinguard.core.gpkg;

import cn.basinguard.core.GisException;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Fuzz targets of GeoPackage reading: the geometry blob decoder on raw bytes, the catalog (gpkg_contents,
 * gpkg_geometry_columns, gpkg_spatial_ref_sys) with fuzzed values written into a real small GeoPackage, and whole
 * files. A blob may be refused with a {@link BlobException}, a file with a {@link GisException}; any other Throwable,
 * or a decoded geometry with coordinates no CRS can have, is a finding. Inputs under {@code GpkgFuzzTestInputs/}.
 */
class GpkgFuzzTest {
    private static final GeometryBlobDecoder DECODER = new GeometryBlobDecoder(Geometries.FACTORY);
    private static byte[] template;

    @FuzzTest(maxDuration = "10m")
    void geometryBlob(byte[] blob) {
        Geometry g;
        try {
            g = DECODER.decode(blob);
        } catch (BlobException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a refusal without a message", e);
            }
            return;
        }
        for (Coordinate c : g.getCoordinates()) {
            boolean emptyPoint = g.getNumPoints() == 1 && Double.isNaN(c.x) && Double.isNaN(c.y);
            if (!emptyPoint && !(Math.abs(c.x) <= WkbCheck.MAX_ABS_COORDINATE && Math.abs(c.y) <= WkbCheck.MAX_ABS_COORDINATE)) {
                throw new AssertionError("decoded coordinate " + c);
            }
        }
    }

    /** A small real GeoPackage whose catalog rows and one geometry take values the fuzzer chooses. */
    @FuzzTest(maxDuration = "10m")
    void catalog(FuzzedDataProvider data) throws Exception {
        Path file = Files.createTempFile("fuzz-catalog", ".gpkg");
        try {
            Files.write(file, template());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                // one transaction without syncing: thousands of runs a minute, not a few
                try (var st = c.createStatement()) {
                    st.execute("PRAGMA synchronous = OFF");
                    st.execute("PRAGMA journal_mode = MEMORY");
                }
                c.setAutoCommit(false);
                set(c, "UPDATE gpkg_contents SET srs_id = ?", value(data));
                set(c, "UPDATE gpkg_contents SET data_type = ?", data.pickValue(new Object[] {"features", "attributes", "tiles",
                    "2d-gridded-coverage", data.consumeString(12), null}));
                set(c, "UPDATE gpkg_contents SET min_x = ?", value(data));
                set(c, "UPDATE gpkg_contents SET max_y = ?", value(data));
                set(c, "UPDATE gpkg_geometry_columns SET srs_id = ?", value(data));
                set(c, "UPDATE gpkg_geometry_columns SET geometry_type_name = ?", value(data));
                set(c, "UPDATE gpkg_geometry_columns SET z = ?", value(data));
                set(c, "UPDATE gpkg_spatial_ref_sys SET organization_coordsys_id = ? WHERE srs_id = 4547", value(data));
                set(c, "UPDATE gpkg_spatial_ref_sys SET organization = ? WHERE srs_id = 4547", value(data));
                set(c, "UPDATE gpkg_spatial_ref_sys SET definition = ? WHERE srs_id = 4547", data.consumeString(300));
                set(c, "UPDATE patches SET geom = ? WHERE fid = 2", data.consumeBytes(400));
                set(c, "INSERT INTO gpkg_contents (table_name, data_type, srs_id) VALUES (?, 'features', 4547)", data.consumeString(20));
                c.commit();
            }
            readAll(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Any bytes as a .gpkg file (seeds: small GeoPackages written by GDAL and by this program). */
    @FuzzTest(maxDuration = "10m")
    void wholeFile(byte[] data) throws IOException {
        Path file = Files.createTempFile("fuzz-whole", ".gpkg");
        try {
            Files.write(file, data);
            readAll(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Lists and reads every layer; refusing the file with the program's message is allowed, nothing else. */
    static void readAll(Path file) {
        try (GeoPackageSource src = GeoPackageSource.open(file)) {
            src.formatVersion();
            src.metadata();
            for (LayerInfo l : src.layers()) {
                if (l.isSupported()) {
                    List<ReadProblem> problems = new ArrayList<>();
                    src.readAll(l.name(), problems::add);
                    problems.forEach(p -> {
                        if (p.reason() == null || p.reason().isBlank()) {
                            throw new AssertionError("a problem without a reason: " + p);
                        }
                    });
                }
            }
        } catch (GisException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a refusal without a message", e);
            }
        }
    }

    private static Object value(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 5)) {
            case 0 -> data.consumeInt();
            case 1 -> data.consumeLong();
            case 2 -> data.consumeRegularDouble();
            case 3 -> data.consumeString(16);
            case 4 -> data.consumeBytes(16);
            default -> null;
        };
    }

    private static void set(Connection c, String sql, Object value) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            // a constraint of the schema refused the value: the file keeps the old one
        }
    }

    private static synchronized byte[] template() {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("fuzz-template");
                Path p = TestGpkg.squares(dir.resolve("t.gpkg"), "patches", 3);
                TestGpkg.dropTriggers(p);
                // SQLite's smallest pages: the file each run copies shrinks to a fraction
                TestGpkg.sql(p, "PRAGMA page_size = 512");
                TestGpkg.sql(p, "VACUUM");
                template = Files.readAllBytes(p);
                Files.delete(p);
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return template;
    }
}
