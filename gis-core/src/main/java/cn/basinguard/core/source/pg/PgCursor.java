package cn.basinguard.core.source.pg;

import cn.basinguard.core.gpkg.AttributeRow;
import cn.basinguard.core.gpkg.BlobException;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.gpkg.WkbDecoder;
import cn.basinguard.core.i18n.Messages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import cn.basinguard.core.source.RowFilter;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One pass over a layer's rows through a server-side cursor (the caller's connection is not in autocommit, so the
 * driver fetches {@link PostGisSource#FETCH_SIZE} rows at a time instead of the whole result). In key order, as a
 * GeoPackage is read, so both give the same features in the same order; a table without an integer key is read in
 * the server's order and its features numbered as they come.
 */
final class PgCursor {
    private final Connection c;
    private final PgAddress address;
    private final PgLayer layer;
    private final List<LayerInfo.FieldInfo> fields;
    private final AttributeRow.Columns columns;
    private final AtomicLong fetched;
    private final WkbDecoder decoder = new WkbDecoder();

    PgCursor(Connection c, PgAddress address, PgLayer layer, List<LayerInfo.FieldInfo> fields, AtomicLong fetched) {
        this.c = c;
        this.address = address;
        this.layer = layer;
        this.fields = fields;
        this.columns = new AttributeRow.Columns(fields.stream().map(LayerInfo.FieldInfo::name).toList());
        this.fetched = fetched;
    }

    /** A test on a text column the statement narrows by (then applied exactly to what comes back), or null. */
    private RowFilter filter;
    /** Whether the filter's column is text, so that the server can narrow by it (other types are tested here only). */
    private boolean filterInSql;

    /**
     * Reads only the rows {@code filter} keeps: on a text column the server leaves out what surely fails, so the rows of
     * other classes are never sent. Text whose first character is not a blank (above U+0020, which Java's trim would
     * strip) starts as it will after trimming, so its start decides on the server; NULL and text starting with a blank
     * or a control character come back to be tested here.
     */
    PgCursor where(RowFilter filter) {
        this.filter = filter;
        String type = fields.stream().filter(f -> f.name().equals(filter.field())).map(f -> String.valueOf(f.type()).toLowerCase(java.util.Locale.ROOT))
                .findFirst().orElse("");
        this.filterInSql = type.contains("char") || type.contains("text");
        return this;
    }

    /** The SELECT for a read: by box through {@code &&} (the GiST index) when {@code bbox} is given, by key when {@code fid} is. */
    String sql(boolean bbox, boolean byKey) {
        return sql(bbox ? 1 : 0, false, byKey);
    }

    /**
     * The SELECT for a read by {@code boxes} boxes (each through {@code &&}, ORed: the server's bitmap of the index scans
     * gives a row two boxes meet once), also by an outline ({@code ST_Intersects} with a WKB parameter) when
     * {@code outline}, by key when {@code byKey}.
     */
    String sql(int boxes, boolean outline, boolean byKey) {
        LayerInfo info = layer.info();
        String key = info.primaryKey();
        String geom = info.geometryColumn();
        StringBuilder sql = new StringBuilder("SELECT ").append(key == null ? "NULL" : PgCatalog.id(key));
        sql.append(", ").append(geom == null ? "NULL" : "ST_AsBinary(" + PgCatalog.id(geom) + ")");
        for (LayerInfo.FieldInfo f : fields) {
            sql.append(", ").append(PgCatalog.id(f.name()));
        }
        sql.append(layer.from(address));
        boolean where = layer.rows() != null;
        if (boxes > 0 && geom != null) {
            sql.append(where ? " AND (" : " WHERE (");
            where = true;
            for (int i = 0; i < boxes; i++) {
                sql.append(i == 0 ? "" : " OR ").append(PgCatalog.id(geom)).append(" && ST_MakeEnvelope(?, ?, ?, ?, ").append(layer.srid()).append(')');
            }
            sql.append(')');
            if (outline) {
                sql.append(" AND ST_Intersects(").append(PgCatalog.id(geom)).append(", ST_GeomFromWKB(?, ").append(layer.srid()).append("))");
            }
        }
        if (filterInSql) {
            String col = "CAST(" + PgCatalog.id(filter.field()) + " AS text)";
            int n = filter.prefix().codePointCount(0, filter.prefix().length());
            sql.append(where ? " AND " : " WHERE ").append("(").append(filter.matching() ? "" : col + " IS NULL OR ").append("ascii(")
                    .append(col).append(") <= 32 OR left(").append(col).append(", ").append(n).append(filter.matching() ? ") = ?)" : ") <> ?)");
            where = true;
        }
        if (byKey) {
            sql.append(where ? " AND " : " WHERE ").append(PgCatalog.id(key)).append(" = ?");
        }
        if (key != null && !byKey) {
            sql.append(" ORDER BY ").append(PgCatalog.id(key));
        }
        return sql.toString();
    }

    /** The rows whose geometry is NULL or empty. */
    void readWithoutPosition(FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        String geom = layer.info().geometryColumn();
        String sql = sql(false, false);
        String where = (layer.rows() == null ? " WHERE (" : " AND (") + PgCatalog.id(geom) + " IS NULL OR ST_IsEmpty(" + PgCatalog.id(geom) + "))";
        int order = sql.indexOf(" ORDER BY ");
        sql = order < 0 ? sql + where : sql.substring(0, order) + where + sql.substring(order);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(PostGisSource.FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                rows(rs, false, sink, problems);
            }
        }
    }

    void read(Envelope bbox, Long fid, FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        read(bbox == null ? List.of() : List.of(bbox), null, fid, sink, problems);
    }

    /**
     * The rows whose box meets any of {@code boxes} (all when there are none), each once, and, when {@code outlineWkb}
     * is given (in the layer's SRID), whose geometry meets that outline: the server tests them, so the rest stay there.
     */
    void read(List<Envelope> boxes, byte[] outlineWkb, Long fid, FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        boolean box = !boxes.isEmpty() && layer.info().geometryColumn() != null;
        boolean outline = box && outlineWkb != null;
        try (PreparedStatement ps = c.prepareStatement(sql(box ? boxes.size() : 0, outline, fid != null))) {
            int p = 1;
            if (box) {
                for (Envelope bbox : boxes) {
                    ps.setDouble(p++, bbox.getMinX());
                    ps.setDouble(p++, bbox.getMinY());
                    ps.setDouble(p++, bbox.getMaxX());
                    ps.setDouble(p++, bbox.getMaxY());
                }
            }
            if (outline) {
                ps.setBytes(p++, outlineWkb);
            }
            if (filterInSql) {
                ps.setString(p++, filter.prefix());
            }
            if (fid != null) {
                ps.setLong(p, fid);
            }
            ps.setFetchSize(PostGisSource.FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                rows(rs, box, sink, problems);
            }
        }
    }

    /**
     * The rows with these keys, without their geometry, in key order: one statement of many keys ({@code = ANY}) instead
     * of one round trip per key. The layer must have a key.
     */
    void readKeys(long[] fids, FeatureSink sink) throws SQLException {
        String key = PgCatalog.id(layer.info().primaryKey());
        StringBuilder sql = new StringBuilder("SELECT ").append(key).append(", NULL::bytea");
        for (LayerInfo.FieldInfo f : fields) {
            sql.append(", ").append(PgCatalog.id(f.name()));
        }
        sql.append(layer.from(address)).append(layer.rows() == null ? " WHERE " : " AND ").append(key).append(" = ANY (?) ORDER BY ")
                .append(key);
        Long[] keys = java.util.Arrays.stream(fids).distinct().sorted().boxed().toArray(Long[]::new);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setArray(1, c.createArrayOf("int8", keys));
            ps.setFetchSize(PostGisSource.FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                rows(rs, false, sink, p -> { });
            }
        }
    }

    /** Hands on the rows of a result; rows of a table without an integer key are numbered as they come. */
    private void rows(ResultSet rs, boolean box, FeatureSink sink, Consumer<ReadProblem> problems) throws SQLException {
        Value[] values = values(rs.getMetaData());
        long number = 0;
        while (rs.next()) {
            fetched.incrementAndGet();
            number++;
            long key = layer.info().primaryKey() == null ? number : rs.getLong(1);
            byte[] wkb = rs.getBytes(2);
            Geometry g = null;
            if (wkb != null) {
                try {
                    g = decoder.decode(wkb, layer.srid());
                } catch (BlobException e) {
                    problems.accept(new ReadProblem(layer.name(), key, ReadProblem.Kind.SKIPPED, e.getMessage()));
                    continue;
                }
                if (decoder.lastWasLinearized()) {
                    problems.accept(new ReadProblem(layer.name(), key, ReadProblem.Kind.LINEARIZED, Messages.get("gpkg.blob.linearized")));
                }
                if (decoder.lastHadUnclosedRing()) {
                    problems.accept(new ReadProblem(layer.name(), key, ReadProblem.Kind.RING_CLOSED, Messages.get("gpkg.blob.ringClosed")));
                }
            } else if (box) {
                continue;
            }
            Object[] row = new Object[fields.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = values[i].get(rs, i + 3);
            }
            Feature f = new Feature(key, g, new AttributeRow(columns, row));
            if (filter == null || filter.test(f)) {
                sink.accept(f);
            }
        }
    }

    /** How a column's value is taken: as a GeoPackage reader would give the same value (numbers, text, 0/1, ISO dates). */
    @FunctionalInterface
    private interface Value {
        Object get(ResultSet rs, int column) throws SQLException;
    }

    /**
     * A numeric column as a GeoPackage written from it holds it: whole numbers exactly (a Long), the rest as doubles. A
     * 标识码 of 18 digits kept as numeric(18,0), as a geodatabase keeps BSM, became a double and lost its last digits
     * (421303200000005832 read as 4.2130320000000582E17). Declared with decimals, a double; declared without, whole;
     * declared neither way (numeric), each value by what it is.
     */
    private static Value numeric(int precision, int scale) {
        return (rs, col) -> {
            java.math.BigDecimal v = rs.getBigDecimal(col);
            if (v == null) {
                return null;
            }
            if (scale == 0 && (precision > 0 || v.signum() == 0 || v.stripTrailingZeros().scale() <= 0)) {
                try {
                    return v.longValueExact();
                } catch (ArithmeticException beyondLong) {
                    return v.doubleValue();
                }
            }
            return v.doubleValue();
        };
    }

    private Value[] values(ResultSetMetaData md) throws SQLException {
        Value[] out = new Value[fields.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (md.getColumnType(i + 3)) {
                case Types.SMALLINT, Types.INTEGER, Types.TINYINT -> (rs, col) -> {
                    int v = rs.getInt(col);
                    return rs.wasNull() ? null : v;
                };
                case Types.BIGINT -> (rs, col) -> {
                    long v = rs.getLong(col);
                    return rs.wasNull() ? null : v;
                };
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> (rs, col) -> {
                    double v = rs.getDouble(col);
                    return rs.wasNull() ? null : v;
                };
                case Types.NUMERIC, Types.DECIMAL -> numeric(md.getPrecision(i + 3), md.getScale(i + 3));
                case Types.BIT, Types.BOOLEAN -> (rs, col) -> {
                    boolean v = rs.getBoolean(col);
                    return rs.wasNull() ? null : v;
                };
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> ResultSet::getBytes;
                default -> ResultSet::getString;
            };
        }
        return out;
    }
}
