package cn.basinguard.app.ui;

import cn.basinguard.data.SampleData;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Makes every text of the window draw the characters of the data, whatever CJK font the desktop has.
 *
 * <p>On Linux JavaFX draws a character that its font lacks with the next font of one fallback list, which it asks
 * fontconfig for once ({@code FcFontSort} of "sans" for the startup locale), keeping only TrueType fonts that add
 * glyphs. Noto Sans CJK is CFF and is skipped, and with WenQuanYi Micro Hei as the desktop's CJK font nothing in the
 * list has CJK Extension A: 㵐 (U+3D50) of 㵐水片区 became a box in every table, tab and dialog. Naming a font in CSS
 * does not help: JavaFX's CSS takes only the first family of a {@code -fx-font-family} list, and making the bundled
 * font the primary one moves every line (its ascent and descent differ) and draws ordinary CJK in it instead of the
 * desktop's font. So the bundled Droid Sans Fallback (the sheets' CJK font, which has Extension A) is appended to the
 * end of that list: Latin and ordinary CJK are drawn exactly as before, and only characters that no desktop font has
 * come from it. This uses JavaFX's font classes ({@code com.sun.javafx.font}, public but not an API), so any failure
 * is reported on stderr and the window starts as it would without it; the GTK glyph test (DesktopGlyphTest) proves
 * it from the screen's pixels. Windows and macOS fall back through DirectWrite and Core Text and are left alone.
 */
final class DesktopFonts {
    static final String FAMILY = "Droid Sans Fallback";
    static final String RESOURCE = "/cn/basinguard/core/report/fonts/DroidSansFallbackFull.ttf";
    private static boolean installed;

    private DesktopFonts() {
    }

    /**
     * Must run on the JavaFX thread before any text is laid out: JavaFX keeps each font's fallback list from its first
     * use. Does its work once; later calls do nothing.
     */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return;
        }
        try {
            Path file = bundledFile();
            FontConfigFallback.append(FAMILY, file);
            // also known by name, and to fontconfig for the runs JavaFX shapes with Pango; after the list is made, so
            // that it does not join that list wherever fontconfig would sort it
            javafx.scene.text.Font.loadFont(file.toUri().toString(), 13);
        } catch (IOException | RuntimeException | LinkageError e) {
            System.err.println("basinguard: " + UiText.get("fonts.fallbackFailed", String.valueOf(e)));
        }
    }

    /** The bundled font as a file (fontconfig and FreeType read files): a copy in the user's cache when it is in a jar. */
    static Path bundledFile() throws IOException {
        URL url = DesktopFonts.class.getResource(RESOURCE);
        if (url == null) {
            throw new IOException(RESOURCE + " is not on the classpath");
        }
        return SampleData.cachedCopy(url, "DroidSansFallbackFull", ".ttf");
    }

    /** The part that touches JavaFX's own classes, kept apart so that their absence is one catchable error. */
    private static final class FontConfigFallback {
        static void append(String name, Path file) {
            // loads JavaFX's font library, which the fontconfig query needs; the default font's own fallback list is
            // read only when it first draws
            javafx.scene.text.Font.getDefault();
            for (int style = 0; style < 4; style++) {
                com.sun.javafx.font.FontConfigManager.FcCompFont list =
                        com.sun.javafx.font.FontConfigManager.getFontConfigFont("sans", (style & 1) != 0, (style & 2) != 0);
                if (list == null) {
                    throw new IllegalStateException("fontconfig gave JavaFX no fonts");
                }
                // last, whatever was there: only characters that no desktop font has may come from it
                var all = list.allFonts == null ? new com.sun.javafx.font.FontConfigManager.FontConfigFont[0]
                        : Arrays.stream(list.allFonts).filter(f -> !file.toString().equals(f.fontFile))
                                .toArray(com.sun.javafx.font.FontConfigManager.FontConfigFont[]::new);
                var font = new com.sun.javafx.font.FontConfigManager.FontConfigFont();
                font.familyName = name;
                font.fullName = name;
                font.styleStr = "Regular";
                font.fontFile = file.toString();
                all = Arrays.copyOf(all, all.length + 1);
                all[all.length - 1] = font;
                list.allFonts = all;
            }
        }
    }
}
