package cn.basinguard.core.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;

/** A north arrow: Gauss–Krüger grid north is up on every map this program draws. */
public final class NorthArrow {
    private NorthArrow() {
    }

    /** Draws the arrow centred on x with its tip at y, {@code size} tall. */
    public static void paint(Graphics2D g, double x, double y, double size) {
        double w = size * 0.35;
        Path2D.Double left = new Path2D.Double();
        left.moveTo(x, y);
        left.lineTo(x - w, y + size);
        left.lineTo(x, y + size * 0.72);
        left.closePath();
        Path2D.Double right = new Path2D.Double();
        right.moveTo(x, y);
        right.lineTo(x + w, y + size);
        right.lineTo(x, y + size * 0.72);
        right.closePath();
        g.setColor(Color.BLACK);
        g.fill(left);
        g.setColor(Color.WHITE);
        g.fill(right);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(left);
        g.draw(right);
        g.setFont(FontChooser.fontFor("北", Font.BOLD, (float) (size * 0.42)));
        int tw = g.getFontMetrics().stringWidth("北");
        g.drawString("北", (float) (x - tw / 2.0), (float) (y - size * 0.08));
    }
}
