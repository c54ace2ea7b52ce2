package cn.basinguard.core.map;

import cn.basinguard.core.crs.Crs;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import org.locationtech.jts.geom.Envelope;

/**
 * What part of the map a frame shows: its centre (map units), its resolution (map units per pixel) and its size in
 * pixels. Immutable: the window snapshots one on the JavaFX thread and hands it to a painting thread; every pan or
 * zoom makes a new one. y grows north in the map and down on the screen.
 */
public record Viewport(double centerX, double centerY, double unitsPerPixel, int width, int height) {
    /** Paper inches in a metre, for 1:N scales. */
    private static final double METRES_PER_INCH = 0.0254;

    public Viewport {
        if (!(unitsPerPixel > 0) || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("viewport needs a positive resolution and size: " + unitsPerPixel + ", " + width + "×" + height);
        }
    }

    /** The viewport that shows {@code e} whole, with {@code padding} pixels around it. */
    public static Viewport fit(Envelope e, int width, int height, int padding) {
        double w = Math.max(1, width - 2.0 * padding);
        double h = Math.max(1, height - 2.0 * padding);
        double upp = Math.max(e.getWidth() / w, e.getHeight() / h);
        if (!(upp > 0)) {
            upp = 1;
        }
        return new Viewport(e.centre().x, e.centre().y, upp, width, height);
    }

    public Viewport withSize(int w, int h) {
        return new Viewport(centerX, centerY, unitsPerPixel, w, h);
    }

    /** Map → pixel. */
    public AffineTransform worldToPixel() {
        double k = 1 / unitsPerPixel;
        return new AffineTransform(k, 0, 0, -k, width / 2.0 - centerX * k, height / 2.0 + centerY * k);
    }

    public double pixelX(double x) {
        return (x - centerX) / unitsPerPixel + width / 2.0;
    }

    public double pixelY(double y) {
        return height / 2.0 - (y - centerY) / unitsPerPixel;
    }

    public Point2D.Double toWorld(double px, double py) {
        return new Point2D.Double(centerX + (px - width / 2.0) * unitsPerPixel, centerY - (py - height / 2.0) * unitsPerPixel);
    }

    public Envelope envelope() {
        double hw = width / 2.0 * unitsPerPixel;
        double hh = height / 2.0 * unitsPerPixel;
        return new Envelope(centerX - hw, centerX + hw, centerY - hh, centerY + hh);
    }

    /** Zooms by {@code factor} (2 = twice as close) keeping the map point under pixel (px, py) where it is. */
    public Viewport zoomAt(double px, double py, double factor) {
        Point2D.Double anchor = toWorld(px, py);
        double upp = unitsPerPixel / factor;
        double cx = anchor.x - (px - width / 2.0) * upp;
        double cy = anchor.y + (py - height / 2.0) * upp;
        return new Viewport(cx, cy, upp, width, height);
    }

    /** Moves the map with the mouse: a drag of (dx, dy) pixels. */
    public Viewport pan(double dx, double dy) {
        return new Viewport(centerX - dx * unitsPerPixel, centerY + dy * unitsPerPixel, unitsPerPixel, width, height);
    }

    /** Ground metres in one map unit at the centre: 1 for projected grids, the length of a degree for lon/lat. */
    public double metresPerUnit(Crs crs) {
        if (crs != null && crs.isGeographic()) {
            return 111_320 * Math.cos(Math.toRadians(centerY));
        }
        return 1;
    }

    public double metresPerPixel(Crs crs) {
        return unitsPerPixel * metresPerUnit(crs);
    }

    /** The N of 1:N on a screen or page of {@code dpi}. */
    public double scaleDenominator(Crs crs, double dpi) {
        return metresPerPixel(crs) * dpi / METRES_PER_INCH;
    }

    /** The same view at the scale 1:{@code denominator} on a page of {@code dpi}. */
    public Viewport atScale(double denominator, Crs crs, double dpi) {
        double upp = denominator * METRES_PER_INCH / dpi / metresPerUnit(crs);
        return new Viewport(centerX, centerY, upp, width, height);
    }

    /** The round scale at or above the exact one, as maps are printed: 1:5,000, 1:10,000, 1:25,000, 1:50,000 … */
    public static double niceScale(double denominator) {
        double[] steps = {1, 2, 2.5, 5};
        double decade = Math.pow(10, Math.floor(Math.log10(denominator)));
        for (int k = 0; k < 3; k++) {
            for (double s : steps) {
                double candidate = s * decade * Math.pow(10, k);
                if (candidate >= denominator * (1 - 1e-9)) {
                    return candidate;
                }
            }
        }
        return denominator;
    }
}
