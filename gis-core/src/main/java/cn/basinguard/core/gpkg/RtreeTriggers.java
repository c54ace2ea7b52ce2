package cn.basinguard.core.gpkg;

import java.util.List;

/**
 * The six R-tree maintenance triggers of the GeoPackage 1.2/1.3 R-tree extension (insert, update1–4, delete).
 * They call ST_IsEmpty/ST_MinX… which GeoPackage-aware SQLite builds (GDAL, QGIS) register; plain SQLite lacks
 * them, which is why the writer creates the triggers only after its own bulk load.
 */
final class RtreeTriggers {
    private RtreeTriggers() {
    }

    static List<String> sql(String table, String geomColumn, String idColumn) {
        String t = GeoPackageWriter.q(table);
        String c = GeoPackageWriter.q(geomColumn);
        String i = GeoPackageWriter.q(idColumn);
        String rtreeName = "rtree_" + table + "_" + geomColumn;
        String r = GeoPackageWriter.q(rtreeName);
        String values = "VALUES (NEW." + i + ", ST_MinX(NEW." + c + "), ST_MaxX(NEW." + c + "), ST_MinY(NEW." + c
                + "), ST_MaxY(NEW." + c + "))";
        String notEmpty = "(NEW." + c + " NOTNULL AND NOT ST_IsEmpty(NEW." + c + "))";
        String empty = "(NEW." + c + " ISNULL OR ST_IsEmpty(NEW." + c + "))";
        return List.of(
                "CREATE TRIGGER " + trigger(rtreeName, "insert") + " AFTER INSERT ON " + t
                        + " WHEN (new." + c + " NOT NULL AND NOT ST_IsEmpty(NEW." + c + "))"
                        + " BEGIN INSERT OR REPLACE INTO " + r + " " + values + "; END",
                "CREATE TRIGGER " + trigger(rtreeName, "update1") + " AFTER UPDATE OF " + c + " ON " + t
                        + " WHEN OLD." + i + " = NEW." + i + " AND " + notEmpty
                        + " BEGIN INSERT OR REPLACE INTO " + r + " " + values + "; END",
                "CREATE TRIGGER " + trigger(rtreeName, "update2") + " AFTER UPDATE OF " + c + " ON " + t
                        + " WHEN OLD." + i + " = NEW." + i + " AND " + empty
                        + " BEGIN DELETE FROM " + r + " WHERE id = OLD." + i + "; END",
                "CREATE TRIGGER " + trigger(rtreeName, "update3") + " AFTER UPDATE ON " + t
                        + " WHEN OLD." + i + " != NEW." + i + " AND " + notEmpty
                        + " BEGIN DELETE FROM " + r + " WHERE id = OLD." + i + "; INSERT OR REPLACE INTO " + r + " "
                        + values + "; END",
                "CREATE TRIGGER " + trigger(rtreeName, "update4") + " AFTER UPDATE ON " + t
                        + " WHEN OLD." + i + " != NEW." + i + " AND " + empty
                        + " BEGIN DELETE FROM " + r + " WHERE id IN (OLD." + i + ", NEW." + i + "); END",
                "CREATE TRIGGER " + trigger(rtreeName, "delete") + " AFTER DELETE ON " + t
                        + " WHEN old." + c + " NOT NULL"
                        + " BEGIN DELETE FROM " + r + " WHERE id = OLD." + i + "; END");
    }

    private static String trigger(String rtreeName, String suffix) {
        return GeoPackageWriter.q(rtreeName + "_" + suffix);
    }
}
