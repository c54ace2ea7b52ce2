package cn.basinguard.core.map;

import cn.basinguard.core.loaded.BoxIndex;
import cn.basinguard.core.loaded.PackedShapes;
import java.awt.geom.Path2D;

/**
 * A layer's packed features to Java2D paths in pixel space, appended to one path per layer: Java2D fills one path of many
 * sub-paths far faster than many small paths, and pixel coordinates in floats never meet the precision limits of
 * prefixed Gauss–Krüger eastings (38 400 000 m). Vertices closer than a pixel to the previous one are skipped.
 * The same vertices can go at once to a {@link PatchFill}, which fills the polygons of a screen frame.
 */
final class PixelPaths {
    private PixelPaths() {
    }

    /**
     * What appends the rings or lines of features to {@code path}, straight from their bytes (a frame makes no
     * geometry object); points are left out (drawn as symbols). With {@code fill} given, the rings of polygons also go to
     * it (and are not filled from {@code path}), and {@code others}, when given, receives the lines, to be filled from a
     * path as before.
     */
    static Appender to(Path2D.Float path, Viewport vp, PatchFill fill, Path2D.Float others) {
        return new Appender(path, vp, fill, others);
    }

    /**
     * A feature's parts into the path (and the fill), vertex by vertex: a vertex closer than half a pixel to the last one
     * drawn is skipped, a part's last vertex never.
     */
    static final class Appender implements PackedShapes.Visitor {
        private final Path2D.Float path;
        private final Viewport vp;
        private final PatchFill fill;
        private final Path2D.Float others;
        private int part;
        private int n;
        private int at;
        private int drawn;
        private float lastX;
        private float lastY;

        private Appender(Path2D.Float path, Viewport vp, PatchFill fill, Path2D.Float others) {
            this.path = path;
            this.vp = vp;
            this.fill = fill;
            this.others = others;
        }

        /** Appends feature {@code i} of {@code shapes}; one appender serves all of a layer's features in a frame. */
        void append(PackedShapes shapes, int i) {
            shapes.visit(i, this);
        }

        @Override
        public void begin(int kind, int n) {
            this.part = kind;
            this.n = n;
            this.at = 0;
            this.drawn = 0;
        }

        @Override
        public void vertex(double x, double y) {
            if (part == PackedShapes.PART_POINT) {
                return;
            }
            float px = (float) vp.pixelX(x);
            float py = (float) vp.pixelY(y);
            boolean polygon = part != PackedShapes.PART_LINE;
            if (at == 0) {
                path.moveTo(px, py);
                if (polygon && fill != null) {
                    fill.beginRing();
                    fill.vertex(px, py);
                } else if (!polygon && fill != null && others != null) {
                    others.moveTo(px, py);
                }
                lastX = px;
                lastY = py;
                drawn = 1;
            } else if (Math.abs(px - lastX) >= 0.5f || Math.abs(py - lastY) >= 0.5f || at == n - 1) {
                path.lineTo(px, py);
                if (polygon && fill != null) {
                    fill.vertex(px, py);
                } else if (!polygon && fill != null && others != null) {
                    others.lineTo(px, py);
                }
                lastX = px;
                lastY = py;
                drawn++;
            }
            at++;
        }

        @Override
        public void end() {
            if (part == PackedShapes.PART_POINT || n == 0) {
                return;
            }
            if (part != PackedShapes.PART_LINE) {
                if (drawn > 2) {
                    path.closePath();
                }
                if (fill != null) {
                    fill.endRing(part == PackedShapes.PART_HOLE);
                }
            }
        }
    }
}
