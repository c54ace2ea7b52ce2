package cn.basinguard.core.source.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the password for an address as psql does, so a planner sets it up once for every PostgreSQL tool: first the
 * PGPASSWORD environment variable, then the password file (PGPASSFILE, else ~/.pgpass, on Windows
 * %APPDATA%\postgresql\pgpass.conf) with lines {@code host:port:database:user:password}, {@code *} matching any
 * value in the first four fields, {@code \:} and {@code \\} as escapes, the first matching line winning. As libpq
 * does, a password file that others may read (any group or other permission on Unix) is not used, and the caller
 * is told why. The password is handed to the driver and kept nowhere else.
 */
public final class PgPassword {
    private PgPassword() {
    }

    /** The password for {@code a}, or null when neither PGPASSWORD nor a password file gives one. */
    public static String find(PgAddress a, Consumer<String> warnings) {
        return find(a, System.getenv(), Path.of(System.getProperty("user.home")), isWindows(), warnings);
    }

    static String find(PgAddress a, Map<String, String> env, Path home, boolean windows, Consumer<String> warnings) {
        String pw = env.get("PGPASSWORD");
        if (pw != null && !pw.isEmpty()) {
            return pw;
        }
        Path file = passFile(env, home, windows);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        if (!windows && othersMayRead(file)) {
            warnings.accept(cn.basinguard.core.i18n.Messages.get("pg.passfileOpen", file));
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            warnings.accept(cn.basinguard.core.i18n.Messages.get("pg.passfileUnreadable", file, e.getMessage()));
            return null;
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = fields(line);
            if (f.size() < 5) {
                continue;
            }
            if (matches(f.get(0), a.host()) && matches(f.get(1), Integer.toString(a.port()))
                    && matches(f.get(2), a.database()) && matches(f.get(3), a.user())) {
                return f.get(4);
            }
        }
        return null;
    }

    static Path passFile(Map<String, String> env, Path home, boolean windows) {
        String named = env.get("PGPASSFILE");
        if (named != null && !named.isEmpty()) {
            return Path.of(named);
        }
        if (windows) {
            String appData = env.get("APPDATA");
            return appData == null ? null : Path.of(appData, "postgresql", "pgpass.conf");
        }
        return home.resolve(".pgpass");
    }

    private static boolean othersMayRead(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.stream().anyMatch(x -> x.name().startsWith("GROUP_") || x.name().startsWith("OTHERS_"));
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static boolean matches(String field, String value) {
        return field.equals("*") || field.equals(value);
    }

    /** The colon-separated fields of a line, backslash escapes undone; the fifth ends at the next unescaped colon or the line's end. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                b.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(b.toString());
                b.setLength(0);
            } else if (c == ':') {
                break; // as libpq: the password ends at an unescaped colon
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
