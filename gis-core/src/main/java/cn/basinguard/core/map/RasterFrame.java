package cn.basinguard.core.map;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Geometry;

/**
 * A frame painted into memory for the screen: premultiplied ARGB ints, which JavaFX shows through a PixelBuffer
 * without copying, and the viewport it was painted for (the window may have moved on meanwhile).
 */
public record RasterFrame(BufferedImage image, int[] pixels, Viewport viewport) {

    /** Paints a frame; null when cancelled before it was done. */
    public static RasterFrame paint(MapContent content, Viewport vp, List<Geometry> highlight, Color background, BooleanSupplier cancelled) {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            if (background != null) {
                g.setColor(background);
                g.fillRect(0, 0, vp.width(), vp.height());
            }
            int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
            if (!MapRenderer.paint(g, content, vp, highlight, cancelled, false, pixels)) {
                return null;
            }
        } finally {
            g.dispose();
        }
        return new RasterFrame(img, ((DataBufferInt) img.getRaster().getDataBuffer()).getData(), vp);
    }
}
