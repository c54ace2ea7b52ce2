package cn.basinguard.core.gpkg;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A GeoPackage opened strictly read-only. The file is opened through SQLite with {@code mode=ro} and
 * {@code immutable=1}: SQLite takes no locks and writes no journal, WAL or shared-memory file, so the file's bytes
 * and modification time never change and it reads from read-only media. A file in WAL mode with a non-empty -wal
 * beside it cannot be read that way without ignoring the WAL; it is copied (with its WAL) to a private temporary
 * folder and read from there, so the original is still untouched.
 */
public final class GeoPackageSource implements cn.basinguard.core.source.DataSource {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final String uri;
    private final Connection connection;
    /**
     * Connections for reading features, one per thread reading at a time: the checks read several areas of a layer at
     * once, and one SQLite connection serves one statement at a time. The catalog keeps {@link #connection}.
     */
    private final java.util.concurrent.ConcurrentLinkedDeque<Connection> readers = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Path privateCopy;
    private final Map<Integer, SrsInfo> srs = new LinkedHashMap<>();
    private List<LayerInfo> layers;
    private boolean counted;

    private final cn.basinguard.core.source.SourceOptions options;

    private GeoPackageSource(Path path, String uri, Connection connection, Path privateCopy,
                             cn.basinguard.core.source.SourceOptions options) {
        this.options = options;
        this.path = path;
        this.uri = uri;
        this.connection = connection;
        this.privateCopy = privateCopy;
    }

    public static GeoPackageSource open(Path file) {
        return open(file, cn.basinguard.core.source.SourceOptions.DEFAULT);
    }

    /** Opens a GeoPackage; the options' datum parameters apply to its layers in Xi'an 1980 or Beijing 1954. */
    public static GeoPackageSource open(Path file, cn.basinguard.core.source.SourceOptions options) {
        Path path = file.toAbsolutePath().normalize();
        checkFile(path);
        Path copy = null;
        Path target = path;
        try {
            Path wal = Path.of(path + "-wal");
            if (Files.isRegularFile(wal) && Files.size(wal) > 0) {
                copy = Files.createTempDirectory("basinguard-wal");
                target = copy.resolve("copy.gpkg");
                Files.copy(path, target);
                Files.copy(wal, Path.of(target + "-wal"));
            }
        } catch (IOException e) {
            throw new GisException(e, "gpkg.unreadable", path, e.getMessage());
        }
        Connection c = null;
        try {
            String uri = "jdbc:sqlite:file:" + target.toUri().getRawPath() + (copy == null ? "?mode=ro&immutable=1" : "?mode=ro");
            c = connect(uri);
            GeoPackageSource source = new GeoPackageSource(path, uri, c, copy, options);
            source.checkIsGeoPackage();
            return source;
        } catch (SQLException e) {
            closeQuietly(c);
            deleteQuietly(copy);
            throw SqliteErrors.translate(e, path, null);
        } catch (GisException e) {
            closeQuietly(c);
            deleteQuietly(copy);
            throw e;
        }
    }

