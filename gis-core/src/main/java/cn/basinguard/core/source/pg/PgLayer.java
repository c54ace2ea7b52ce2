package cn.basinguard.core.source.pg;

import cn.basinguard.core.gpkg.LayerInfo;

/**
 * One layer of a schema as the reader needs it: what the program shows ({@link LayerInfo}) and where it is in the
 * database.
 *
 * @param table the table or view, unquoted
 * @param srid the SRID the rows carry (that of geometry_columns, or of the rows when a view declares none); 0 when
 *             the geometry column has none
 * @param view whether it is a view (its spatial index, if any, is that of the tables under it)
 * @param rows the SQL condition on the table's rows that makes this layer (null: all of them): the rows of one SRID,
 *             when a geometry column that declares none holds rows of several
 */
record PgLayer(LayerInfo info, String table, int srid, boolean view, String rows) {
    PgLayer(LayerInfo info, String table, int srid, boolean view) {
        this(info, table, srid, view, null);
    }

    String name() {
        return info.name();
    }

    /** {@code FROM schema.table}, and {@code WHERE} the layer's rows when it is not the whole table. */
    String from(PgAddress address) {
        return " FROM " + PgCatalog.id(address.schema()) + "." + PgCatalog.id(table) + (rows == null ? "" : " WHERE " + rows);
    }
}
