package cn.basinguard.core.gpkg;

import cn.basinguard.core.i18n.Messages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import cn.basinguard.core.source.RowFilter;
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
    private final AttributeRow.Columns columns;

    /** @param fields the attribute columns to read: all of the layer's, or only those a caller needs */
    FeatureCursor(Connection c, LayerInfo layer, List<LayerInfo.FieldInfo> fields, GeometryFactory factory) {
        this.c = c;
        this.layer = layer;
        this.fields = fields;
        this.columns = new AttributeRow.Columns(fields.stream().map(LayerInfo.FieldInfo::name).toList());
        this.decoder = new GeometryBlobDecoder(factory);
    }

    /** A test on a text column the statement narrows by (then applied exactly to what it returns), or null. */
    private RowFilter filter;

    /**
     * Reads only the rows {@code filter} keeps, asking SQLite for them (then testing each exactly), so the rows it leaves
     * out — three quarters of a DLTB read as 耕地 — are never decoded. A text value whose first character is not a blank
     * (above U+0020, which Java's trim would strip) starts as it will after trimming, so its start decides in SQL;
     * other values (numbers, NULL, text starting with a blank or a control character) come back to be tested here.
     */
    FeatureCursor where(RowFilter filter) {
        this.filter = filter;
        return this;
    }

    private String whereSql() {
        String col = Sql.id(filter.field());
        int n = filter.prefix().codePointCount(0, filter.prefix().length());
        return "(typeof(" + col + ") <> 'text' OR ifnull(unicode(" + col + "), 0) <= 32 OR substr(" + col + ", 1, " + n + ") "
            + (filter.matching() ? "=" : "<>") + " ?)";
    }

    void read(Envelope bbox, FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        read(bbox, Long.MIN_VALUE, Long.MAX_VALUE, sink, problems);
    }

    /** Reads the rows the R-tree does not hold: NULL and empty geometries, which no query by area returns. */
    void readUnindexed(FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        unindexed = true;
        try {
            for (long[] range : keysTheIndexMayMiss()) {
                read(null, range[0], range[1], sink, problems);
            }
        } finally {
            unindexed = false;
        }
    }

    private Object oneValue(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    /** Keys to a run whose R-tree entries are counted at once: a 900,000-row layer is 14 counts. */
    static final long KEY_RUN = 1 << 16;

    /**
     * The key ranges [from, to) that may hold rows the R-tree lacks. A run of keys every one of which has an entry holds
     * none (whatever rows the table has there, each has its entry), and the R-tree's {@code _rowid} table counts its ids
     * in a run without reading the layer's rows: the scan of the rows for those without an entry read every page of the
     * table (a 900,000-row DLTB: 150,000 pages, a fixed cost of every check, a unit's too). Runs with a missing key (a
     * deleted row, a row without a geometry, an index out of step) are scanned as before. Without a key or a
     * {@code _rowid} table: all the rows.
     */
    private List<long[]> keysTheIndexMayMiss() throws SQLException {
        List<long[]> all = List.of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
        String pk = layer.primaryKey();
        String ids = pk == null ? null : idsOfRtree(layer.geometryColumn());
        if (ids == null || !ids.startsWith("rowid FROM ")) {
            return all;
        }
        // each alone: SQLite answers a lone min() or max() of the key from the ends of its B-tree, not by a scan
        Object first = oneValue("SELECT min(" + Sql.id(pk) + ") FROM " + Sql.id(layer.name()));
        if (first == null) {
            return List.of(); // no rows
        }
        Object last = oneValue("SELECT max(" + Sql.id(pk) + ") FROM " + Sql.id(layer.name()));
        if (!(first instanceof Number a && last instanceof Number b) || first instanceof Double || last instanceof Double
                || a.longValue() < 0 || b.longValue() > Long.MAX_VALUE - KEY_RUN) {
            return all; // keys no GeoPackage writer gives: not worth the arithmetic at the ends of the long range
        }
        long min = a.longValue();
        long max = b.longValue();
        List<long[]> ranges = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + ids.substring("rowid FROM ".length())
                + " WHERE rowid >= ? AND rowid < ?")) {
            for (long from = min, to; from <= max; from = to) {
                to = Math.min(max + 1, from + KEY_RUN);
                ps.setLong(1, from);
                ps.setLong(2, to);
                long entries;
                try (ResultSet rs = ps.executeQuery()) {
                    entries = rs.next() ? rs.getLong(1) : 0;
                }
                if (entries == to - from) {
                    continue; // every key of the run has its entry
                }
                if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == from) {
                    ranges.get(ranges.size() - 1)[1] = to;
                } else {
                    ranges.add(new long[] {from, to});
                }
            }
        }
        return ranges;
    }

    private boolean unindexed;

    /**
     * The R-tree's ids as a table SQLite can search by key: its {@code _rowid} shadow table, whose key is the entry's id
     * (every SQLite R-tree has one). Asking the virtual table itself for them makes SQLite copy all of them into a
     * temporary index first: on a 900,000-row DLTB that was 1.2 s of a check's start against 0.45 s.
     */
    private String idsOfRtree(String geom) throws SQLException {
        String rtree = "rtree_" + layer.name() + "_" + geom;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, rtree + "_rowid");
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return "rowid FROM " + Sql.id(rtree + "_rowid");
                }
            }
        }
        return "id FROM " + Sql.id(rtree);
    }

    /** At most this many keys in one statement: SQLite's limit on bound parameters is 32,766 (999 before 3.32). */
    private static final int KEYS_PER_STATEMENT = 500;

    /**
     * Reads the attributes of the rows with these keys, a few statements for any number of keys (one statement per key
     * would cost a statement's preparation each), in key order; keys without a row are left out. The features have no
     * geometry: callers that ask by key have it already.
     */
    void readKeys(long[] keys, FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        String key = layer.primaryKey() == null ? "rowid" : Sql.id(layer.primaryKey());
        long[] sorted = java.util.Arrays.stream(keys).distinct().sorted().toArray();
        for (int from = 0; from < sorted.length; from += KEYS_PER_STATEMENT) {
            int n = Math.min(KEYS_PER_STATEMENT, sorted.length - from);
            StringBuilder sql = select(false).append(" WHERE ").append(key).append(" IN (");
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "?" : ",?");
            }
            sql.append(") ORDER BY ").append(key);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < n; i++) {
                    ps.setLong(i + 1, sorted[from + i]);
                }
                emit(ps, null, false, sink, problems);
            }
        }
    }

    /** SELECT key, geometry (or NULL), fields FROM layer. */
    private StringBuilder select(boolean withGeometry) {
        String geom = withGeometry ? layer.geometryColumn() : null;
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(layer.primaryKey() == null ? "rowid" : Sql.id(layer.primaryKey()));
        sql.append(", ").append(geom == null ? "NULL" : Sql.id(geom));
        for (LayerInfo.FieldInfo f : fields) {
            sql.append(", ").append(Sql.id(f.name()));
        }
        sql.append(" FROM ").append(Sql.id(layer.name()));
        return sql;
    }

    /** Reads the rows whose key lies in [{@code fromKey}, {@code toKey}) (and meet {@code bbox} when not null). */
    void read(Envelope bbox, long fromKey, long toKey, FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        readIn(bbox == null ? null : List.of(bbox), fromKey, toKey, sink, problems);
    }

    /** At most this many boxes in one statement: a SELECT each in one compound (SQLite allows 500), four parameters each. */
    private static final int BOXES_PER_STATEMENT = 250;

    /**
     * Reads the rows whose envelope meets any of {@code boxes}, each once and in key order. With an R-tree, one statement
     * asks it for the union of the boxes' ids (SQLite merges them in a temporary B-tree, already in key order): a tile and
     * its sites' boxes, read box by box, cost a statement each and a set in Java to drop the rows two boxes meet.
     */
    void read(List<Envelope> boxes, FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        if (boxes.stream().anyMatch(java.util.Objects::isNull)) {
            readIn(null, Long.MIN_VALUE, Long.MAX_VALUE, sink, problems); // a null box is everywhere
            return;
        }
        if (boxes.size() <= BOXES_PER_STATEMENT) {
            readIn(boxes, Long.MIN_VALUE, Long.MAX_VALUE, sink, problems);
            return;
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int from = 0; from < boxes.size(); from += BOXES_PER_STATEMENT) {
            readIn(boxes.subList(from, Math.min(boxes.size(), from + BOXES_PER_STATEMENT)), Long.MIN_VALUE, Long.MAX_VALUE, f -> {
                if (seen.add(f.fid())) {
                    sink.accept(f);
                }
            }, problems);
        }
    }

    /** As above within [{@code fromKey}, {@code toKey}); {@code boxes} null for all rows. */
    private void readIn(List<Envelope> boxes, long fromKey, long toKey, FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        if (boxes != null && boxes.isEmpty()) {
            return;
        }
        String geom = layer.geometryColumn();
        StringBuilder sql = select(true);
        boolean indexed = boxes != null && layer.hasSpatialIndex() && layer.primaryKey() != null;
        if (boxes != null && boxes.size() > 1 && !indexed) {
            // no index to merge the boxes in: one pass over the rows, each tested against every box
            readIn(null, fromKey, toKey, f -> {
                Envelope e = f.geometry() == null ? null : f.geometry().getEnvelopeInternal();
                if (e != null && boxes.stream().anyMatch(e::intersects)) {
                    sink.accept(f);
                }
            }, problems);
            return;
        }
        boolean ranged = layer.primaryKey() != null && (fromKey != Long.MIN_VALUE || toKey != Long.MAX_VALUE);
        if (unindexed) {
            sql.append(" WHERE ").append(Sql.id(layer.primaryKey())).append(" NOT IN (SELECT ").append(idsOfRtree(geom)).append(")");
        }
        if (indexed) {
            String rtree = Sql.id("rtree_" + layer.name() + "_" + geom);
            sql.append(" WHERE ").append(Sql.id(layer.primaryKey())).append(" IN (");
            for (int i = 0; i < boxes.size(); i++) {
                sql.append(i == 0 ? "" : " UNION ").append("SELECT id FROM ").append(rtree)
                        .append(" WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?");
            }
            sql.append(")");
        }
        if (ranged) {
            sql.append(indexed || unindexed ? " AND " : " WHERE ").append(Sql.id(layer.primaryKey())).append(" >= ? AND ")
                    .append(Sql.id(layer.primaryKey())).append(" < ?");
        }
        if (filter != null) {
            sql.append(unindexed || indexed || ranged ? " AND " : " WHERE ").append(whereSql());
        }
        if (layer.primaryKey() != null) {
            sql.append(" ORDER BY ").append(Sql.id(layer.primaryKey()));
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            if (indexed) {
                for (Envelope bbox : boxes) {
                    ps.setDouble(p++, bbox.getMinX());
                    ps.setDouble(p++, bbox.getMaxX());
                    ps.setDouble(p++, bbox.getMinY());
                    ps.setDouble(p++, bbox.getMaxY());
                }
            }
            if (ranged) {
                ps.setLong(p++, fromKey);
                ps.setLong(p++, toKey);
            }
            if (filter != null) {
                ps.setString(p, filter.prefix());
            }
            emit(ps, boxes == null ? null : boxes.get(0), indexed, sink, problems);
        }
    }

    /** Runs the statement and hands each row that decodes (and meets {@code bbox}, checked here unless {@code indexed}). */
    private void emit(PreparedStatement ps, Envelope bbox, boolean indexed, FeatureSink sink, Consumer<ReadProblem> problems)
            throws SQLException {
        String geom = layer.geometryColumn();
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
                Object[] values = new Object[fields.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getObject(i + 3);
                }
                Feature f = new Feature(fid, g, new AttributeRow(columns, values));
                if (filter == null || filter.test(f)) {
                    sink.accept(f);
                }
            }
        }
    }
}
