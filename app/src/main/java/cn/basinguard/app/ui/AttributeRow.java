package cn.basinguard.app.ui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A row of an attribute table: a feature's key, its place in its table's {@link Columns}, and its geometry only for
 * layers the window holds nowhere else (imported or drawn sites). A layer read from its file keeps no geometry here —
 * the map holds every feature already, and a selected row's geometry is taken from the map by its key. The values are
 * kept by column: a county's DLTB (902,278 rows, 21 fields) took 221 MB of heap as an array of values a row (boxed
 * numbers, a string object per key); by column, repeated values (land classes, owners, villages) are a byte or two
 * a row, numbers unboxed and key columns (BSM) as UTF-8 bytes.
 * Equal only to itself: table cells compare their old and new item on every scroll.
 */
final class AttributeRow {
    private final long fid;
    private final Columns columns;
    private final int row;
    private final Geometry geometry;

    private AttributeRow(long fid, Columns columns, int row, Geometry geometry) {
        this.fid = fid;
        this.columns = columns;
        this.row = row;
        this.geometry = geometry;
    }

    /** The next row of {@code columns} (which learn any name they lack): {@code attributes}, with {@code geometry} or null. */
    static AttributeRow of(long fid, Map<String, Object> attributes, Geometry geometry, Columns columns) {
        return new AttributeRow(fid, columns, columns.add(attributes), geometry);
    }

    long fid() {
        return fid;
    }

    /** The geometry, or null when the map holds it. */
    Geometry geometry() {
        return geometry;
    }

    /** The value of column {@code name}, or null. */
    Object value(String name) {
        Integer i = columns.index.get(name);
        return i == null ? null : columns.columns.get(i).get(row);
    }

