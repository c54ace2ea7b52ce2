package cn.basinguard.app.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A row of an attribute table: a feature's key, its values by column, and its geometry only for layers the window
 * holds nowhere else (imported or drawn sites). A layer read from its file keeps no geometry here — the map holds every
 * feature already, and a selected row's geometry is taken from the map by its key — and its values in an array over
 * columns shared by all rows, the values that repeat (land classes, owners, villages) one object each: a row per
 * feature as a map of its own cost the window several hundred MB for a county's 200,000 patches.
 * Equal only to itself: table cells compare their old and new item on every scroll.
 */
final class AttributeRow {
    private final long fid;
    private final Columns columns;
    private final Object[] values;
    private final Geometry geometry;

    private AttributeRow(long fid, Columns columns, Object[] values, Geometry geometry) {
        this.fid = fid;
        this.columns = columns;
        this.values = values;
        this.geometry = geometry;
    }

    /** A row of {@code attributes} over {@code columns} (which learn any name they lack), with {@code geometry} or null. */
    static AttributeRow of(long fid, Map<String, Object> attributes, Geometry geometry, Columns columns) {
        for (String name : attributes.keySet()) {
            columns.indexOf(name);
        }
        Object[] values = new Object[columns.names.size()];
        attributes.forEach((name, v) -> {
            int i = columns.indexOf(name);
            values[i] = columns.shared(i, v);
        });
        return new AttributeRow(fid, columns, values, geometry);
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
        return i == null || i >= values.length ? null : values[i];
    }

    /** The values by column name, in column order (made anew: for the few rows asked for). */
    Map<String, Object> attributes() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(columns.names.get(i), values[i]);
        }
        return out;
    }

    /**
     * The columns of one table's rows, and for each column its repeated values, to be shared by the rows; filled by
     * the one thread that reads the table, read-only afterwards.
     */
    static final class Columns {
        /** A column with more distinct values than this is a key column: its values are not looked up any more. */
        private static final int DISTINCT = 4096;
        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private final List<Map<Object, Object>> seen = new ArrayList<>();

        int indexOf(String name) {
            Integer i = index.get(name);
            if (i == null) {
                i = names.size();
                names.add(name);
                index.put(name, i);
                seen.add(new HashMap<>());
            }
            return i;
        }

        private Object shared(int column, Object v) {
            if (v == null || v instanceof byte[]) {
                return v;
            }
            Map<Object, Object> s = seen.get(column);
            Object known = s.get(v);
            if (known != null) {
                return known;
            }
            if (s.size() < DISTINCT) {
                s.put(v, v);
            }
            return v;
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
