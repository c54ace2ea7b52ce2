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
 */
record PgLayer(LayerInfo info, String table, int srid, boolean view) {
    String name() {
        return info.name();
    }
}
