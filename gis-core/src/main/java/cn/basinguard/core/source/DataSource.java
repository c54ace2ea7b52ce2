package cn.basinguard.core.source;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * Where layers come from: one GeoPackage, one Shapefile, one database schema. The check engine, the map, print and
 * export read every layer through this interface, so a check may take its units from a GeoPackage and its land
 * use from a bureau's Shapefile folder. Reading is streaming and by area: a caller that needs one township asks for
 * its box and gets only the features that meet it, without the source holding the rest in memory.
 * Implementations open their files read-only and are safe for one thread at a time unless they say otherwise.
 */
public interface DataSource extends AutoCloseable {

    /** Where the source is, as the user named it: a file path or a database address without password. */
    String location();

    /** The short name lists and labels show: the file name, or database and schema. */
    String label();

    /** The format as a planner would name it: "GeoPackage 1.3", "ESRI Shapefile". */
    String format();

    /** The layers, in the source's own order; layers of kinds the program cannot read are listed as unsupported. */
    List<LayerInfo> layers();

    /**
     * Puts exact row counts in the place of estimates in {@link #layers()}, for what shows the counts (the layer list,
     * {@code info}, a pack's verification): a database gives its planner's estimates at opening and a GeoPackage its
     * spatial indexes' row counts, and counting a county's tables takes time that a check, which needs only the
     * estimates to size its tiles, does not pay. A Shapefile knows its counts: nothing to do.
     */
    default void countRows() {
    }

    /**
     * What opening the source found wrong that does not stop it from being used (a missing .prj, a .dbf with fewer
     * records than the .shp), in the user's language, each naming the file.
     */
    List<String> warnings();

    /**
     * Reads the features of {@code layer} whose envelope meets {@code bbox} (all when null), in the source's order,
     * with only the named attribute columns (all when null). A feature that cannot be read goes to {@code problems}
     * and the rest still load.
     */
    void read(String layer, Envelope bbox, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems);

    /**
     * The features of {@code layer} whose envelope meets any of {@code boxes}, each once, leaving out what surely does
     * not meet {@code outline} (in the layer's CRS; null for none) as well: a source that can test geometries where
     * they are (a database) keeps the rest there. What it hands on is a superset of the features that meet the outline
     * — the caller still tests each one. By default a read by each box, a feature that two boxes meet handed on once.
     */
    default void readMeeting(String layer, List<Envelope> boxes, org.locationtech.jts.geom.Geometry outline, List<String> fields,
                             FeatureSink sink, Consumer<ReadProblem> problems) {
        if (boxes.size() == 1) {
            read(layer, boxes.get(0), fields, sink, problems);
            return;
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Envelope box : boxes) {
            read(layer, box, fields, f -> {
                if (seen.add(f.fid())) {
                    sink.accept(f);
                }
            }, problems);
        }
    }

    /**
     * Whether {@link #readMeeting} leaves out, where the data is, what does not meet the outline (a database tests
     * geometries in its query): then a caller gains nothing by cutting its boxes finer along the outline, and the longer
     * query costs the server (a unit's check from PostGIS with a box cut into 16 cells: 6.9 → 7.9–9.1 s).
     */
    default boolean keepsOutline() {
        return false;
    }

    /**
     * Whether a row with a position can be missing from the layer's spatial index. A GeoPackage's R-tree is kept by
     * triggers that a tool writing the table may not have run, so a check looks for such rows (and refuses the data);
     * a database keeps its index in the transaction that writes the rows, so a unit's check need not scan its table.
     */
    default boolean indexMayMissRows() {
        return true;
    }

    /**
     * As {@link #readMeeting(String, List, org.locationtech.jts.geom.Geometry, List, FeatureSink, Consumer)}, only the
     * rows {@code filter} keeps ({@code field} among {@code fields}). A source that can ask for them in its query (a
     * GeoPackage, a database) leaves the others undecoded; by default every row is read and tested.
     */
    default void readMeeting(String layer, List<Envelope> boxes, org.locationtech.jts.geom.Geometry outline, List<String> fields,
                             RowFilter filter, FeatureSink sink, Consumer<ReadProblem> problems) {
        readMeeting(layer, boxes, outline, fields, f -> {
            if (filter.test(f)) {
                sink.accept(f);
            }
        }, problems);
    }

