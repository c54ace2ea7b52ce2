package cn.basinguard.core.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * File names from unit and site names, which come from attribute data and may hold anything: path separators, "..",
 * control characters, Windows-reserved characters and names, or hundreds of characters. Each name handed out is
 * safe on Windows and Linux and unique (case-insensitively, as on Windows) among the names of one export.
 */
public final class SafeFileNames {
    /** Leaves room for a suffix, an extension and a deep folder under Windows' 260-character path limit. */
    static final int MAX_STEM = 80;
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5",
            "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private final Set<String> used = new HashSet<>();

    /** A unique safe file name: {@code stem} cleaned, then "-2", "-3" … when taken, plus the extension. */
    public String next(String stem, String extension) {
        String base = clean(stem);
        String name = base;
        for (int n = 2; !used.add((name + "." + extension).toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + n;
        }
        return name + "." + extension;
    }

    static String clean(String raw) {
        StringBuilder b = new StringBuilder();
        String s = raw == null ? "" : raw.strip();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean bad = Character.isISOControl(cp) || "/\\:*?\"<>|".indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.UNASSIGNED;
            b.appendCodePoint(bad ? '_' : cp);
        }
        String out = b.toString().replace("..", "_");
        // Windows drops trailing dots and spaces; a leading dot hides the file on Linux
        out = out.replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (out.codePointCount(0, out.length()) > MAX_STEM) {
            out = out.substring(0, out.offsetByCodePoints(0, MAX_STEM));
        }
        if (out.isEmpty() || out.chars().allMatch(c -> c == '_')) {
            out = "sheet";
        }
        String head = out.contains(".") ? out.substring(0, out.indexOf('.')) : out;
        if (RESERVED.contains(head.toUpperCase(Locale.ROOT))) {
            out = "_" + out;
        }
        return out;
    }
}
