package cn.basinguard.core.source.pg;

import cn.basinguard.core.GisException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a PostGIS schema is, as the user writes it: {@code postgresql://USER@HOST:PORT/DB?schema=NAME}, the URI form
 * of libpq (psql, QGIS, GDAL). What is left out comes from PGUSER, PGHOST, PGPORT, PGDATABASE as libpq takes it (then
 * the login name, localhost, 5432, the user's name); the schema is {@code public} unless named. A password is never
 * part of it: one written into the address is refused (it would end up in shell history, settings and reports),
 * and the message says where a password goes instead.
 *
 * @param sslMode libpq's sslmode when given (disable, prefer, require, verify-ca, verify-full), else null
 * @param connectTimeoutSeconds libpq's connect_timeout, or 0 for the driver's default
 */
public record PgAddress(String user, String host, int port, String database, String schema, String sslMode,
                        int connectTimeoutSeconds) {
    public static final int DEFAULT_PORT = 5432;

    /** Whether a name the user gave is a database address rather than a file. */
    public static boolean isAddress(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.startsWith("postgresql://") || n.startsWith("postgres://");
    }

    /** Reads an address; the message of a bad one names it without anything that could be a password. */
    public static PgAddress parse(String uri) {
        return parse(uri, System.getenv());
    }

    static PgAddress parse(String uri, Map<String, String> env) {
        String s = uri.strip();
        int scheme = s.indexOf("://");
        String rest = s.substring(scheme + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            if (userInfo.contains(":")) {
                throw new GisException("pg.passwordInAddress", redacted(uri));
            }
            user = decode(userInfo, uri);
        }
        String host = null;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new GisException("pg.badAddress", redacted(uri));
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new GisException("pg.badAddress", redacted(uri));
            }
        } else {
            int colon = rest.indexOf(':');
            host = colon >= 0 ? rest.substring(0, colon) : rest;
            portText = colon >= 0 ? rest.substring(colon + 1) : null;
        }
        if (host.contains(",")) {
            throw new GisException("pg.severalHosts", redacted(uri));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : query.split("&")) {
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = decode(eq < 0 ? p : p.substring(0, eq), uri).toLowerCase(Locale.ROOT);
            if (key.equals("password")) {
                throw new GisException("pg.passwordInAddress", redacted(uri));
            }
            params.put(key, eq < 0 ? "" : decode(p.substring(eq + 1), uri));
        }
        for (String key : params.keySet()) {
            if (!key.equals("schema") && !key.equals("sslmode") && !key.equals("connect_timeout")) {
                throw new GisException("pg.unknownParameter", key, redacted(uri));
            }
        }
        user = orDefault(user, env.get("PGUSER"), System.getProperty("user.name"));
        host = orDefault(host.isEmpty() ? null : decode(host, uri), env.get("PGHOST"), "localhost");
        if (host.startsWith("/")) {
            throw new GisException("pg.socketHost", host);
        }
        int port = port(orDefault(portText == null || portText.isEmpty() ? null : portText, env.get("PGPORT"), Integer.toString(DEFAULT_PORT)), uri);
        String database = orDefault(path.isEmpty() ? null : decode(path, uri), env.get("PGDATABASE"), user);
        String schema = params.getOrDefault("schema", "");
        schema = schema.isBlank() ? "public" : schema.strip();
        int timeout = 0;
        if (params.containsKey("connect_timeout")) {
            try {
                timeout = Math.max(0, Integer.parseInt(params.get("connect_timeout").strip()));
            } catch (NumberFormatException e) {
                throw new GisException("pg.badAddress", redacted(uri));
            }
        }
        String ssl = params.get("sslmode");
        return new PgAddress(user, host, port, database, schema, ssl == null || ssl.isBlank() ? null : ssl.strip(), timeout);
    }

    /** The address as it is shown, stored and written into reports: no password, ever (it holds none). */
    public String uri() {
        StringBuilder b = new StringBuilder("postgresql://").append(encode(user)).append('@');
        b.append(host.contains(":") ? "[" + host + "]" : encode(host)).append(':').append(port).append('/').append(encode(database));
        b.append("?schema=").append(encode(schema));
        if (sslMode != null) {
            b.append("&sslmode=").append(encode(sslMode));
        }
        if (connectTimeoutSeconds > 0) {
            b.append("&connect_timeout=").append(connectTimeoutSeconds);
        }
        return b.toString();
    }

    /** "库名 / 模式" as lists show a source. */
    public String label() {
        return database + "/" + schema;
    }

    /** The JDBC URL the driver connects to (no user or password in it: those go as properties). */
    String jdbcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return uri();
    }

    private static int port(String text, String uri) {
        try {
            int p = Integer.parseInt(text.strip());
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new GisException("pg.badPort", text, redacted(uri));
    }

    private static String orDefault(String value, String env, String fallback) {
        if (value != null && !value.isEmpty()) {
            return value;
        }
        return env != null && !env.isEmpty() ? env : fallback;
    }

    private static String decode(String s, String uri) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GisException("pg.badAddress", redacted(uri));
        }
    }

    /** Percent-encodes only what would break the address; Chinese names stay readable. */
    private static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '%' || c == '@' || c == ':' || c == '/' || c == '?' || c == '&' || c == '=' || c == '#' || c == ' ' || c < 0x20) {
                b.append(String.format(Locale.ROOT, "%%%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The address with the user-info part and any password parameter blanked out, for messages. */
    static String redacted(String uri) {
        String s = uri.strip();
        int scheme = s.indexOf("://");
        int end = s.indexOf('/', scheme + 3);
        String authority = end < 0 ? s.substring(scheme + 3) : s.substring(scheme + 3, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                s = s.substring(0, scheme + 3) + userInfo.substring(0, colon) + ":***" + s.substring(scheme + 3 + at);
            }
        }
        return s.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }
}
