package cn.basinguard.core.gpkg;

import cn.basinguard.core.GisException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's errors into messages a planner can act on. */
final class SqliteErrors {
    private SqliteErrors() {
    }

    static GisException translate(SQLException e, Path file, String layer) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
        int primary = code == null ? e.getErrorCode() : code.code & 0xFF;
        String where = layer == null ? file.toString() : file + " / " + layer;
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new GisException(e, "gpkg.notSqlite", file);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_FORMAT.code
                || primary == SQLiteErrorCode.SQLITE_IOERR.code && String.valueOf(e.getMessage()).contains("short read")) {
            return new GisException(e, "gpkg.corrupt", where);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code || primary == SQLiteErrorCode.SQLITE_PERM.code
                || primary == SQLiteErrorCode.SQLITE_AUTH.code) {
            return new GisException(e, "gpkg.unreadable", file, firstLine(e.getMessage()));
        }
        return new GisException(e, "gpkg.sqlError", where, firstLine(e.getMessage()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
