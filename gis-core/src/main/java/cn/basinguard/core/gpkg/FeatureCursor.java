package cn.basinguard.core.gpkg;

import cn.basinguard.core.i18n.Messages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * One forward pass over a layer's rows. The hot path of loading: one statement, the blob read as bytes and decoded
 * in place, attribute values taken as SQLite typed them.
 */
final class FeatureCursor {
    private final Connection c;
    private final LayerInfo layer;
    private final GeometryBlobDecoder decoder;

    private final List<LayerInfo.FieldInfo> fields;

    /** @param fields the attribute columns to read: all of the layer's, or only those a caller needs */
    FeatureCursor(Connection c, LayerInfo layer, List<LayerInfo.FieldInfo> fields, GeometryFactory factory) {
        this.c = c;
        this.layer = layer;
        this.fields = fields;
        this.decoder = new GeometryBlobDecoder(factory);
    }

    void read(Envelope bbox, FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        read(bbox, Long.MIN_VALUE, Long.MAX_VALUE, sink, problems);
    }

    /** Reads the rows the R-tree does not hold: NULL and empty geometries, which no query by area returns. */
    void readUnindexed(FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        unindexed = true;
        try {
            read(null, Long.MIN_VALUE, Long.MAX_VALUE, sink, problems);
        } finally {
            unindexed = false;
        }
    }

    private boolean unindexed;

    /** Reads the rows whose key lies in [{@code fromKey}, {@code toKey}) (and meet {@code bbox} when not null). */
    void read(Envelope bbox, long fromKey, long toKey, FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        String geom = layer.geometryColumn();
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(layer.primaryKey() == null ? "rowid" : Sql.id(layer.primaryKey()));
        sql.append(", ").append(geom == null ? "NULL" : Sql.id(geom));
        for (LayerInfo.FieldInfo f : fields) {
            sql.append(", ").append(Sql.id(f.name()));
        }
        sql.append(" FROM ").append(Sql.id(layer.name()));
        boolean indexed = bbox != null && layer.hasSpatialIndex() && layer.primaryKey() != null;
        boolean ranged = layer.primaryKey() != null && (fromKey != Long.MIN_VALUE || toKey != Long.MAX_VALUE);
        if (unindexed) {
            sql.append(" WHERE ").append(Sql.id(layer.primaryKey())).append(" NOT IN (SELECT id FROM ")
                    .append(Sql.id("rtree_" + layer.name() + "_" + geom)).append(")");
        }
        if (indexed) {
            sql.append(" WHERE ").append(Sql.id(layer.primaryKey())).append(" IN (SELECT id FROM ")
                    .append(Sql.id("rtree_" + layer.name() + "_" + geom))
                    .append(" WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)");
        }
        if (ranged) {
            sql.append(indexed ? " AND " : " WHERE ").append(Sql.id(layer.primaryKey())).append(" >= ? AND ")
                    .append(Sql.id(layer.primaryKey())).append(" < ?");
        }
        if (layer.primaryKey() != null) {
            sql.append(" ORDER BY ").append(Sql.id(layer.primaryKey()));
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            if (indexed) {
                ps.setDouble(p++, bbox.getMinX());
                ps.setDouble(p++, bbox.getMaxX());
                ps.setDouble(p++, bbox.getMinY());
                ps.setDouble(p++, bbox.getMaxY());
            }
            if (ranged) {
                ps.setLong(p++, fromKey);
                ps.setLong(p, toKey);
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long fid = rs.getLong(1);
                    Geometry g = null;
                    byte[] blob = geom == null ? null : rs.getBytes(2);
                    if (blob != null) {
                        try {
                            g = decoder.decode(blob);
                        } catch (BlobException e) {
                            problems.accept(new ReadProblem(layer.name(), fid, ReadProblem.Kind.SKIPPED, e.getMessage()));
                            continue;
                        }
                        if (decoder.lastWasLinearized()) {
                            problems.accept(new ReadProblem(layer.name(), fid, ReadProblem.Kind.LINEARIZED,
                                    Messages.get("gpkg.blob.linearized")));
                        }
                        if (decoder.lastHadUnclosedRing()) {
                            problems.accept(new ReadProblem(layer.name(), fid, ReadProblem.Kind.RING_CLOSED,
                                    Messages.get("gpkg.blob.ringClosed")));
                        }
                        if (bbox != null && !indexed && !bbox.intersects(g.getEnvelopeInternal())) {
                            continue;
                        }
                    } else if (bbox != null) {
                        continue;
                    }
                    Map<String, Object> attrs = new LinkedHashMap<>(fields.size() * 2);
                    for (int i = 0; i < fields.size(); i++) {
                        attrs.put(fields.get(i).name(), rs.getObject(i + 3));
                    }
                    sink.accept(new Feature(fid, g, attrs));
                }
            }
        }
    }
}
