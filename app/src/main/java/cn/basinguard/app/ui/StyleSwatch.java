package cn.basinguard.app.ui;

import cn.basinguard.core.map.LayerStyle;
import cn.basinguard.core.map.Legend;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A small picture of a layer's style for the layer list and the legend panel, drawn by the printed legend's own
 * swatch code, so the window and the paper show a layer alike.
 */
final class StyleSwatch {
    private static final int W = 26;
    private static final int H = 14;

    private StyleSwatch() {
    }

    static Canvas of(LayerStyle s, double opacity) {
        Canvas c = new Canvas(W, H);
        draw(c, s, opacity);
        return c;
    }

    /** Draws the swatch into an existing 26×14 canvas (a list cell keeps its canvas and redraws it). */
    static void draw(Canvas c, LayerStyle s, double opacity) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
            Legend.swatch(g, s, 1.5, 1.5, W - 3, H - 3);
        } finally {
            g.dispose();
        }
        GraphicsContext gc = c.getGraphicsContext2D();
        gc.clearRect(0, 0, c.getWidth(), c.getHeight());
        gc.drawImage(FxImages.of(img), 0, 0);
    }

    static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