    /** The values by column name, in column order (made anew: for the few rows asked for). */
    Map<String, Object> attributes() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < columns.names.size(); i++) {
            out.put(columns.names.get(i), columns.columns.get(i).get(row));
        }
        return out;
    }

    /**
     * The values of one table's rows, column by column; filled by the one thread that reads the table, read-only
     * afterwards (the rows reach the window through a task's completion).
     */
    static final class Columns {
        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final List<Column> columns = new ArrayList<>();
        private int rows;

        /** Adds a row; returns its place. */
        private int add(Map<String, Object> attributes) {
            int r = rows++;
            for (Map.Entry<String, Object> e : attributes.entrySet()) {
                Integer i = index.get(e.getKey());
                if (i == null) {
                    i = names.size();
                    names.add(e.getKey());
                    index.put(e.getKey(), i);
                    columns.add(new Column());
                }
                columns.get(i).set(r, e.getValue());
            }
            return r;
        }

        /** Rows added so far. */
        int rows() {
            return rows;
        }
    }

    /**
     * One column's values: while it holds few distinct values, a dictionary and a code a row (a byte, then a short);
     * beyond {@link #DISTINCT} of them its values by kind — numbers unboxed, text as UTF-8 bytes, anything else as
     * itself. A row never set reads null.
     */
    private static final class Column {
        /** A column with more distinct values than this is a key column: kept by value, not by code. */
        private static final int DISTINCT = 4096;
        private final Map<Object, Integer> codes = new HashMap<>();
        /** The distinct values by code; code 0 is null. */
        private final List<Object> dictionary = new ArrayList<>(List.of(new Object()));
        private byte[] bytes = new byte[16];
        private short[] shorts;
        /** Once the column has too many distinct values: its values by kind. */
        private Values values;

        void set(int row, Object v) {
            if (values != null) {
                values = values.set(row, v);
                return;
            }
            int code = v == null ? 0 : codes.computeIfAbsent(v, k -> {
                dictionary.add(k);
                return dictionary.size() - 1;
            });
            if (code > DISTINCT) {
                values = Values.of(this, row);
                values = values.set(row, v);
                return;
            }
            if (code > 0xFF && shorts == null) {
                shorts = new short[Math.max(16, bytes.length)];
                for (int r = 0; r < bytes.length; r++) {
                    shorts[r] = (short) (bytes[r] & 0xFF);
                }
                bytes = null;
            }
            if (shorts != null) {
                if (row >= shorts.length) {
                    shorts = Arrays.copyOf(shorts, Math.max(row + 1, shorts.length + (shorts.length >> 1)));
                }
                shorts[row] = (short) code;
            } else {
                if (row >= bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.max(row + 1, bytes.length + (bytes.length >> 1)));
                }
                bytes[row] = (byte) code;
            }
        }

        Object get(int row) {
            if (values != null) {
                return values.get(row);
            }
            return byCode(row);
        }

        private Object byCode(int row) {
            int code = shorts != null ? row < shorts.length ? shorts[row] & 0xFFFF : 0 : row < bytes.length ? bytes[row] & 0xFF : 0;
            return code == 0 ? null : dictionary.get(code);
        }
    }

    /** A key column's values: numbers of one kind unboxed, text as UTF-8 bytes, anything else as itself. */
    private abstract static class Values {
        /** The values of {@code c}'s first {@code rows} rows, kept by the kind of the value that has no code. */
        static Values of(Column c, int rows) {
            Object sample = c.dictionary.get(c.dictionary.size() - 1);
            Values v = sample instanceof Double ? new Numbers(true) : sample instanceof Long ? new Numbers(false)
                    : sample instanceof String ? new Texts() : new Objects();
            for (int r = 0; r < rows; r++) {
                v = v.set(r, c.byCode(r));
            }
            return v;
        }

        /** Sets a row; returns the values to use from now on (another kind when {@code v} does not fit this one). */
        abstract Values set(int row, Object v);

        abstract Object get(int row);

        /** Every row so far as objects, to go on with a value of another kind. */
        Values widen(int rows) {
            Objects o = new Objects();
            for (int r = 0; r < rows; r++) {
                o.set(r, get(r));
            }
            return o;
        }

        static int grown(int length, int row) {
            return Math.max(row + 1, Math.max(16, length + (length >> 1)));
        }
    }

    /** Numbers of one kind (all Double or all Long), unboxed: a double kept as its bits. */
    private static final class Numbers extends Values {
        private final boolean real;
        private long[] v = new long[16];
        private final java.util.BitSet set = new java.util.BitSet();
        private int rows;

        Numbers(boolean real) {
            this.real = real;
        }

        @Override
        Values set(int row, Object x) {
            if (x != null && !(real ? x instanceof Double : x instanceof Long)) {
                return widen(rows).set(row, x);
            }
            if (row >= v.length) {
                v = Arrays.copyOf(v, grown(v.length, row));
            }
            if (x != null) {
                v[row] = real ? Double.doubleToRawLongBits((Double) x) : (Long) x;
                set.set(row);
            }
            rows = Math.max(rows, row + 1);
            return this;
        }

        @Override
        Object get(int row) {
            if (!set.get(row)) {
                return null;
            }
            return real ? (Object) Double.longBitsToDouble(v[row]) : (Object) v[row];
        }
    }

    /** Text as UTF-8 bytes, one after another; a row's text is made anew when asked for (a screenful at a time). */
    private static final class Texts extends Values {
        private byte[] bytes = new byte[1024];
        private int used;
        /** Where each row's text starts in {@link #bytes}; -1 for null (and for rows never set). */
        private int[] start = new int[16];
        private int[] end = new int[16];
        private int rows;

        @Override
        Values set(int row, Object x) {
            if (x != null && !(x instanceof String)) {
                return widen(rows).set(row, x);
            }
            if (row >= start.length) {
                int n = grown(start.length, row);
                int old = start.length;
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                Arrays.fill(start, old, n, -1);
            }
            for (int r = rows; r < row; r++) {
                start[r] = -1;
            }
            if (x == null) {
                start[row] = -1;
            } else {
                byte[] b = ((String) x).getBytes(StandardCharsets.UTF_8);
                if (used + b.length > bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.max(used + b.length, bytes.length + (bytes.length >> 1)));
                }
                System.arraycopy(b, 0, bytes, used, b.length);
                start[row] = used;
                end[row] = used + b.length;
                used += b.length;
            }
            rows = Math.max(rows, row + 1);
            return this;
        }

        @Override
        Object get(int row) {
            if (row >= rows || start[row] < 0) {
                return null;
            }
            return new String(bytes, start[row], end[row] - start[row], StandardCharsets.UTF_8);
        }
    }

    private static final class Objects extends Values {
        private Object[] v = new Object[16];

        @Override
        Values set(int row, Object x) {
            if (row >= v.length) {
                v = Arrays.copyOf(v, grown(v.length, row));
            }
            v[row] = x;
            return this;
        }

        @Override
        Object get(int row) {
            return row < v.length ? v[row] : null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
