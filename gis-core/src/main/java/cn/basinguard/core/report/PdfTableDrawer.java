package cn.basinguard.core.report;

import cn.basinguard.core.i18n.Messages;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Draws a {@link SheetTable} with ruled cells, wrapping text and repeating the header after a page break. */
final class PdfTableDrawer {
    static final float SIZE = 7.5f;
    private static final float LINE = 9.5f;
    private static final float PAD = 2.5f;
    private static final Color HEADER = new Color(0xE4, 0xE9, 0xF0);

    private final PdfText text;

    PdfTableDrawer(PdfText text) {
        this.text = text;
    }

    void draw(PdfPageFlow flow, SheetTable table) throws IOException {
        float[] widths = widths(table, flow.width());
        List<List<String>> header = wrapRow(table.header(), widths, true);
        flow.ensure(16 + height(header) + LINE + 2 * PAD);
        flow.down(12);
        text.draw(flow.cs(), table.caption(), flow.left(), flow.y(), 9.5f, true);
        flow.down(5);
        drawRow(flow, header, widths, List.of(), true);
        if (table.isEmpty()) {
            List<String> none = new ArrayList<>();
            none.add(Messages.get("sheet.none"));
            drawRow(flow, List.of(none), new float[] {flow.width()}, List.of(), false);
            return;
        }
        for (List<SheetCell> row : table.rows()) {
            List<List<String>> cells = wrapRow(row, widths, false);
            if (flow.ensure(height(cells))) {
                drawRow(flow, header, widths, List.of(), true);
            }
            drawRow(flow, cells, widths, row, false);
        }
    }

    private float[] widths(SheetTable t, float total) {
        int sum = t.weights().stream().mapToInt(Integer::intValue).sum();
        float[] w = new float[t.weights().size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = total * t.weights().get(i) / sum;
        }
        return w;
    }

    private List<List<String>> wrapRow(List<?> cells, float[] widths, boolean strong) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Object c = cells.get(i);
            String s = c instanceof SheetCell sc ? sc.text() : String.valueOf(c);
            out.add(c instanceof SheetCell sc && sc.isNumber() ? number(s, widths[i], strong) : text.wrap(s, widths[i] - 2 * PAD, SIZE, strong));
        }
        return out;
    }

    /**
     * A figure on one line when it fits the cell with {@link #MIN_PAD} each side, even where the padding would have it
     * wrap: a share of "100.00" broken into "100." and "00" (the site sheet's 压占比 column) reads as another figure.
     */
    List<String> number(String s, float width, boolean strong) {
        return text.width(s, SIZE, strong) <= width - 2 * MIN_PAD ? List.of(s) : text.wrap(s, width - 2 * PAD, SIZE, strong);
    }

    /** The least room a figure kept on one line leaves each side of it. */
    private static final float MIN_PAD = 1f;

    private static float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * LINE + 2 * PAD;
    }

    private void drawRow(PdfPageFlow flow, List<List<String>> cells, float[] widths, List<SheetCell> source, boolean header)
            throws IOException {
        PDPageContentStream cs = flow.cs();
        float h = height(cells);
        float top = flow.y();
        float x = flow.left();
        if (header) {
            cs.setNonStrokingColor(HEADER);
            cs.addRect(x, top - h, flow.width(), h);
            cs.fill();
        }
        cs.setStrokingColor(Color.DARK_GRAY);
        cs.setLineWidth(0.5f);
        for (int i = 0; i < cells.size(); i++) {
            cs.addRect(x, top - h, widths[i], h);
            cs.stroke();
            cs.setNonStrokingColor(Color.BLACK);
            boolean right = !header && i < source.size() && source.get(i).isNumber();
            float ly = top - PAD - SIZE;
            for (String line : cells.get(i)) {
                float w = right ? text.width(line, SIZE, false) : 0;
                // a figure wider than the padding leaves (see number) is centred in what room there is
                float lx = right ? x + widths[i] - Math.min(PAD, (widths[i] - w) / 2) - w : x + PAD;
                text.draw(cs, line, lx, ly, SIZE, header);
                ly -= LINE;
            }
            x += widths[i];
        }
        flow.down(h);
    }
}
