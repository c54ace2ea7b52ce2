package cn.basinguard.app.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The coordinate labels round a printed map, read from the page's glyphs: each label's value and the position of
 * its centre along its line of text, grouped by the line (top, bottom, left, right), so neighbours can be compared.
 */
final class EdgeLabels extends PDFTextStripper {
    /** A label: its metres, and its centre along the direction its text runs, in points. */
    record Label(long metres, double along) {
    }

    private record Glyph(String c, double along, double across, double advance, int dir) {
    }

    private final float size;
    private final List<Glyph> glyphs = new ArrayList<>();

    private EdgeLabels(float size) {
        this.size = size;
    }

    /** The rows of labels of page {@code page} (from 1) set in {@code size} points, each in reading order. */
    static List<List<Label>> of(PDDocument doc, int page, float size) throws IOException {
        EdgeLabels s = new EdgeLabels(size);
        s.setStartPage(page);
        s.setEndPage(page);
        s.getText(doc);
        return s.rows();
    }

    @Override
    protected void processTextPosition(TextPosition t) {
        String c = t.getUnicode();
        if (Math.abs(t.getFontSize() - size) > 0.01 || !(c.isBlank() || Character.isDigit(c.charAt(0)))) {
            return;
        }
        var m = t.getTextMatrix();
        double a = m.getScaleX();
        double b = m.getShearY();
        double len = Math.hypot(a, b);
        double ux = a / len;
        double uy = b / len;
        double x = m.getTranslateX();
        double y = m.getTranslateY();
        int dir = (int) Math.round(Math.toDegrees(Math.atan2(uy, ux)));
        glyphs.add(new Glyph(c, x * ux + y * uy, -x * uy + y * ux, t.getWidthDirAdj(), dir));
    }

    private List<List<Label>> rows() {
        Map<String, List<Glyph>> lines = new LinkedHashMap<>();
        for (Glyph g : glyphs) {
            lines.computeIfAbsent(g.dir + "/" + Math.round(g.across * 10), k -> new ArrayList<>()).add(g);
        }
        List<List<Label>> rows = new ArrayList<>();
        for (List<Glyph> line : lines.values()) {
            line.sort(Comparator.comparingDouble(Glyph::along));
            List<Label> row = new ArrayList<>();
            StringBuilder digits = new StringBuilder();
            Glyph first = null;
            Glyph last = null;
            for (Glyph g : line) {
                // a gap wider than a few spaces ends a label
                if (last != null && g.along - (last.along + last.advance) > 2 * size) {
                    row.add(label(digits, first, last));
                    digits.setLength(0);
                    first = null;
                }
                first = first == null ? g : first;
                last = g;
                digits.append(g.c.strip());
            }
            if (first != null) {
                row.add(label(digits, first, last));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Label label(CharSequence digits, Glyph first, Glyph last) {
        return new Label(Long.parseLong(digits.toString()), (first.along + last.along + last.advance) / 2);
    }
}
