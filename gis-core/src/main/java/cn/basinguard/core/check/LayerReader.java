package cn.basinguard.core.check;

import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * The features of a role layer, read where asked. A county's land-use and red-line layers are read this way, area
 * by area, so that the checks hold one area's features at a time rather than the whole file; small layers (units,
 * sites) are simply held in memory. Implementations may be read from several threads at once.
 */
public interface LayerReader {
    /**
     * Hands {@code sink} the features whose envelope meets {@code bbox} (in the layer's CRS; all features with a
     * position when null), in the layer's own order. Features without a position (NULL or empty geometry) are never
     * handed out here: see {@link #readWithoutPosition}.
     */
    void read(Envelope bbox, Consumer<SourceFeature> sink);

    /**
     * As {@link #read(Envelope, Consumer)} where any of {@code boxes} is met: a feature that several boxes meet is handed
     * on once. By default a read per box; a reader from a source that can ask for all at once does.
     */
    default void readAny(java.util.List<Envelope> boxes, Consumer<SourceFeature> sink) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Envelope box : boxes) {
            read(box, f -> {
                if (seen.add(f.fid())) {
                    sink.accept(f);
                }
            });
        }
    }

    /** Hands {@code sink} the features that have no position (NULL or empty geometries), for the data-quality report. */
    void readWithoutPosition(Consumer<SourceFeature> sink);

    /**
     * Hands {@code sink} the features with these fids with all their attributes (those without a feature are left out):
     * the checks read only the columns they need, and the site review asks for the rest of the patches sites occupy.
     */
    void features(long[] fids, Consumer<SourceFeature> sink);

    /** How many features the layer has (it may be an estimate: it sizes the tiles), or −1 when only a full read could tell. */
    long count();

    /** The extent of the layer in its CRS, or null when unknown or empty. */
    Envelope extent();
}
