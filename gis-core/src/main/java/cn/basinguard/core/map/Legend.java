package cn.basinguard.core.map;

import cn.basinguard.core.i18n.Messages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The legend: one entry per visible layer, its style swatch and its name, on a white box; under a layer drawn by land
 * class, the classes present in view grouped by first-level class, each with its colour.
 */
public final class Legend {
    private Legend() {
    }

    /** Draws the legend of the whole layers with its top-left corner at (x, y); returns its height. */
    public static double paint(Graphics2D g, List<MapLayer> layers, double x, double y, float textSize) {
        return paint(g, layers, null, x, y, textSize);
    }

    /** One row of the legend: a layer, a first-level class heading (no swatch) or a land class. */
    private record Row(String text, LayerStyle swatch, int indent, boolean heading) {
    }

    /**
     * Draws the legend with its top-left corner at (x, y); returns its height.
     *
     * @param view the map's extent in map units: the land classes listed are those of the patches in it (null: all)
     */
    public static double paint(Graphics2D g, List<MapLayer> layers, Envelope view, double x, double y, float textSize) {
        return paint(g, layers, view, x, y, textSize, Double.POSITIVE_INFINITY);
    }

    /**
     * As above, no taller than {@code maxHeight}: rows that do not fit flow into further columns to the right (a land-use
     * layer's classes are some fifty rows, taller than a sheet's location map, where a single column ran off the map's
     * foot and over its scale bar). A class heading never ends a column.
     */
    public static double paint(Graphics2D g, List<MapLayer> layers, Envelope view, double x, double y, float textSize, double maxHeight) {
        List<Row> rows = new ArrayList<>();
        for (MapLayer l : layers) {
            if (!l.visible()) {
                continue;
            }
            // a layer drawn by land class has no one fill: its row shows the outline, its classes the fills
            rows.add(new Row(l.name(), l.byLandClass() ? l.style().withFill(null) : l.style(), 0, false));
            for (LandClassLegend.Group grp : LandClassLegend.of(l, view)) {
                rows.add(new Row(grp.title(), null, 1, true));
                for (LandClassLegend.Line line : grp.lines()) {
                    rows.add(new Row(line.text(), l.style().withFill(line.colour()), 1, false));
                }
            }
        }
        double row = textSize * 1.7;
        double sw = textSize * 2.2;
        double indent = textSize * 1.2;
        int perColumn = (int) Math.max(2, Math.min(rows.size(), Math.floor((maxHeight - 10 - row) / row)));
        // the columns: each as many rows as fit, a heading moved on to the next column rather than left at the foot
        List<List<Row>> columns = new ArrayList<>();
        List<Row> column = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean lastOfColumn = column.size() == perColumn - 1;
            if (column.size() == perColumn || (lastOfColumn && r.heading() && i + 1 < rows.size() && !column.isEmpty())) {
                columns.add(column);
                column = new ArrayList<>();
            }
            column.add(r);
        }
        if (!column.isEmpty() || columns.isEmpty()) {
            columns.add(column);
        }
        double[] widths = new double[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = sw + 8;
            for (Row r : columns.get(c)) {
                g.setFont(FontChooser.fontFor(r.text(), Font.PLAIN, textSize));
                widths[c] = Math.max(widths[c], r.indent() * indent + (r.heading() ? 0 : sw + 14) + g.getFontMetrics().stringWidth(r.text()));
            }
        }
        String title = Messages.get("legend.title");
        int tallest = columns.stream().mapToInt(List::size).max().orElse(0);
        double height = row * tallest + 10 + row;
        double width = 0;
        for (double w : widths) {
            width += w + 12;
        }
        g.setColor(new Color(255, 255, 255, 235));
        g.fill(new Rectangle2D.Double(x, y, width, height));
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Rectangle2D.Double(x, y, width, height));
        g.setFont(FontChooser.fontFor(title, Font.BOLD, textSize * 1.1f));
        g.setColor(Color.BLACK);
        g.drawString(title, (float) (x + 6), (float) (y + row * 0.9));
        double cx = x;
        for (int c = 0; c < columns.size(); c++) {
            double ty = y + row + 4;
            for (Row r : columns.get(c)) {
                double rx = cx + r.indent() * indent;
                if (r.heading()) {
                    g.setFont(FontChooser.fontFor(r.text(), Font.BOLD, textSize * 0.95f));
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(r.text(), (float) (rx + 6), (float) (ty + row * 0.65));
                } else {
                    swatch(g, r.swatch(), rx + 6, ty + row * 0.15, sw, row * 0.6);
                    g.setFont(FontChooser.fontFor(r.text(), Font.PLAIN, textSize));
                    g.setColor(Color.BLACK);
                    g.drawString(r.text(), (float) (rx + 12 + sw), (float) (ty + row * 0.65));
                }
                ty += row;
            }
            cx += widths[c] + 12;
        }
        return height;
    }

    /** A layer's swatch: its fill, hatching and outline in a w × h box; the window's layer list draws the same. */
    public static void swatch(Graphics2D g, LayerStyle s, double x, double y, double w, double h) {
        Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
        if (s.fill() != null) {
            g.setColor(s.fill());
            g.fill(r);
        }
        if (s.hatch() != Hatch.NONE && s.hatchColor() != null) {
            g.setColor(s.hatchColor());
            g.setStroke(new BasicStroke(0.7f));
            for (double k = -h; k < w; k += Math.max(2, s.hatchSpacing() * 0.7)) {
                double x1 = Math.max(x, x + k);
                double x2 = Math.min(x + w, x + k + h);
                if (x2 > x1) {
                    g.draw(new Line2D.Double(x1, y + h - (x1 - x - k), x2, y + h - (x2 - x - k)));
                }
            }
        }
        if (s.stroke() != null) {
            g.setColor(s.stroke());
            g.setStroke(new BasicStroke(Math.min(2.5f, Math.max(0.8f, s.strokeWidth()))));
            g.draw(r);
        }
    }
}
