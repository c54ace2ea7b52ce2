package cn.basinguard.core.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The seed inputs of each fuzz target, taken from the test resources (the importer samples) and from the shared
 * corpus of files written by other tools (GDAL, NGA, the OGC suite, pyogrio): the GeoPackages themselves, their
 * geometry blobs and CRS definitions, the Shapefiles as .shp+.dbf pairs. The shared corpus is optional: without it
 * the seeds are the test resources alone.
 */
final class FuzzSeeds {
    /** Whole GeoPackages larger than this make slow seeds (each run copies the file); the small ones cover the layouts. */
    private static final long MAX_GPKG_SEED = 160_000;
    private static final int BLOBS_PER_LAYER = 20;
    private static final int MAX_BLOB = 4096;

    private final Path resources;
    private final Path corpus;

    /** @param resources gis-core's src/test/resources; @param corpus the shared corpus folder (may be absent) */
    FuzzSeeds(Path resources, Path corpus) {
        this.resources = resources;
        this.corpus = corpus;
    }

    /** The seeds of {@code target} as byte arrays, each with a name for messages. */
    List<Seed> of(FuzzTarget target) throws IOException {
        List<Seed> out = new ArrayList<>();
        Path importer = resources.resolve("importer");
        switch (target) {
            case GEOMETRY_BLOB -> {
                for (Path gpkg : files(corpus, ".gpkg")) {
                    blobs(gpkg, out);
                }
            }
            case GPKG_FILE -> {
                for (Path gpkg : files(corpus, ".gpkg")) {
                    if (Files.size(gpkg) <= MAX_GPKG_SEED) {
                        out.add(compacted(gpkg));
                    }
                }
            }
            case WKT -> {
                for (Path prj : concat(files(importer, ".prj"), files(corpus, ".prj"))) {
                    out.add(Seed.of(prj));
                }
                for (Path gpkg : files(corpus, ".gpkg")) {
                    definitions(gpkg, out);
                }
            }
            case TXT -> files(importer, ".txt").forEach(p -> out.add(Seed.of(p)));
            case GEOJSON -> files(importer, ".geojson").forEach(p -> out.add(Seed.of(p)));
            case KML -> files(importer, ".kml").forEach(p -> out.add(Seed.of(p)));
            case PASTED -> files(importer, ".txt").forEach(p -> out.add(Seed.of(p)));
            case SHAPEFILE -> {
                for (Path shp : concat(files(importer, ".shp"), files(corpus, ".shp"))) {
                    Path dbf = shp.resolveSibling(shp.getFileName().toString().replaceAll("\\.shp$", ".dbf"));
                    byte[] d = Files.isRegularFile(dbf) ? Files.readAllBytes(dbf) : new byte[0];
                    out.add(new Seed(shp.getFileName().toString(), shapefileInput(Files.readAllBytes(shp), d)));
                }
            }
            case GPKG_CATALOG -> {
                // its input is read by a FuzzedDataProvider: no file is a meaningful seed
            }
        }
        return out;
    }

    /**
     * The GeoPackage rewritten with 512-byte pages (SQLite's smallest) by VACUUM: the same tables in a quarter of the
     * bytes, so mutations hit the catalog and the blobs rather than empty page space. A file SQLite cannot rewrite
     * (the corrupt one) is taken as it is.
     */
    private static Seed compacted(Path gpkg) throws IOException {
        Path copy = Files.createTempFile("seed", ".gpkg");
        try {
            Files.copy(gpkg, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = DELETE");
                s.execute("PRAGMA page_size = 512");
                s.execute("VACUUM");
            } catch (SQLException e) {
                return Seed.of(gpkg);
            }
            return new Seed(gpkg.getFileName().toString(), Files.readAllBytes(copy));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** The input format of ImporterFuzzTest.shapefile: a 4-byte big-endian length of the .shp, the .shp, the .dbf. */
    static byte[] shapefileInput(byte[] shp, byte[] dbf) {
        return ByteBuffer.allocate(4 + shp.length + dbf.length).putInt(shp.length).put(shp).put(dbf).array();
    }

    /** Writes the seeds into {@code dir}, named by content hash as libFuzzer names its corpus files. */
    int write(FuzzTarget target, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Seed> seeds = of(target);
        for (Seed s : seeds) {
            Files.write(dir.resolve(sha1(s.bytes())), s.bytes());
        }
        return seeds.size();
    }

    record Seed(String name, byte[] bytes) {
        static Seed of(Path p) {
            try {
                return new Seed(p.getFileName().toString(), Files.readAllBytes(p));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<Path> files(Path dir, String ext) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext))
                .sorted().toList();
        }
    }

    /** Up to 20 geometry blobs of each feature layer of a GeoPackage (a corrupt file gives none). */
    private static void blobs(Path gpkg, List<Seed> out) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + gpkg.toUri().getRawPath() + "?mode=ro&immutable=1");
             Statement s = c.createStatement()) {
            List<String[]> layers = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM gpkg_geometry_columns")) {
                while (rs.next()) {
                    layers.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] l : layers) {
                String sql = "SELECT \"" + l[1].replace("\"", "\"\"") + "\" FROM \"" + l[0].replace("\"", "\"\"") + "\" LIMIT " + BLOBS_PER_LAYER;
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        byte[] b = rs.getBytes(1);
                        if (b != null && b.length <= MAX_BLOB) {
                            out.add(new Seed(gpkg.getFileName() + "/" + l[0], b));
                        }
                    }
                } catch (SQLException e) {
                    // a view or table that cannot be read here is no seed
                }
            }
        } catch (SQLException e) {
            // not a GeoPackage (the corpus holds a corrupt file and an empty one on purpose)
        }
    }

    /** The CRS definitions of gpkg_spatial_ref_sys, as WKT seeds. */
    private static void definitions(Path gpkg, List<Seed> out) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + gpkg.toUri().getRawPath() + "?mode=ro&immutable=1");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT definition FROM gpkg_spatial_ref_sys")) {
            while (rs.next()) {
                String d = rs.getString(1);
                if (d != null && !d.isBlank()) {
                    out.add(new Seed(gpkg.getFileName() + "/srs", d.getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (SQLException e) {
            // not a GeoPackage
        }
    }

    static String sha1(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
