package cn.basinguard.app.ui;

import cn.basinguard.core.map.Hatch;
import cn.basinguard.core.map.LayerStyle;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A small picture of a layer's style for the layer list and the legend, drawn from the same style the map uses. */
final class StyleSwatch {
    private StyleSwatch() {
    }

    static Canvas of(LayerStyle s, double opacity) {
        Canvas c = new Canvas(26, 14);
        draw(c, s, opacity);
        return c;
    }

    /** Draws the swatch into an existing 26×14 canvas (a list cell keeps its canvas and redraws it). */
    static void draw(Canvas c, LayerStyle s, double opacity) {
        GraphicsContext g = c.getGraphicsContext2D();
        g.setGlobalAlpha(1);
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        g.setGlobalAlpha(opacity);
        double x = 1.5;
        double y = 1.5;
        double w = 23;
        double h = 11;
        if (s.fill() != null) {
            g.setFill(fx(s.fill()));
            g.fillRect(x, y, w, h);
        }
        if (s.hatch() != Hatch.NONE && s.hatchColor() != null) {
            g.setStroke(fx(s.hatchColor()));
            g.setLineWidth(0.8);
            g.save();
            g.beginPath();
            g.rect(x, y, w, h);
            g.clip();
            for (double k = -h; k < w; k += Math.max(3, s.hatchSpacing() * 0.7)) {
                if (s.hatch() == Hatch.HORIZONTAL) {
                    break;
                }
                g.strokeLine(x + k, y + h, x + k + h, y);
                if (s.hatch() == Hatch.CROSS) {
                    g.strokeLine(x + k, y, x + k + h, y + h);
                }
            }
            if (s.hatch() == Hatch.HORIZONTAL) {
                for (double k = y + 2; k < y + h; k += 3) {
                    g.strokeLine(x, k, x + w, k);
                }
            }
            g.restore();
        }
        if (s.stroke() != null) {
            g.setStroke(fx(s.stroke()));
            g.setLineWidth(Math.min(2.5, Math.max(1, s.strokeWidth())));
            g.strokeRect(x, y, w, h);
        }
    }

    static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
