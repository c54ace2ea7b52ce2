package cn.basinguard.core.source;

import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.raster.RasterSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A source that hands every call to another, for a wrapper that changes one thing (how it closes, what it records). It
 * forwards the methods {@link DataSource} gives a default too: a wrapper that let one of them fall to its default
 * answered for the other source with the default's behaviour — the window's lent database read a land-use layer's
 * 耕地 by fetching every land class and testing each row here, since the filtered {@code readMeeting} was not passed on.
 * {@code ForwardingSourceTest} fails when a method of {@link DataSource} is not forwarded.
 */
public abstract class ForwardingSource implements DataSource {
    private final DataSource inner;

    protected ForwardingSource(DataSource inner) {
        this.inner = inner;
    }

    /** The source every call goes to. */
    /** The source at the end of any chain of wrappers round {@code src} (the file or database itself). */
    public static DataSource innermost(DataSource src) {
        while (src instanceof ForwardingSource f) {
            src = f.inner;
        }
        return src;
    }

    /** The source this one forwards to (to find what a chain of wrappers holds, such as a loaded model). */
    public final DataSource forwardsTo() {
        return inner;
    }

    protected final DataSource inner() {
        return inner;
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public String label() {
        return inner.label();
    }

    @Override
    public String format() {
        return inner.format();
    }

    @Override
    public List<LayerInfo> layers() {
        return inner.layers();
    }

    @Override
    public void countRows() {
        inner.countRows();
    }

    @Override
    public List<String> warnings() {
        return inner.warnings();
    }

    @Override
    public void read(String layer, Envelope bbox, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
        inner.read(layer, bbox, fields, sink, problems);
    }

    @Override
    public void readMeeting(String layer, List<Envelope> boxes, Geometry outline, List<String> fields, FeatureSink sink,
                            Consumer<ReadProblem> problems) {
        inner.readMeeting(layer, boxes, outline, fields, sink, problems);
    }

    @Override
    public void readMeeting(String layer, List<Envelope> boxes, Geometry outline, List<String> fields, RowFilter filter,
                            FeatureSink sink, Consumer<ReadProblem> problems) {
        inner.readMeeting(layer, boxes, outline, fields, filter, sink, problems);
    }

    @Override
    public boolean keepsOutline() {
        return inner.keepsOutline();
    }

    @Override
    public boolean indexMayMissRows() {
        return inner.indexMayMissRows();
    }

    @Override
    public boolean indexed(String layer) {
        return inner.indexed(layer);
    }

    @Override
    public void readWithoutPosition(String layer, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
        inner.readWithoutPosition(layer, fields, sink, problems);
    }

    @Override
    public RasterSource raster(String layer) {
        return inner.raster(layer);
    }

    @Override
    public Feature feature(String layer, long fid) {
        return inner.feature(layer, fid);
    }

    @Override
    public void features(String layer, long[] fids, List<String> fields, FeatureSink sink) {
        inner.features(layer, fids, fields, sink);
    }

    @Override
    public List<Path> files() {
        return inner.files();
    }

    @Override
    public List<Content> contents() {
        return inner.contents();
    }

    @Override
    public Map<String, String> recordedRoles() {
        return inner.recordedRoles();
    }

    @Override
    public List<Style> styles() {
        return inner.styles();
    }

    @Override
    public List<String> metadata() {
        return inner.metadata();
    }

    @Override
    public boolean saysDemonstration() {
        return inner.saysDemonstration();
    }

    @Override
    public LayerInfo layer(String name) {
        return inner.layer(name);
    }

    @Override
    public void close() {
        inner.close();
    }
}
