package cn.basinguard.core.raster;

import cn.basinguard.core.crs.Crs;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * An image on the ground read by area and level, never whole: a GeoPackage tile pyramid or a GeoTIFF with its
 * overviews. Blocks come back as ARGB ints (not premultiplied, 0 where there is no image); a block that is missing or
 * cannot be decoded comes back null and the reason, said once per kind of fault, joins {@link #problems()}.
 * Implementations are safe for concurrent use: the map paints a frame in bands on several threads.
 */
public interface RasterSource extends AutoCloseable {

    /** The layer's name as the source gives it (table name, file name). */
    String name();

    /** The CRS the pixels are laid out in. */
    Crs crs();

    /** The resolutions, finest first. */
    List<RasterLevel> levels();

    /** The area covered, in {@link #crs()}. */
    Envelope extent();

    /** Block ({@code column}, {@code row}) of level {@code level}, {@code blockWidth × blockHeight} ARGB ints, or null. */
    int[] block(int level, int column, int row);

    /** What could not be read, in the user's language, each said once; grows as reading meets faults. */
    List<String> problems();

    @Override
    void close();
}
