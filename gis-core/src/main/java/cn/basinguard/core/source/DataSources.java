package cn.basinguard.core.source;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.source.pg.PgAddress;
import cn.basinguard.core.source.pg.PostGisSource;
import cn.basinguard.core.source.shp.DbfSource;
import cn.basinguard.core.source.shp.ShapefileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Opens what the user names — a GeoPackage, a Shapefile, a folder of them, or a PostGIS schema
 * ({@code postgresql://USER@HOST:PORT/DB?schema=NAME}) — as data sources. A folder gives one
 * source per .gpkg, per .shp and per .dbf without a .shp (an attribute table) in it (in name order; subfolders only when asked), which is how a district bureau
 * delivers its data: 三调 land use, basic farmland, red lines and unit boundaries as Shapefiles side by side. A file in
 * a folder that cannot be opened does not stop the others: it becomes a warning of the folder.
 */
public final class DataSources {
    private DataSources() {
    }

    /** What a name opened to: the sources, and what could not be opened in a folder (one line each, naming the file). */
    public record Opened(List<DataSource> sources, List<String> warnings) implements AutoCloseable {
        public Opened {
            sources = List.copyOf(sources);
            warnings = List.copyOf(warnings);
        }

        /** What could not be opened, then what each source said of itself, in order. */
        public List<String> allWarnings() {
            List<String> all = new ArrayList<>(warnings);
            sources.forEach(s -> all.addAll(s.warnings()));
            return all;
        }

        /** The digests of what the sources not made of files (databases) hold, for fingerprints. */
        public List<DataSource.Content> contents() {
            List<DataSource.Content> all = new ArrayList<>();
            sources.forEach(s -> all.addAll(s.contents()));
            return all;
        }

        /** Every file the sources are made of, for fingerprints. */
        public List<Path> files() {
            List<Path> all = new ArrayList<>();
            sources.forEach(s -> all.addAll(s.files()));
            return all;
        }

        @Override
        public void close() {
            sources.forEach(DataSource::close);
        }
    }

    /** Whether a name is a database address rather than a path. */
    public static boolean isDatabase(String name) {
        return PgAddress.isAddress(name);
    }

    /** Whether the path is something {@link #open} reads: a folder, a .gpkg or a .shp. */
    public static boolean isSource(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isDirectory(p) || n.endsWith(".gpkg") || n.endsWith(".shp") || isGeoTiff(n);
    }

    private static boolean isGeoTiff(String lowerName) {
        return lowerName.endsWith(".tif") || lowerName.endsWith(".tiff");
    }

    /**
     * Opens one name.
     *
     * @throws GisException when the name is a single file that cannot be opened, or a folder with nothing readable
     */
    public static Opened open(String name, SourceOptions options) {
        if (PgAddress.isAddress(name)) {
            return new Opened(List.of(PostGisSource.open(name, options)), List.of());
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new GisException("gpkg.notFound", name);
        }
        if (!Files.exists(path)) {
            throw new GisException("gpkg.notFound", path.toAbsolutePath().normalize());
        }
        if (Files.isDirectory(path)) {
            if (isFileGeodatabase(path)) {
                throw new GisException("source.fileGdb", path.toAbsolutePath().normalize());
            }
            return openFolder(path, options);
        }
        return new Opened(List.of(openFile(path, options)), List.of());
    }

    /**
     * Whether a folder is an ArcGIS file geodatabase (named .gdb, or holding its system table a00000001.gdbtable): the
     * form 三调 results are often delivered in, which this program does not read — said as such, with how to export it,
     * rather than as a folder without data.
     */
    static boolean isFileGeodatabase(Path folder) {
        String n = folder.getFileName() == null ? "" : folder.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".gdb") || Files.isRegularFile(folder.resolve("a00000001.gdbtable"));
    }

    private static boolean isPersonalGeodatabase(String lowerName) {
        return lowerName.endsWith(".mdb") || lowerName.endsWith(".accdb");
    }

    /** Opens several names; on failure the sources opened so far are closed. */
    public static Opened openAll(List<String> names, SourceOptions options) {
        List<DataSource> all = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            for (String n : names) {
                Opened o = open(n, options);
                all.addAll(o.sources());
                warnings.addAll(o.warnings());
            }
        } catch (RuntimeException e) {
            all.forEach(DataSource::close);
            throw e;
        }
        return new Opened(all, warnings);
    }

    /** A single file: a .shp is a Shapefile, a .tif a GeoTIFF, anything else must be a GeoPackage (which says so if it is not). */
    public static DataSource openFile(Path file, SourceOptions options) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".shp")) {
            return ShapefileSource.open(file, options);
        }
        if (isGeoTiff(n)) {
            return cn.basinguard.core.raster.GeoTiffSource.open(file);
        }
        if (isPersonalGeodatabase(n)) {
            throw new GisException("source.personalGdb", file.toAbsolutePath().normalize());
        }
        if (n.endsWith(".gdbtable") || n.endsWith(".gdbtablx")) {
            throw new GisException("source.fileGdb", file.toAbsolutePath().getParent().normalize());
        }
        if (n.endsWith(".dbf") || n.endsWith(".shx") || n.endsWith(".prj") || n.endsWith(".cpg")) {
            Path shp = siblingShp(file);
            if (shp != null) {
                return ShapefileSource.open(shp, options);
            }
            if (n.endsWith(".dbf")) {
                return DbfSource.open(file, options);
            }
        }
        return GeoPackageSource.open(file, options);
    }

    private static Path siblingShp(Path part) {
        String name = part.getFileName().toString();
        String stem = name.substring(0, name.length() - 4);
        for (String e : new String[] {".shp", ".SHP"}) {
            Path p = part.resolveSibling(stem + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** An ArcGIS geodatabase (a .gdb folder, an .mdb) directly in {@code folder}, or null. */
    private static Path geodatabaseIn(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isDirectory(p) ? isFileGeodatabase(p)
                    : isPersonalGeodatabase(p.getFileName().toString().toLowerCase(Locale.ROOT))).sorted().findFirst().orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    private static Opened openFolder(Path folder, SourceOptions options) {
        List<Path> files;
        try (Stream<Path> s = options.recursive() ? Files.walk(folder) : Files.list(folder)) {
            // a .dbf on its own is an attribute table (a control list exported beside the layers); beside a .shp it is its attributes
            files = s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".shp") || n.endsWith(".gpkg") || isGeoTiff(n) || n.endsWith(".dbf") && siblingShp(p) == null;
            }).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new GisException(e, "gpkg.unreadable", folder, e.getMessage());
        }
        List<DataSource> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path f : files) {
            try {
                sources.add(openFile(f, options));
            } catch (GisException e) {
                warnings.add(e.getMessage());
            }
        }
        if (sources.isEmpty()) {
            if (!warnings.isEmpty()) {
                throw new GisException("source.folderUnreadable", folder.toAbsolutePath().normalize(), warnings.get(0));
            }
            Path geodatabase = geodatabaseIn(folder);
            if (geodatabase != null) {
                throw new GisException("source.geodatabaseInFolder", folder.toAbsolutePath().normalize(), geodatabase.getFileName());
            }
            throw new GisException("source.emptyFolder", folder.toAbsolutePath().normalize());
        }
        return new Opened(sources, warnings);
    }
}
