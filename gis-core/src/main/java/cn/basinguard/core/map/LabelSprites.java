package cn.basinguard.core.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Labels of screen frames drawn once and kept as images: a label's white halo (its glyphs' outline stroked 3 pixels
 * wide) and its glyphs cost Java2D far more than copying their pixels, and a frame shows the same labels as the last.
 * A label is placed at whole pixels (up to half a pixel from where the vector drawing of print and PDF puts it), so one
 * image serves every frame. The images are dropped all at once when they hold more than {@link #MAX_PIXELS} pixels.
 */
final class LabelSprites {
    /** About 16 MB of images: a few thousand labels. */
    private static final long MAX_PIXELS = 4_000_000;
    /** Room around the glyphs for the halo (1.5 pixels) and anti-aliasing. */
    private static final int PAD = 3;
    static final Color HALO = new Color(255, 255, 255, 220);
    static final BasicStroke HALO_STROKE = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private record Key(String text, float size, Color colour, FontRenderContext frc) {
    }

    /** A label's measure (its glyphs' bounds, from the baseline's start) and, once placed somewhere, its image. */
    static final class Sprite {
        final Rectangle2D bounds;
        private final TextLayout layout;
        private final Color colour;
        private volatile BufferedImage image;
        /** Where the baseline's start is in the image. */
        private int originX;
        private int originY;

        private Sprite(TextLayout layout, Color colour) {
            this.layout = layout;
            this.colour = colour;
            this.bounds = layout.getBounds();
        }

        /** Draws the label with its baseline starting at (x, y) rounded to whole pixels. */
        void draw(Graphics2D g, double x, double y) {
            BufferedImage img = image();
            g.drawImage(img, (int) Math.round(x) - originX, (int) Math.round(y) - originY, null);
        }

        private BufferedImage image() {
            BufferedImage img = image;
            if (img == null) {
                synchronized (this) {
                    if (image == null) {
                        int ox = PAD - (int) Math.floor(bounds.getX());
                        int oy = PAD - (int) Math.floor(bounds.getY());
                        int w = (int) Math.ceil(bounds.getMaxX()) + ox + PAD;
                        int h = (int) Math.ceil(bounds.getMaxY()) + oy + PAD;
                        BufferedImage made = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB_PRE);
                        Graphics2D s = made.createGraphics();
                        s.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                        s.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(ox, oy));
                        s.setColor(HALO);
                        s.setStroke(HALO_STROKE);
                        s.draw(outline);
                        s.setColor(colour);
                        s.fill(outline);
                        s.dispose();
                        originX = ox;
                        originY = oy;
                        PIXELS.addAndGet((long) made.getWidth() * made.getHeight());
                        image = made;
                    }
                    img = image;
                }
            }
            return img;
        }
    }

    private static final ConcurrentHashMap<Key, Sprite> CACHE = new ConcurrentHashMap<>();
    private static final AtomicLong PIXELS = new AtomicLong();

    private LabelSprites() {
    }

    /** The label {@code text} in {@code style}'s size and colour, measured for {@code frc}. */
    static Sprite of(String text, LayerStyle style, FontRenderContext frc) {
        if (PIXELS.get() > MAX_PIXELS) {
            CACHE.clear();
            PIXELS.set(0);
        }
        return CACHE.computeIfAbsent(new Key(text, style.labelSize(), style.labelColor(), frc), k -> new Sprite(
                new TextLayout(k.text(), font(k.text(), k.size()), k.frc()), k.colour()));
    }

    /** The font of a label of {@code size} pixels: bold from 16 up, one that shows every character of it. */
    static Font font(String text, float size) {
        return FontChooser.fontFor(text, size >= 16 ? Font.BOLD : Font.PLAIN, size);
    }
}
