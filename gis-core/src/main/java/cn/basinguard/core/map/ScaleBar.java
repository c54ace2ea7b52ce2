package cn.basinguard.core.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * A scale bar of a round ground length (100 m, 200 m, 500 m, 1 km, 2 km, 5 km …), in four alternating segments,
 * labelled in 米 or 公里. Its length on the page is exactly that ground length at the map's scale.
 *
 * @param metres the ground length the bar stands for
 * @param lengthPx its length in pixels (points in print)
 */
public record ScaleBar(double metres, double lengthPx) {

    /** The longest round length that fits in {@code maxPx} at {@code metresPerPixel}. */
    public static ScaleBar fitting(double metresPerPixel, double maxPx) {
        double max = metresPerPixel * maxPx;
        double decade = Math.pow(10, Math.floor(Math.log10(max)));
        double best = decade;
        for (double s : new double[] {1, 2, 5, 10}) {
            if (s * decade <= max) {
                best = s * decade;
            }
        }
        return new ScaleBar(best, best / metresPerPixel);
    }

    public String label() {
        return metres >= 1000 ? trim(metres / 1000) + " 公里" : trim(metres) + " 米";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Draws the bar with its left end at (x, y) (the baseline of the bar). */
    public void paint(Graphics2D g, double x, double y, float height) {
        int segments = 4;
        double seg = lengthPx / segments;
        g.setStroke(new BasicStroke(0.8f));
        for (int i = 0; i < segments; i++) {
            Rectangle2D r = new Rectangle2D.Double(x + i * seg, y - height, seg, height);
            g.setColor(i % 2 == 0 ? Color.BLACK : Color.WHITE);
            g.fill(r);
            g.setColor(Color.BLACK);
            g.draw(r);
        }
        Font f = FontChooser.fontFor("0" + label(), Font.PLAIN, Math.max(9f, height * 1.6f));
        g.setFont(f);
        g.setColor(Color.BLACK);
        g.drawString("0", (float) x - 3, (float) (y - height - 3));
        String l = label();
        g.drawString(l, (float) (x + lengthPx - g.getFontMetrics().stringWidth(l) / 2.0), (float) (y - height - 3));
    }
}
