package cn.basinguard.core.map;

import java.awt.geom.Path2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * JTS geometries to Java2D paths in pixel space, appended to one path per layer: Java2D fills one path of many
 * sub-paths far faster than many small paths, and pixel coordinates in floats never meet the precision limits of
 * prefixed Gauss–Krüger eastings (38 400 000 m). Vertices closer than a pixel to the previous one are skipped.
 * The same vertices can go at once to a {@link PatchFill}, which fills the polygons of a screen frame.
 */
final class PixelPaths {
    private PixelPaths() {
    }

    /** Appends the rings or lines of {@code g}; returns false when it was smaller than a pixel and left out. */
    static boolean append(Path2D.Float path, Geometry g, Viewport vp) {
        return append(path, g, vp, null, null);
    }

    /**
     * As above; with {@code fill} given, the rings of polygons also go to it (and are not filled from {@code path}), and
     * {@code others}, when given, receives what is not a polygon, to be filled from a path as before.
     */
    static boolean append(Path2D.Float path, Geometry g, Viewport vp, PatchFill fill, Path2D.Float others) {
        if (g instanceof Polygon p) {
            if (p.isEmpty()) {
                return false;
            }
            ring(path, p.getExteriorRing().getCoordinateSequence(), vp, true, fill, false);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(path, p.getInteriorRingN(i).getCoordinateSequence(), vp, true, fill, true);
            }
            return true;
        }
        if (g instanceof LineString l) {
            ring(path, l.getCoordinateSequence(), vp, false, null, false);
            if (fill != null && others != null) {
                ring(others, l.getCoordinateSequence(), vp, false, null, false);
            }
            return true;
        }
        if (g instanceof GeometryCollection c) {
            boolean any = false;
            for (int i = 0; i < c.getNumGeometries(); i++) {
                any |= append(path, c.getGeometryN(i), vp, fill, others);
            }
            return any;
        }
        return false;
    }

    private static void ring(Path2D.Float path, CoordinateSequence seq, Viewport vp, boolean close, PatchFill fill, boolean hole) {
        int n = seq.size();
        if (n == 0) {
            return;
        }
        float lastX = (float) vp.pixelX(seq.getX(0));
        float lastY = (float) vp.pixelY(seq.getY(0));
        path.moveTo(lastX, lastY);
        if (fill != null) {
            fill.beginRing();
            fill.vertex(lastX, lastY);
        }
        int drawn = 1;
        for (int i = 1; i < n; i++) {
            float x = (float) vp.pixelX(seq.getX(i));
            float y = (float) vp.pixelY(seq.getY(i));
            if (Math.abs(x - lastX) >= 0.5f || Math.abs(y - lastY) >= 0.5f || i == n - 1) {
                path.lineTo(x, y);
                if (fill != null) {
                    fill.vertex(x, y);
                }
                lastX = x;
                lastY = y;
                drawn++;
            }
        }
        if (close && drawn > 2) {
            path.closePath();
        }
        if (fill != null) {
            fill.endRing(hole);
        }
    }
}