    /**
     * Whether reads by area use an index (a GeoPackage R-tree, a Shapefile's record boxes, a GiST index) rather than a
     * scan of the whole layer, and give each feature the same key whichever read returns it: a caller that reads a
     * layer area by area reads one that is not so once instead (a database view without an id column is numbered by
     * each read).
     */
    default boolean indexed(String layer) {
        return layer(layer).hasSpatialIndex();
    }

    /**
     * Hands {@code sink} the features that have no position (NULL or empty geometry), which no read by area returns,
     * so that they can still be reported. By default a full read; sources with an index answer without one.
     */
    default void readWithoutPosition(String layer, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
        read(layer, null, fields, f -> {
            if (f.geometry() == null || f.geometry().isEmpty()) {
                sink.accept(f);
            }
        }, problems);
    }

    /**
     * The pixels of raster layer {@code layer} (a GeoPackage tile pyramid, a GeoTIFF), read by area and level. The
     * caller owns what this returns and closes it; it stays usable after the source is closed (a map keeps drawing it).
     *
     * @throws GisException {@code gpkg.unsupportedLayer} when the layer is not an image this program reads
     */
    default cn.basinguard.core.raster.RasterSource raster(String layer) {
        LayerInfo l = layer(layer);
        throw new GisException("gpkg.unsupportedLayer", l.name(), l.dataType());
    }

    /** The feature with this key, all attributes, or null; for identifying what the user clicked. */
    Feature feature(String layer, long fid);

    /**
     * The features with these keys, with the named attribute columns (all when null), in key order; keys without a
     * feature are left out. Their geometry may be left out (null): this is for the attributes of features a caller has.
     * By default one {@link #feature} each; a source that can ask for many at once does.
     */
    default void features(String layer, long[] fids, List<String> fields, FeatureSink sink) {
        for (long fid : java.util.Arrays.stream(fids).distinct().sorted().toArray()) {
            Feature f = feature(layer, fid);
            if (f != null) {
                if (fields != null) {
                    java.util.Map<String, Object> kept = new java.util.LinkedHashMap<>();
                    for (String name : fields) {
                        kept.put(name, f.attributes().get(name));
                    }
                    f = new Feature(f.fid(), f.geometry(), kept);
                }
                sink.accept(f);
            }
        }
    }

    /** The files whose bytes make up the source, for fingerprints: the .gpkg; the .shp with its .shx, .dbf, .prj, .cpg. */
    default List<java.nio.file.Path> files() {
        return List.of();
    }

    /**
     * For a source not made of files (a database): what it holds now, one digest per table, for fingerprints in place
     * of file hashes. Empty for files, whose bytes {@link #files()} gives.
     */
    default List<Content> contents() {
        return List.of();
    }

    /**
     * One part of a source's content for a fingerprint.
     *
     * @param name what it is, as a sheet lists it (never holding a password)
     * @param sha256 the hex SHA-256 of the content
     */
    record Content(String name, String sha256) {
    }

    /**
     * The roles the source itself records for its layers (layer name → role key such as {@code units} or
     * {@code targets}), which beat what the names say: an offline pack records the roles its layers played when it
     * was packed. Empty for ordinary data.
     */
    default java.util.Map<String, String> recordedRoles() {
        return java.util.Map.of();
    }

    /**
     * Map styles the source keeps for its layers, as QGIS keeps them (a {@code layer_styles} table beside the data in a
     * GeoPackage or a PostGIS database); empty when it keeps none. An offline pack carries them along.
     */
    default List<Style> styles() {
        return List.of();
    }

    /**
     * One stored style of a layer.
     *
     * @param table the layer it styles
     * @param qml QGIS's style document, may be null
     * @param sld the same as SLD, may be null
     */
    record Style(String table, String geometryColumn, String name, String qml, String sld, boolean useAsDefault, String description) {
    }

    /** What the source says of its data as a whole (a GeoPackage's metadata notes, a schema's comment), in its order. */
    default List<String> metadata() {
        return List.of();
    }

    /** Whether the source says it is demonstration data (示意数据), as the Zengdu sample does. */
    default boolean saysDemonstration() {
        return false;
    }

    /** The layer called {@code name} (exact, else ignoring case). */
    default LayerInfo layer(String name) {
        for (LayerInfo l : layers()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        for (LayerInfo l : layers()) {
            if (l.name().equalsIgnoreCase(name)) {
                return l;
            }
        }
        throw new GisException("gpkg.noSuchLayer", name, label(), String.join("、", layers().stream().map(LayerInfo::name).toList()));
    }

    @Override
    void close();
}