    private static Connection connect(String uri) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return DriverManager.getConnection(uri, config.toProperties());
    }

    public Path path() {
        return path;
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public String label() {
        return path.getFileName().toString();
    }

    @Override
    public String format() {
        return formatVersion();
    }

    @Override
    public List<Path> files() {
        return List.of(path);
    }

    /** For an offline pack: that it holds only one area's features, so a check of anything wider is incomplete. */
    @Override
    public List<String> warnings() {
        String pack = packDocument();
        if (pack == null) {
            return List.of();
        }
        return List.of(cn.basinguard.core.i18n.Messages.get("pack.isPack", path.getFileName(),
                Optional.ofNullable(PackMetadata.field(pack, "area_text")).orElse("?"),
                Optional.ofNullable(PackMetadata.field(pack, "created")).orElse("?")));
    }

    /** The offline pack's own JSON document (see {@link PackMetadata}), or null when the file is not a pack. */
    public String packDocument() {
        try {
            return PackMetadata.packDocument(connection);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, "gpkg_metadata");
        }
    }

    /** The rows of a QGIS-style layer_styles table, if the file has one. */
    @Override
    public List<Style> styles() {
        List<Style> out = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet t = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_styles'")) {
                if (!t.next()) {
                    return out;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault,"
                    + " description FROM layer_styles")) {
                while (rs.next()) {
                    out.add(new Style(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6) != 0, rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, "layer_styles");
        }
        return out;
    }

    /** The roles an offline pack recorded for its layers. */
    @Override
    public Map<String, String> recordedRoles() {
        try {
            return PackMetadata.roles(connection);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, "gpkg_metadata");
        }
    }

    private static void checkFile(Path path) {
        if (!Files.exists(path)) {
            throw new GisException("gpkg.notFound", path);
        }
        if (Files.isDirectory(path)) {
            throw new GisException("gpkg.isDirectory", path);
        }
        if (!Files.isReadable(path)) {
            throw new GisException("gpkg.unreadable", path, "permission denied");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(SQLITE_MAGIC.length);
            if (head.length == 0) {
                throw new GisException("gpkg.empty", path);
            }
            if (!Arrays.equals(head, SQLITE_MAGIC)) {
                throw new GisException("gpkg.notSqlite", path);
            }
        } catch (IOException e) {
            throw new GisException(e, "gpkg.unreadable", path, e.getMessage());
        }
    }

    private void checkIsGeoPackage() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name IN ('gpkg_contents','gpkg_spatial_ref_sys')")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (tables.size() < 2) {
            throw new GisException("gpkg.notGeoPackage", path);
        }
    }

    /** The layers gpkg_contents lists, in its order, tiles and other kinds included (marked unsupported). */
    @Override
    public synchronized List<LayerInfo> layers() {
        if (layers == null) {
            try {
                layers = new LayerCatalog(connection, this::srs, false).read();
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, path, null);
            }
        }
        return layers;
    }

    /**
     * Counts the rows of the layers whose count {@link #layers()} took from the spatial index (which leaves out rows
     * without geometry, and may be out of step in a damaged file), for what shows or verifies the counts.
     */
    @Override
    public synchronized void countRows() {
        if (!counted) {
            try {
                layers = new LayerCatalog(connection, this::srs, true).read();
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, path, null);
            }
            counted = true;
        }
    }

    @Override
    public LayerInfo layer(String name) {
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
        throw new GisException("gpkg.noSuchLayer", name, path.getFileName(),
                String.join("、", layers().stream().map(LayerInfo::name).toList()));
    }

    /** The SRS of a given srs_id, resolved to a CRS where the program knows it. */
    public synchronized SrsInfo srs(int srsId) {
        return srs.computeIfAbsent(srsId, id -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT srs_name, organization, organization_coordsys_id, definition, description FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new SrsInfo(id, null, null, 0, null, null, id == -1 || id == 0, null);
                    }
                    String org = rs.getString(2);
                    int orgId = rs.getInt(3);
                    String def = rs.getString(4);
                    boolean undefined = id == -1 || id == 0;
                    return new SrsInfo(id, rs.getString(1), org, orgId, def, rs.getString(5), undefined,
                            undefined ? null : options.withShift(resolve(org, orgId, def)));
                }
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, path, null);
            }
        });
    }

    private static Crs resolve(String org, int orgId, String definition) {
        if (org != null && org.equalsIgnoreCase("EPSG") && CrsRegistry.isKnown(orgId)) {
            return CrsRegistry.fromEpsg(orgId);
        }
        Optional<Crs> byWkt = definition == null ? Optional.empty() : CrsRegistry.fromWkt(definition);
        return byWkt.orElse(null);
    }

    /** The tile pyramid of a tiles layer, drawn as imagery; it reads tiles over connections of its own. */
    @Override
    public synchronized cn.basinguard.core.raster.RasterSource raster(String layer) {
        LayerInfo info = layer(layer);
        if (!info.isRaster()) {
            throw new GisException("gpkg.unsupportedLayer", info.name(), info.dataType());
        }
        if (info.srs() == null || info.srs().crs() == null) {
            throw new GisException("raster.unknownCrs", info.name(), info.srs() == null ? "—" : String.valueOf(info.srs().name()));
        }
        try {
            return cn.basinguard.core.raster.GpkgTileSource.open(connection, info.name(), path.getFileName().toString(), info.srs().crs(),
                    () -> connect(uri));
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, info.name());
        }
    }

    /** Reads every feature of a layer in key order. Bad features go to {@code problems}; the rest load. */
    public void read(String layer, FeatureSink sink, Consumer<ReadProblem> problems) {
        read(layer, null, sink, problems);
    }

    /** Reads the features whose envelope meets {@code bbox} (all when null), using the R-tree when there is one. */
    public void read(String layer, Envelope bbox, FeatureSink sink, Consumer<ReadProblem> problems) {
        read(layer, bbox, null, sink, problems);
    }

    /**
     * As {@link #read(String, Envelope, FeatureSink, Consumer)}, with only the named attribute columns (null: all);
     * a map or a label needs the geometry and one field, and text columns cost more to read than geometries.
     */
    @Override
    public void read(String layer, Envelope bbox, List<String> fieldNames, FeatureSink sink, Consumer<ReadProblem> problems) {
        LayerInfo info = layer(layer);
        List<LayerInfo.FieldInfo> fields = fields(info, fieldNames);
        if (!info.isSupported()) {
            throw new GisException("gpkg.unsupportedLayer", info.name(), info.dataType());
        }
        Connection c = null;
        try {
            c = borrow();
            if (bbox == null && ParallelLayerRead.worthIt(info)) {
                ParallelLayerRead.read(c, () -> connect(uri), info, fields, sink, problems);
                return;
            }
            new FeatureCursor(c, info, fields, Geometries.FACTORY).read(bbox, sink, problems);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, info.name());
        } finally {
            release(c);
        }
    }

    /** The features meeting any of the boxes, each once, in key order: one statement over the R-tree for all of them. */
    @Override
    public void readMeeting(String layer, List<Envelope> boxes, org.locationtech.jts.geom.Geometry outline, List<String> fieldNames,
                            FeatureSink sink, Consumer<ReadProblem> problems) {
        LayerInfo info = layer(layer);
        if (!info.isSupported()) {
            throw new GisException("gpkg.unsupportedLayer", info.name(), info.dataType());
        }
        readBoxes(info, fields(info, fieldNames), null, boxes, sink, problems);
    }

    /**
     * The rows {@code filter} keeps, tested in the statement (see {@link FeatureCursor#where}): the others are neither
     * decoded nor made attribute maps. All boxes in one statement over the R-tree, each row once.
     */
    @Override
    public void readMeeting(String layer, List<Envelope> boxes, org.locationtech.jts.geom.Geometry outline, List<String> fieldNames,
                            cn.basinguard.core.source.RowFilter filter, FeatureSink sink, Consumer<ReadProblem> problems) {
        LayerInfo info = layer(layer);
        if (!info.isSupported()) {
            throw new GisException("gpkg.unsupportedLayer", info.name(), info.dataType());
        }
        List<LayerInfo.FieldInfo> fields = fields(info, fieldNames);
        if (fields.stream().noneMatch(f -> f.name().equals(filter.field()))) {
            cn.basinguard.core.source.DataSource.super.readMeeting(layer, boxes, outline, fieldNames, filter, sink, problems);
            return;
        }
        readBoxes(info, fields, filter, boxes, sink, problems);
    }

    /** The rows meeting any of the boxes (and kept by {@code filter}, when not null), over a pooled connection. */
    private void readBoxes(LayerInfo info, List<LayerInfo.FieldInfo> fields, cn.basinguard.core.source.RowFilter filter,
                           List<Envelope> boxes, FeatureSink sink, Consumer<ReadProblem> problems) {
        Connection c = null;
        try {
            c = borrow();
            FeatureCursor cursor = new FeatureCursor(c, info, fields, Geometries.FACTORY);
            (filter == null ? cursor : cursor.where(filter)).read(boxes, sink, problems);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, info.name());
        } finally {
            release(c);
        }
    }

    private static List<LayerInfo.FieldInfo> fields(LayerInfo info, List<String> fieldNames) {
        return fieldNames == null ? info.fields() : info.fields().stream().filter(f -> fieldNames.contains(f.name())).toList();
    }

    /** Layers with an R-tree are read by area through it; others by a scan that tests each envelope. */
    @Override
    public boolean indexed(String layer) {
        LayerInfo info = layer(layer);
        return info.hasSpatialIndex() && info.primaryKey() != null;
    }

    /** The features the R-tree does not hold (NULL or empty geometries), without decoding the others. */
    @Override
    public void readWithoutPosition(String layer, List<String> fieldNames, FeatureSink sink, Consumer<ReadProblem> problems) {
        LayerInfo info = layer(layer);
        if (!indexed(layer)) {
            cn.basinguard.core.source.DataSource.super.readWithoutPosition(layer, fieldNames, sink, problems);
            return;
        }
        List<LayerInfo.FieldInfo> fields = fieldNames == null ? info.fields()
                : info.fields().stream().filter(f -> fieldNames.contains(f.name())).toList();
        Connection c = null;
        try {
            c = borrow();
            new FeatureCursor(c, info, fields, Geometries.FACTORY).readUnindexed(sink, problems);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, info.name());
        } finally {
            release(c);
        }
    }

    private Connection borrow() throws SQLException {
        Connection c = readers.pollFirst();
        if (c == null) {
            c = connect(uri);
            opened.add(c);
        }
        return c;
    }

    private void release(Connection c) {
        if (c != null) {
            readers.addFirst(c);
        }
    }

    /** The feature with key {@code fid}, or null; for identifying what the user clicked. */
    @Override
    public Feature feature(String layer, long fid) {
        LayerInfo info = layer(layer);
        List<Feature> found = new ArrayList<>(1);
        Connection c = null;
        try {
            c = borrow();
            new FeatureCursor(c, info, info.fields(), Geometries.FACTORY).read(null, fid, fid + 1, found::add, p -> { });
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, info.name());
        } finally {
            release(c);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The features with these keys and no geometry, in key order: a few statements of many keys each. */
    @Override
    public void features(String layer, long[] fids, List<String> fieldNames, FeatureSink sink) {
        LayerInfo info = layer(layer);
        Connection c = null;
        try {
            c = borrow();
            new FeatureCursor(c, info, fields(info, fieldNames), Geometries.FACTORY).readKeys(fids, sink, p -> { });
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, info.name());
        } finally {
            release(c);
        }
    }

    public List<Feature> readAll(String layer, Consumer<ReadProblem> problems) {
        List<Feature> out = new ArrayList<>();
        read(layer, out::add, problems);
        return out;
    }

    /** The file-level notes of gpkg_metadata (scope 'geopackage' or referenced as such), in id order. */
    @Override
    public List<String> metadata() {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet t = s.executeQuery("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_metadata'")) {
                if (!t.next()) {
                    return out;
                }
            }
            // notes for people; an offline pack's JSON documents are for the program
            try (ResultSet rs = s.executeQuery("SELECT metadata FROM gpkg_metadata WHERE mime_type IS NULL OR mime_type <> '"
                    + PackMetadata.JSON + "' ORDER BY id")) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        out.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, "gpkg_metadata");
        }
        return out;
    }

    /** Whether the file's metadata says it is demonstration data (示意数据), as the Zengdu sample does. */
    @Override
    public boolean saysDemonstration() {
        return metadata().stream().anyMatch(m -> m.contains("示意数据") || m.toLowerCase(java.util.Locale.ROOT).contains("demonstration data"));
    }

    /** application_id and user_version as written by the producer ("GPKG" / 10300 for GeoPackage 1.3). */
    public String formatVersion() {
        try (Statement s = connection.createStatement()) {
            int app;
            int user;
            try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                app = rs.next() ? rs.getInt(1) : 0;
            }
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                user = rs.next() ? rs.getInt(1) : 0;
            }
            String appText = new String(new byte[] {(byte) (app >>> 24), (byte) (app >>> 16), (byte) (app >>> 8), (byte) app},
                    StandardCharsets.US_ASCII);
            if (appText.equals("GPKG") && user > 0) {
                return "GeoPackage " + user / 10000 + "." + user / 100 % 100;
            }
            return appText.equals("GP10") ? "GeoPackage 1.0" : appText.equals("GP11") ? "GeoPackage 1.1" : "GeoPackage";
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, path, null);
        }
    }

    @Override
    public void close() {
        synchronized (opened) {
            opened.forEach(GeoPackageSource::closeQuietly);
        }
        closeQuietly(connection);
        deleteQuietly(privateCopy);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a read-only connection loses nothing
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a private temporary copy; the OS cleans its temp folder
        }
    }
}
