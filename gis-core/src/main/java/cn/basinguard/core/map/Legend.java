package cn.basinguard.core.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** The legend: one entry per visible layer, its style swatch and its name, on a white box. */
public final class Legend {
    private Legend() {
    }

    /** Draws the legend with its top-left corner at (x, y); returns its height. */
    public static double paint(Graphics2D g, List<MapLayer> layers, double x, double y, float textSize) {
        List<MapLayer> shown = layers.stream().filter(MapLayer::visible).toList();
        double row = textSize * 1.7;
        double sw = textSize * 2.2;
        double width = sw + 8;
        for (MapLayer l : shown) {
            g.setFont(FontChooser.fontFor(l.name(), Font.PLAIN, textSize));
            width = Math.max(width, sw + 14 + g.getFontMetrics().stringWidth(l.name()));
        }
        double height = row * shown.size() + 10 + row;
        g.setColor(new Color(255, 255, 255, 235));
        g.fill(new Rectangle2D.Double(x, y, width + 12, height));
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Rectangle2D.Double(x, y, width + 12, height));
        g.setFont(FontChooser.fontFor("图例", Font.BOLD, textSize * 1.1f));
        g.setColor(Color.BLACK);
        g.drawString("图例", (float) (x + 6), (float) (y + row * 0.9));
        double ty = y + row + 4;
        for (MapLayer l : shown) {
            swatch(g, l.style(), x + 6, ty + row * 0.15, sw, row * 0.6);
            g.setFont(FontChooser.fontFor(l.name(), Font.PLAIN, textSize));
            g.setColor(Color.BLACK);
            g.drawString(l.name(), (float) (x + 12 + sw), (float) (ty + row * 0.65));
            ty += row;
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
