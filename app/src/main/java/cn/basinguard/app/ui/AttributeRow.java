package cn.basinguard.app.ui;

import cn.basinguard.core.loaded.AttributeColumns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A row of an attribute table: a feature's key, its place in its table's {@link Columns}, and its geometry only for
 * layers the window holds nowhere else (imported or drawn sites). A layer read from its file keeps no geometry here —
 * the map holds every feature already, and a selected row's geometry is taken from the map by its key. The values are
 * kept by column ({@link AttributeColumns}): the window's loaded layer's own, for a layer read from its data (the table
 * copies nothing), or a table's own for imported rows.
 * Equal only to itself: table cells compare their old and new item on every scroll.
 */
final class AttributeRow {
    private final long fid;
    private final AttributeColumns columns;
    private final int row;
    private final Geometry geometry;

    private AttributeRow(long fid, AttributeColumns columns, int row, Geometry geometry) {
        this.fid = fid;
        this.columns = columns;
        this.row = row;
        this.geometry = geometry;
    }

    /** The next row of {@code columns} (which learn any name they lack): {@code attributes}, with {@code geometry} or null. */
    static AttributeRow of(long fid, Map<String, Object> attributes, Geometry geometry, AttributeColumns columns) {
        return new AttributeRow(fid, columns, columns.add(attributes), geometry);
    }

    /** Row {@code row} of columns filled already (the window's loaded layer): nothing is copied. */
    static AttributeRow at(long fid, AttributeColumns columns, int row) {
        return new AttributeRow(fid, columns, row, null);
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
        int i = columns.column(name);
        return i < 0 ? null : columns.value(i, row);
    }

    /** The values by column name, in column order (made anew: for the few rows asked for). */
    Map<String, Object> attributes() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = columns.names();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), columns.value(i, row));
        }
        return out;
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
