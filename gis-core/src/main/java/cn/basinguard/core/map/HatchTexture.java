package cn.basinguard.core.map;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.ConcurrentHashMap;

/** Hatching for screen frames: a small tile of the fill colour with the lines on it, repeated by Java2D in one fill. */
final class HatchTexture {
    private static final ConcurrentHashMap<LayerStyle, TexturePaint> CACHE = new ConcurrentHashMap<>();

    private HatchTexture() {
    }

    static TexturePaint of(LayerStyle s) {
        return CACHE.computeIfAbsent(s, HatchTexture::make);
    }

    private static TexturePaint make(LayerStyle s) {
        int n = Math.max(3, Math.round(s.hatchSpacing()));
        BufferedImage tile = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = tile.createGraphics();
        if (s.fill() != null) {
            g.setColor(s.fill());
            g.fillRect(0, 0, n, n);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(s.hatchColor());
        g.setStroke(new BasicStroke(0.8f));
        // drawn across the tile and its neighbours so the lines join seamlessly when tiled
        for (int k = -1; k <= 1; k++) {
            if (s.hatch() == Hatch.DIAGONAL || s.hatch() == Hatch.CROSS) {
                g.draw(new Line2D.Double(k * n, n, k * n + n, 0));
            }
            if (s.hatch() == Hatch.CROSS) {
                g.draw(new Line2D.Double(k * n, 0, k * n + n, n));
            }
        }
        if (s.hatch() == Hatch.HORIZONTAL) {
            g.draw(new Line2D.Double(0, n / 2.0, n, n / 2.0));
        }
        g.dispose();
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, n, n));
    }
}
