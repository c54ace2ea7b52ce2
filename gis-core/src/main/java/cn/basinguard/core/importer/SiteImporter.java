package cn.basinguard.core.importer;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads project sites from any supported file, chosen by its extension. */
public final class SiteImporter {
    /** The largest site file read: 256 MB, some 100 times the biggest delivery seen. */
    static final long MAX_BYTES = 256L << 20;

    private SiteImporter() {
    }

    /**
     * @throws GisException {@code import.unsupported} for an unknown extension, {@code import.unreadable} when the
     *     file cannot be opened; problems inside a readable file come back in {@link ImportedSites#problems()}
     */
    public static ImportedSites read(Path file) {
        return read(file, null);
    }

    /**
     * As {@link #read(Path)}, with the coordinates of a GeoJSON or Shapefile taken (and checked) as in {@code assumed}
     * instead of the CRS the file says; null keeps the file's. KML is lon/lat by definition; a TXT says its own grid.
     */
    public static ImportedSites read(Path file, Crs assumed) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new GisException("import.unreadable", file, Messages.notFound());
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                // site files hold a few hundred parcels; a file this big is not one and would be read whole into memory
                throw new GisException("import.tooLarge", file.getFileName(), Files.size(file) >> 20, MAX_BYTES >> 20);
            }
            if (name.endsWith(".txt")) {
                return new CoordinateTxtReader().read(file);
            }
            if (name.endsWith(".geojson") || name.endsWith(".json")) {
                return new GeoJsonReader(assumed).read(file);
            }
            if (name.endsWith(".kml")) {
                return new KmlReader().read(file);
            }
            if (name.endsWith(".shp")) {
                return new ShapefileReader(assumed).read(file);
            }
        } catch (NoSuchFileException e) {
            throw new GisException(e, "import.unreadable", file, Messages.notFound());
        } catch (IOException e) {
            throw new GisException(e, "import.unreadable", file, e.getMessage());
        }
        throw new GisException("import.unsupported", file.getFileName());
    }

    private static final class Messages {
        static String notFound() {
            return cn.basinguard.core.i18n.Messages.get("import.notFound");
        }
    }
}
