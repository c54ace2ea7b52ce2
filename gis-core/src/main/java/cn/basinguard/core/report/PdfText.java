package cn.basinguard.core.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/** Draws, measures and wraps text through a {@link FontChain}, one font run at a time. */
public final class PdfText {
    private static final String NO_LINE_START = "²）)】〕」』，。、；：！？,.;:%";

    private final FontChain regular;
    private final FontChain bold;

    public PdfText(FontChain regular, FontChain bold) {
        this.regular = regular;
        this.bold = bold;
    }

    public FontChain regular() {
        return regular;
    }

    public void draw(PDPageContentStream cs, String text, float x, float y, float size, boolean strong) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        if (strong) {
            // Droid Sans Fallback has no bold face: a thin outline stroke thickens CJK headings, text stays text
            cs.setLineWidth(size / 40f);
        }
        cs.beginText();
        cs.setRenderingMode(strong ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        cs.newLineAtOffset(x, y);
        for (FontChain.Run r : (strong ? bold : regular).runs(text)) {
            cs.setFont(r.font(), size);
            cs.showText(r.text());
        }
        cs.endText();
    }

    public float width(String text, float size, boolean strong) {
        return (strong ? bold : regular).width(text, size);
    }

    /**
     * Breaks text into lines no wider than {@code max}. Chinese has no spaces, so a line may break between any two
     * characters; Latin words are kept whole where they fit.
     */
    public List<String> wrap(String text, float max, float size, boolean strong) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int i = 0;
            while (i < para.length()) {
                int cp = para.codePointAt(i);
                int n = Character.charCount(cp);
                String candidate = line + para.substring(i, i + n);
                if (line.length() > 0 && width(candidate, size, strong) > max) {
                    int space = line.lastIndexOf(" ");
                    // keep a Latin word or number whole, but never at the cost of a half-empty line
                    boolean word = cp != ' ' && Character.isLetterOrDigit(cp) && cp < 0x2E80;
                    int run = asciiRunStart(line);
                    if (word && space > 0 && space < line.length() - 1 && line.length() - space <= 24
                            && line.substring(space + 1).chars().allMatch(c -> c < 0x2E80)) {
                        lines.add(line.substring(0, space));
                        line.delete(0, space + 1);
                    } else if (word && cp < 0x80 && run > 0 && line.length() - run <= 12) {
                        // a code or number after Chinese text (仅01耕地) moves down whole: "仅0 / 1耕地" misreads
                        lines.add(line.substring(0, run));
                        line.delete(0, run);
                    } else if (NO_LINE_START.indexOf(cp) >= 0 && line.length() > 1) {
                        // 禁则: a closing bracket, "²" or a comma never starts a line; the character before it moves down too
                        int last = line.offsetByCodePoints(line.length(), -1);
                        lines.add(line.substring(0, last));
                        line.delete(0, last);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    if (cp == ' ') {
                        i += n;
                        continue;
                    }
                }
                line.appendCodePoint(cp);
                i += n;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Where the run of ASCII letters and digits that ends {@code line} begins (line.length() when there is none). */
    private static int asciiRunStart(CharSequence line) {
        int i = line.length();
        while (i > 0 && line.charAt(i - 1) < 0x80 && Character.isLetterOrDigit(line.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
