package cn.basinguard.core.source.pg;

import cn.basinguard.core.GisException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns what the driver and the server say into one line a planner can act on: which of host, port, password,
 * database or schema is wrong and what to do about it. The server's own words are kept only where they add
 * something (they never hold a password: PostgreSQL does not echo one).
 */
final class PgErrors {
    private PgErrors() {
    }

    /** A failure to connect to {@code a}. */
    static GisException connecting(SQLException e, PgAddress a, boolean hadPassword) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new GisException(e, "pg.unknownHost", a.host(), a.uri());
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new GisException(e, "pg.refused", a.host(), a.port());
        }
        if (cause instanceof SocketTimeoutException || state.equals("08001") && String.valueOf(e.getMessage()).contains("timed out")) {
            return new GisException(e, "pg.timeout", a.host(), a.port());
        }
        switch (state) {
            case "28P01":
                return new GisException(e, "pg.wrongPassword", a.user(), a.uri());
            case "08004":
                // the driver's words for "the server wants a password and none was given"
                if (!hadPassword) {
                    return new GisException(e, "pg.noPassword", a.uri(), a.host(), a.port(), a.database(), a.user());
                }
                return new GisException(e, "pg.refusedLogin", a.uri(), serverText(e));
            case "28000":
                return new GisException(e, "pg.refusedLogin", a.uri(), serverText(e));
            case "3D000":
                return new GisException(e, "pg.noDatabase", a.database(), a.host(), a.port());
            case "53300":
                return new GisException(e, "pg.tooManyConnections", a.host(), a.port());
            case "57P03":
                return new GisException(e, "pg.starting", a.host(), a.port());
            default:
                if (state.startsWith("08")) {
                    return new GisException(e, "pg.refused", a.host(), a.port());
                }
                return new GisException(e, "pg.connectFailed", a.uri(), serverText(e));
        }
    }

    /** Whether the connection is gone: the server ended it, the network dropped it, or it was closed under us. */
    static boolean isLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57P");
    }

    /** A failure while reading {@code layer} of {@code a}. */
    static GisException reading(SQLException e, PgAddress a, String layer) {
        if (isLost(e)) {
            return new GisException(e, "pg.connectionLost", a.label(), layer, a.host(), a.port());
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("42501")) {
            return new GisException(e, "pg.denied", a.label() + "." + layer, a.user());
        }
        return new GisException(e, "pg.readFailed", a.label(), layer, serverText(e));
    }

    /** The server's primary message, else the driver's first line. */
    static String serverText(SQLException e) {
        if (e instanceof PSQLException p) {
            ServerErrorMessage m = p.getServerErrorMessage();
            if (m != null && m.getMessage() != null) {
                return m.getMessage();
            }
        }
        String s = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
