package cn.basinguard.app.ui;

import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.source.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * The connected database lent to one reader (the map, a check, an export, a pack): everything is the database's, but
 * closing it leaves the connection open, so the window's readers can all close what {@link OpenedData#open()} gives
 * them, file or database, the same way. The connection is closed by the window when other data is opened or it goes.
 */
final class LentSource implements DataSource {
    private final DataSource connection;

    LentSource(DataSource connection) {
        this.connection = connection;
    }

    @Override
    public String location() {
        return connection.location();
    }

    @Override
    public String label() {
        return connection.label();
    }

    @Override
    public String format() {
        return connection.format();
    }

    @Override
    public List<LayerInfo> layers() {
        return connection.layers();
    }

    @Override
    public void countRows() {
        connection.countRows();
    }

    @Override
    public List<String> warnings() {
        return connection.warnings();
    }

    @Override
    public void read(String layer, Envelope bbox, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
        connection.read(layer, bbox, fields, sink, problems);
    }

    @Override
    public void features(String layer, long[] fids, List<String> fields, FeatureSink sink) {
        connection.features(layer, fids, fields, sink);
    }

    @Override
    public void readMeeting(String layer, List<Envelope> boxes, org.locationtech.jts.geom.Geometry outline, List<String> fields,
                            FeatureSink sink, Consumer<ReadProblem> problems) {
        connection.readMeeting(layer, boxes, outline, fields, sink, problems);
    }

    @Override
    public boolean keepsOutline() {
        return connection.keepsOutline();
    }

    @Override
    public boolean indexMayMissRows() {
        return connection.indexMayMissRows();
    }

    @Override
    public boolean indexed(String layer) {
        return connection.indexed(layer);
    }

    @Override
    public void readWithoutPosition(String layer, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
        connection.readWithoutPosition(layer, fields, sink, problems);
    }

    @Override
    public Feature feature(String layer, long fid) {
        return connection.feature(layer, fid);
    }

    @Override
    public List<Path> files() {
        return connection.files();
    }

    @Override
    public List<Content> contents() {
        return connection.contents();
    }

    @Override
    public Map<String, String> recordedRoles() {
        return connection.recordedRoles();
    }

    @Override
    public List<Style> styles() {
        return connection.styles();
    }

    @Override
    public List<String> metadata() {
        return connection.metadata();
    }

    @Override
    public boolean saysDemonstration() {
        return connection.saysDemonstration();
    }

    @Override
    public LayerInfo layer(String name) {
        return connection.layer(name);
    }

    /** Leaves the connection open: it is the window's, not the reader's. */
    @Override
    public void close() {
    }
}
