package cn.basinguard.core.loaded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribute values of a layer's rows, column by column: while a column holds few distinct values, a dictionary and
 * a code a row (a byte, then a short); beyond that, numbers unboxed and text as UTF-8 bytes. A county's DLTB (902,278
 * rows, 21 fields) took 221 MB of heap as an array of values a row (boxed numbers, a string object per key); here
 * repeated values (land classes, owners, villages) are a byte or two a row. A value comes back as it went in (the same
 * class and value: a Long stays a Long, a Double keeps its bits); a text key column's value is a new String each time.
 * Filled by one thread, then read-only (published by whoever hands it on: a task's completion, a final field); safe to
 * read from several threads once filled.
 */
public final class AttributeColumns {
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Column> columns = new ArrayList<>();
    private int rows;

    /** Adds a row (columns it names that are new are added, earlier rows null there); returns its place. */
    public int add(Map<String, Object> attributes) {
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
    public int rows() {
        return rows;
    }

    /** The column names, in the order they were first met. */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** The place of column {@code name}, or −1. */
    public int column(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /** The value of column {@code column} (a place from {@link #column}) in row {@code row}, or null. */
    public Object value(int column, int row) {
        return columns.get(column).get(row);
    }

    /** Forgets what only adding needs (each column's value-to-code table): call once the last row is added. */
    public void seal() {
        for (Column c : columns) {
            c.codes = null;
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
        private Map<Object, Integer> codes = new HashMap<>();
        /** The last value coded and its code: looked up first. */
        private Object last;
        private int lastCode;
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
            int code;
            if (v == null) {
                code = 0;
            } else if (v.equals(last)) {
                code = lastCode; // rows come by village and by class: the value of the row before, often
            } else {
                code = codes.computeIfAbsent(v, k -> {
                    dictionary.add(k);
                    return dictionary.size() - 1;
                });
                last = v;
                lastCode = code;
            }
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

    /** Numbers of one kind (all Double or all Long), unboxed: a double kept as its bits; which rows hold one, a bit each. */
    private static final class Numbers extends Values {
        private final boolean real;
        private long[] v = new long[16];
        private long[] set = new long[1];
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
                set = Arrays.copyOf(set, (v.length >> 6) + 1);
            }
            if (x != null) {
                v[row] = real ? Double.doubleToRawLongBits((Double) x) : (Long) x;
                set[row >> 6] |= 1L << row;
            }
            rows = Math.max(rows, row + 1);
            return this;
        }

        @Override
        Object get(int row) {
            if (row >= rows || (set[row >> 6] & 1L << row) == 0) {
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

}
