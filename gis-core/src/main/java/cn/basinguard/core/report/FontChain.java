package cn.basinguard.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one PDF, tried in order for every code point. No single freely redistributable TrueType font covers
 * both Latin digits and all the CJK the data uses (㵐 is in CJK Extension A): DejaVu Sans has the Latin, digits and
 * symbols but no CJK; Droid Sans Fallback has CJK including Extension A but no Latin. Both are bundled (see the
 * README and the licence files beside them) so a sheet prints the same on a fresh Windows PC as here; Noto Sans CJK
 * is CFF-based and PDFBox cannot embed it. Fonts are embedded as subsets, so text stays selectable and searchable.
 */
public final class FontChain {
    static final String FONT_DIR = "fonts/";
    private static final List<String> REGULAR = List.of("DejaVuSans.ttf", "DroidSansFallbackFull.ttf");
    private static final List<String> BOLD = List.of("DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf");

    /** A run of text that one font draws. */
    public record Run(PDType0Font font, String text) {
    }

    private final List<PDType0Font> fonts;

    private FontChain(List<PDType0Font> fonts) {
        this.fonts = fonts;
    }

    /**
     * Regular and bold chains that share one Droid Sans Fallback (it has no bold face), so the document embeds one
     * CJK subset instead of two.
     */
    public static FontChain[] regularAndBold(PDDocument doc) {
        PDType0Font latin = font(doc, REGULAR.get(0));
        PDType0Font latinBold = font(doc, BOLD.get(0));
        PDType0Font cjk = font(doc, REGULAR.get(1));
        return new FontChain[] {new FontChain(List.of(latin, cjk)), new FontChain(List.of(latinBold, cjk))};
    }

    public static FontChain regular(PDDocument doc) {
        return load(doc, REGULAR);
    }

    public static FontChain bold(PDDocument doc) {
        return load(doc, BOLD);
    }

    private static FontChain load(PDDocument doc, List<String> names) {
        List<PDType0Font> fonts = new ArrayList<>();
        for (String name : names) {
            fonts.add(font(doc, name));
        }
        return new FontChain(fonts);
    }

    private static PDType0Font font(PDDocument doc, String name) {
        try (InputStream in = FontChain.class.getResourceAsStream(FONT_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing from the build: " + name);
            }
            return PDType0Font.load(doc, in, true);
        } catch (IOException e) {
            throw new IllegalStateException("bundled font unreadable: " + name, e);
        }
    }

    /** The first font that has a glyph for the code point, or null when none has. */
    public PDType0Font fontFor(int codePoint) {
        for (PDType0Font f : fonts) {
            if (f.getCmapLookup().getGlyphId(codePoint) > 0) {
                return f;
            }
        }
        return null;
    }

    /** Code points that no font of the chain can draw (a sheet must never show a blank box). */
    public List<String> missing(String text) {
        List<String> missing = new ArrayList<>();
        text.codePoints().filter(cp -> !Character.isWhitespace(cp) && fontFor(cp) == null)
                .forEach(cp -> missing.add(new String(Character.toChars(cp))));
        return missing;
    }

    /** Splits text into runs per font; a code point no font has becomes "?" so the gap is visible. */
    public List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        PDType0Font current = null;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                cp = ' ';
            }
            PDType0Font f = fontFor(cp);
            if (f == null) {
                cp = '?';
                f = fontFor(cp);
            }
            if (f != current && b.length() > 0) {
                runs.add(new Run(current, b.toString()));
                b.setLength(0);
            }
            current = f;
            b.appendCodePoint(cp);
        }
        if (b.length() > 0) {
            runs.add(new Run(current, b.toString()));
        }
        return runs;
    }

    public float width(String text, float size) {
        float w = 0;
        try {
            for (Run r : runs(text)) {
                w += r.font().getStringWidth(r.text()) / 1000f * size;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w;
    }
}
