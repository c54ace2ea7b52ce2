package cn.basinguard.core.map;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks, per string, an installed font that has a glyph for every character of it. Chinese planning data holds
 * characters outside the common CJK block — 㵐 (U+3D50) in 㵐水片区 is CJK Extension A, missing from WenQuanYi and
 * others — so the first family of the preference list that can show the whole string wins.
 */
public final class FontChooser {
    /** Windows offices first, then the free families of Linux. */
    static final List<String> PREFERRED = List.of("Microsoft YaHei", "SimSun", "NSimSun", "Noto Sans CJK SC", "Source Han Sans SC",
            "Droid Sans Fallback", "WenQuanYi Micro Hei", "AR PL UMing CN");
    private static final Set<String> INSTALLED = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    private static final ConcurrentHashMap<String, Font> BASE = new ConcurrentHashMap<>();

    private FontChooser() {
    }

    /** A font of {@code size} pixels (points in print) that displays all of {@code text}; SansSerif when none does. */
    public static Font fontFor(String text, int style, float size) {
        for (String family : PREFERRED) {
            if (INSTALLED.contains(family)) {
                Font f = BASE.computeIfAbsent(family, n -> new Font(n, Font.PLAIN, 12));
                if (f.canDisplayUpTo(text) == -1) {
                    return f.deriveFont(style, size);
                }
            }
        }
        return new Font(Font.SANS_SERIF, style, Math.round(size)).deriveFont(size);
    }

    /** Whether some installed font can display the whole of {@code text}. */
    public static boolean canDisplay(String text) {
        return fontFor(text, Font.PLAIN, 12).canDisplayUpTo(text) == -1;
    }
}
