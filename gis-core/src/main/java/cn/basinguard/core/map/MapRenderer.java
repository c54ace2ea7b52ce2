package cn.basinguard.core.map;

import cn.basinguard.core.loaded.BoxIndex;
import cn.basinguard.core.loaded.PackedShapes;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Paints a map with Java2D: the same code draws the window's frames (into an image, on a painting thread), the
 * print layout and vector PDF pages. It keeps no state between calls, so frames can be painted concurrently; a
 * frame checks {@code cancelled} between layers and every few thousand features so a newer frame can overtake it.
 */
public final class MapRenderer {
    private static final int CHECK_EVERY = 4096;

    private MapRenderer() {
    }

    /** Paints for a screen: hatching as a texture, thin outlines and sub-pixel patches without anti-aliasing. */
    public static boolean paint(Graphics2D g, MapContent content, Viewport vp, List<Geometry> highlight, BooleanSupplier cancelled) {
        return paint(g, content, vp, highlight, cancelled, false);
    }

    /**
     * Paints the visible layers, then labels, then {@code highlight} on top. Returns false when cancelled.
     *
     * @param vector true for PDF and printers: every patch in full, hatching as clipped vector lines that stay sharp
     */
    public static boolean paint(Graphics2D g, MapContent content, Viewport vp, List<Geometry> highlight, BooleanSupplier cancelled,
                                boolean vector) {
        return paint(g, content, vp, highlight, cancelled, vector, null);
    }

    /**
     * As above; {@code pixels}, when given, is the premultiplied ARGB raster {@code g} draws into (viewport-sized):
     * sub-pixel patches are then blended into it directly, which for a county at full extent is most of the frame.
     */
    public static boolean paint(Graphics2D g, MapContent content, Viewport vp, List<Geometry> highlight, BooleanSupplier cancelled,
                                boolean vector, int[] pixels) {
        hints(g);
        Shape oldClip = g.getClip();
        g.clip(new Rectangle(0, 0, vp.width(), vp.height()));
        try {
            List<Label> labels = new ArrayList<>();
            if (!paintLayers(g, content, vp, vp.envelope(), 0, vp.height(), labels, cancelled, vector, pixels)) {
                return false;
            }
            paintOverlay(g, vp, labels, highlight, false);
            return true;
        } finally {
            g.setClip(oldClip);
        }
    }

    /**
     * Paints the layers of pixel rows {@code rowFrom} to {@code rowTo} only, for a frame painted in bands on several
     * threads; the labels found go to {@code labels}, to be placed once over the whole frame by {@link #paintOverlay}.
     */
    static boolean paintBand(Graphics2D g, MapContent content, Viewport vp, int rowFrom, int rowTo, List<Label> labels,
                             BooleanSupplier cancelled, int[] pixels) {
        hints(g);
        g.clip(new Rectangle(0, rowFrom, vp.width(), rowTo - rowFrom));
        // a few pixels more than the band, so that outlines of patches just outside it are drawn into its edge
        var top = vp.toWorld(-4, rowFrom - 4);
        var bottom = vp.toWorld(vp.width() + 4, rowTo + 4);
        Envelope band = new Envelope(top.x, bottom.x, top.y, bottom.y);
        return paintLayers(g, content, vp, band, rowFrom, rowTo, labels, cancelled, false, pixels);
    }

    /**
     * Labels, biggest first and never overlapping, then the highlighted geometries on top; {@code sprites} for a screen
     * frame's labels (see {@link #paintLabels}).
     */
    static void paintOverlay(Graphics2D g, Viewport vp, List<Label> labels, List<Geometry> highlight, boolean sprites) {
        hints(g);
        paintLabels(g, labels, sprites);
        if (highlight != null && !highlight.isEmpty()) {
            List<MapFeature> hl = new ArrayList<>();
            for (Geometry h : highlight) {
                hl.add(new MapFeature(-1, h, null));
            }
            MapLayer overlay = new MapLayer("highlight", "highlight", null, DefaultStyles.HIGHLIGHT, hl);
            paintLayer(g, overlay, -1, overlay.indicesIn(overlay.extent()), vp, 0, vp.height(), new ArrayList<>(), () -> false, true, null);
        }
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    private static boolean paintLayers(Graphics2D g, MapContent content, Viewport vp, Envelope view, int rowFrom, int rowTo,
                                       List<Label> labels, BooleanSupplier cancelled, boolean vector, int[] pixels) {
        List<MapLayer> visible = content.visibleLayers();
        for (int k = 0; k < visible.size(); k++) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            MapLayer layer = visible.get(k);
            if (layer.isImagery()) {
                if (!paintImagery(g, layer, content.crs(), vp, rowFrom, rowTo, cancelled, pixels)) {
                    return false;
                }
                continue;
            }
            if (!paintLayer(g, layer, k, layer.indicesIn(view), vp, rowFrom, rowTo, labels, cancelled, vector, pixels)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Imagery, warped into the map's CRS at the frame's own resolution (a screen's pixels, a page's 180 dpi): straight
     * into the frame's raster when there is one, else (print, PDF) through an image of the frame's size.
     */
    private static boolean paintImagery(Graphics2D g, MapLayer layer, cn.basinguard.core.crs.Crs crs, Viewport vp, int rowFrom, int rowTo,
                                        BooleanSupplier cancelled, int[] pixels) {
        Envelope view = vp.envelope();
        var frame = new cn.basinguard.core.raster.RasterWarp.Frame(crs, view.getMinX(), view.getMaxY(), vp.unitsPerPixel(), vp.width(), vp.height());
        var sampling = cn.basinguard.core.raster.RasterWarp.Sampling.BILINEAR;
        if (pixels != null) {
            return cn.basinguard.core.raster.RasterWarp.paint(layer.raster(), layer.extent(), frame, rowFrom, rowTo, pixels, layer.opacity(),
                    sampling, cancelled) != null;
        }
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(vp.width(), vp.height(), java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
        int[] own = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        if (cn.basinguard.core.raster.RasterWarp.paint(layer.raster(), layer.extent(), frame, rowFrom, rowTo, own, layer.opacity(), sampling,
                cancelled) == null) {
            return false;
        }
        g.drawImage(img, 0, 0, null);
        return true;
    }

    /** A label to place, in frame pixels; equal labels from two bands are one label. */
    record Label(String text, double x, double y, LayerStyle style, int layer, int feature) {
    }

    private static boolean paintLayer(Graphics2D g, MapLayer layer, int layerIndex, int[] indices, Viewport vp, int rowFrom, int rowTo,
                                      List<Label> labels, BooleanSupplier cancelled, boolean vector, int[] pixels) {
        if (!layer.byLandClass()) {
            return paintFeatures(g, layer, layer.style(), layerIndex, indices, vp, rowFrom, rowTo, labels, cancelled, vector, pixels);
        }
        // by land class: the patches of each class in one pass, filled in its colour of the national scheme, outlined as
        // the layer's style says; classes in code order, so every frame (and every band of one) stacks them alike
        java.util.TreeMap<String, int[]> byClass = new java.util.TreeMap<>();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i : indices) {
            counts.merge(layer.landClass(i), 1, Integer::sum);
        }
        counts.forEach((c, n) -> byClass.put(c, new int[n]));
        java.util.Map<String, Integer> filled = new java.util.HashMap<>();
        for (int i : indices) {
            String c = layer.landClass(i);
            int at = filled.merge(c, 1, Integer::sum) - 1;
            byClass.get(c)[at] = i;
        }
        LandClassColours colours = LandClassColours.standard();
        for (var e : byClass.entrySet()) {
            LayerStyle s = layer.style().withFill(colours.fill(e.getKey()));
            if (!paintFeatures(g, layer, s, layerIndex, e.getValue(), vp, rowFrom, rowTo, labels, cancelled, vector, pixels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean paintFeatures(Graphics2D g, MapLayer layer, LayerStyle s, int layerIndex, int[] indices, Viewport vp,
                                         int rowFrom, int rowTo, List<Label> labels, BooleanSupplier cancelled, boolean vector,
                                         int[] pixels) {
        Composite old = g.getComposite();
        if (layer.opacity() < 1) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) layer.opacity()));
        }
        Path2D.Float areas = new Path2D.Float(Path2D.WIND_EVEN_ODD, Math.max(64, Math.min(indices.length, 20_000) * 8));
        boolean hatched = s.hatch() != Hatch.NONE && s.hatchColor() != null;
        // a screen frame's patches of a layer that tiles the ground: filled by area coverage, the path kept for the outlines
        PatchFill patches = pixels != null && !vector && (s.fill() != null || hatched) && PatchFill.suits(layer)
                ? PatchFill.forBand(vp.width(), rowFrom, rowTo) : null;
        Path2D.Float others = patches == null ? null : new Path2D.Float(Path2D.WIND_EVEN_ODD);
        double[] b = layer.bounds();
        double dotSize = 2 * vp.unitsPerPixel();
        Points points = new Points();
        Dots dots = new Dots();
        PixelPaths.Appender paths = PixelPaths.to(areas, vp, patches, others);
        int n = 0;
        for (int i : indices) {
            if (++n % CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                g.setComposite(old);
                return false;
            }
            if (!vector && !s.labelled() && b[4 * i + 2] - b[4 * i] < dotSize && b[4 * i + 3] - b[4 * i + 1] < dotSize
                    && layer.role() != cn.basinguard.core.check.LayerRole.SECTIONS) {
                dots.add(b, i, vp);
                continue;
            }
            boolean puntal = layer.shapes().puntal(i);
            if (puntal) {
                layer.shapes().visit(i, points);
            } else {
                paths.append(layer.shapes(), i);
            }
            String label = layer.label(i);
            if (s.labelled() && label != null && !label.isBlank()) {
                LabelAnchors.Anchor at = layer.labelAnchor(i);
                if (!Double.isNaN(at.x())) {
                    labels.add(new Label(label, vp.pixelX(at.x()), vp.pixelY(at.y()) + (puntal ? -s.symbolSize() : 0), s, layerIndex, i));
                }
            }
        }
        Path2D.Float toFill = areas;
        if (patches != null) {
            patches.paint(pixels, s.fill(), hatched ? HatchTexture.of(s) : null, layer.opacity());
            toFill = others;
        }
        if (hatched && !vector) {
            // one fill with a tile of fill colour and hatch: a clip of thousands of sub-paths would make every line slow
            java.awt.Paint oldPaint = g.getPaint();
            g.setPaint(HatchTexture.of(s));
            g.fill(toFill);
            g.setPaint(oldPaint);
        } else if (s.fill() != null) {
            g.setColor(s.fill());
            g.fill(toFill);
        }
        if (hatched && vector) {
            hatch(g, areas, s, vp);
        }
        if (s.stroke() != null && s.strokeWidth() > 0) {
            g.setColor(s.stroke());
            Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            if (!vector && s.strokeWidth() <= 1f) {
                // hair-lines: a one-pixel line without anti-aliasing looks the same and costs a fraction
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
                g.setStroke(new BasicStroke(1f));
            } else {
                g.setStroke(new BasicStroke(s.strokeWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
            g.draw(areas);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        }
        if (pixels != null) {
            dots.blend(pixels, vp, rowFrom, rowTo, s, layer.opacity());
        } else {
            dots.paint(g, s);
        }
        for (int k = 0; k < points.n; k++) {
            symbol(g, s, vp.pixelX(points.xy[2 * k]), vp.pixelY(points.xy[2 * k + 1]));
        }
        g.setComposite(old);
        return true;
    }

    /** The points of a layer's point features, as their bytes give them. */
    private static final class Points implements PackedShapes.Visitor {
        private double[] xy = new double[32];
        private int n;

        @Override
        public void begin(int kind, int count) {
        }

        @Override
        public void vertex(double x, double y) {
            if (2 * n + 2 > xy.length) {
                xy = java.util.Arrays.copyOf(xy, xy.length * 2);
            }
            xy[2 * n] = x;
            xy[2 * n + 1] = y;
            n++;
        }

        @Override
        public void end() {
        }
    }

    /**
     * Patches under two pixels across, at small scales: their shape cannot be seen, their presence can, so each is one
     * block of whole pixels in the layer's colour — a county of 400,000 patches at 1:200,000 costs 400,000 rectangles.
     */
    private static final class Dots {
        private int[] xywh = new int[256];
        private int count;

        void add(double[] b, int i, Viewport vp) {
            double upp = vp.unitsPerPixel();
            if (count * 4 + 4 > xywh.length) {
                xywh = java.util.Arrays.copyOf(xywh, xywh.length * 2);
            }
            xywh[count * 4] = (int) Math.floor(vp.pixelX(b[4 * i]));
            xywh[count * 4 + 1] = (int) Math.floor(vp.pixelY(b[4 * i + 3]));
            xywh[count * 4 + 2] = (int) Math.max(1, Math.round((b[4 * i + 2] - b[4 * i]) / upp));
            xywh[count * 4 + 3] = (int) Math.max(1, Math.round((b[4 * i + 3] - b[4 * i + 1]) / upp));
            count++;
        }

        private static Color colour(LayerStyle s) {
            Color c = s.fill() != null ? s.fill() : s.stroke();
            if (c != null && s.hatch() != Hatch.NONE && s.hatchColor() != null) {
                c = new Color((c.getRed() * 3 + s.hatchColor().getRed()) / 4, (c.getGreen() * 3 + s.hatchColor().getGreen()) / 4,
                        (c.getBlue() * 3 + s.hatchColor().getBlue()) / 4, c.getAlpha());
            }
            return c;
        }

        /** Source-over into premultiplied ARGB, one int per pixel: no Java2D call per patch. */
        void blend(int[] pixels, Viewport vp, int rowFrom, int rowTo, LayerStyle s, double opacity) {
            Color c = colour(s);
            if (count == 0 || c == null) {
                return;
            }
            int a = (int) Math.round(c.getAlpha() * opacity);
            int pr = c.getRed() * a / 255;
            int pg = c.getGreen() * a / 255;
            int pb = c.getBlue() * a / 255;
            int keep = 255 - a;
            int w = vp.width();
            for (int i = 0; i < count; i++) {
                int x0 = Math.max(0, xywh[i * 4]);
                int y0 = Math.max(rowFrom, xywh[i * 4 + 1]);
                int x1 = Math.min(w, xywh[i * 4] + xywh[i * 4 + 2]);
                int y1 = Math.min(rowTo, xywh[i * 4 + 1] + xywh[i * 4 + 3]);
                for (int y = y0; y < y1; y++) {
                    int row = y * w;
                    for (int x = x0; x < x1; x++) {
                        int d = pixels[row + x];
                        int da = d >>> 24;
                        int dr = (d >>> 16) & 0xFF;
                        int dg = (d >>> 8) & 0xFF;
                        int db = d & 0xFF;
                        pixels[row + x] = (a + da * keep / 255) << 24 | (pr + dr * keep / 255) << 16 | (pg + dg * keep / 255) << 8
                                | (pb + db * keep / 255);
                    }
                }
            }
        }

        void paint(Graphics2D g, LayerStyle s) {
            Color c = colour(s);
            if (count == 0 || c == null) {
                return;
            }
            Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(c);
            for (int i = 0; i < count; i++) {
                g.fillRect(xywh[i * 4], xywh[i * 4 + 1], xywh[i * 4 + 2], xywh[i * 4 + 3]);
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        }
    }

    /** Width of the vector hatch lines. */
    private static final float HATCH_WIDTH = 0.7f;

    /**
     * Hatching as clipped vector lines, once per layer, so it stays sharp on paper and in PDF.
     *
     * <p>The clip is set to the layer's areas, not intersected with the frame's: {@link Graphics2D#clip} intersects by
     * building a {@link java.awt.geom.Area} of the whole path, and with thousands of patches that was most of the time
     * of printing the sample (PdfBoxGraphics2D and Java2D alike). The frame's rectangle is kept by cutting each line to
     * it instead, inset by half the line's width and with butt ends, so that no ink falls outside it: the lines stop up
     * to half their width short of the frame's edge. A frame clip that is not a rectangle is intersected as before.
     */
    private static void hatch(Graphics2D g, Path2D.Float areas, LayerStyle s, Viewport vp) {
        Rectangle2D bounds = areas.getBounds2D().createIntersection(new Rectangle(0, 0, vp.width(), vp.height()));
        if (bounds.isEmpty()) {
            return;
        }
        Shape oldClip = g.getClip();
        Rectangle2D frame = oldClip == null ? null : rectangle(oldClip);
        Rectangle2D limit = bounds;
        if (frame != null) {
            limit = bounds.createIntersection(new Rectangle2D.Double(frame.getX() + HATCH_WIDTH / 2, frame.getY() + HATCH_WIDTH / 2,
                    frame.getWidth() - HATCH_WIDTH, frame.getHeight() - HATCH_WIDTH));
            if (limit.isEmpty()) {
                return;
            }
            g.setClip(areas);
        } else {
            g.clip(areas);
        }
        g.setColor(s.hatchColor());
        g.setStroke(new BasicStroke(HATCH_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        double step = Math.max(2, s.hatchSpacing());
        // the same lines as over the whole bounds, whatever part of them is kept
        double x0 = bounds.getMinX() - bounds.getHeight();
        for (double x = x0 - (x0 % step); x <= bounds.getMaxX(); x += step) {
            if (s.hatch() == Hatch.DIAGONAL || s.hatch() == Hatch.CROSS) {
                drawWithin(g, limit, x, bounds.getMaxY(), x + bounds.getHeight(), bounds.getMinY());
            }
            if (s.hatch() == Hatch.CROSS) {
                drawWithin(g, limit, x, bounds.getMinY(), x + bounds.getHeight(), bounds.getMaxY());
            }
        }
        if (s.hatch() == Hatch.HORIZONTAL) {
            for (double y = bounds.getMinY(); y <= bounds.getMaxY(); y += step) {
                drawWithin(g, limit, bounds.getMinX(), y, bounds.getMaxX(), y);
            }
        }
        g.setClip(oldClip);
    }

    /** The clip as a rectangle when it is one (as a map frame's is), else null. */
    private static Rectangle2D rectangle(Shape clip) {
        if (clip instanceof Rectangle2D r) {
            return r;
        }
        java.awt.geom.Area a = new java.awt.geom.Area(clip); // a frame's clip has four corners: cheap
        return a.isRectangular() ? a.getBounds2D() : null;
    }

    /** Draws the part of the line from (x1, y1) to (x2, y2) inside {@code r} (Liang–Barsky), if any. */
    private static void drawWithin(Graphics2D g, Rectangle2D r, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1 - r.getMinX(), r.getMaxX() - x1, y1 - r.getMinY(), r.getMaxY() - y1};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 < t1) {
            g.draw(new Line2D.Double(x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy));
        }
    }

    private static void symbol(Graphics2D g, LayerStyle s, double x, double y) {
        double r = s.symbolSize() / 2;
        Shape shape = switch (s.symbol()) {
            case CIRCLE -> new java.awt.geom.Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            case SQUARE -> new Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r);
            case TRIANGLE -> {
                Path2D.Double t = new Path2D.Double();
                t.moveTo(x, y - r * 1.15);
                t.lineTo(x + r, y + r * 0.75);
                t.lineTo(x - r, y + r * 0.75);
                t.closePath();
                yield t;
            }
        };
        if (s.fill() != null) {
            g.setColor(new Color(s.fill().getRGB()));
            g.fill(shape);
        }
        if (s.stroke() != null) {
            g.setColor(s.stroke());
            g.setStroke(new BasicStroke(Math.max(1, s.strokeWidth())));
            g.draw(shape);
        }
    }

    /**
     * Labels last, biggest first, each only where it does not cover one already placed; a white halo keeps them legible.
     * With {@code sprites} (screen frames) each is copied from an image drawn once ({@link LabelSprites}), at whole pixels;
     * else (print, PDF) drawn as glyph outlines where it falls.
     */
    private static void paintLabels(Graphics2D g, List<Label> labels, boolean sprites) {
        // biggest first, then in drawing order: a total order, so a frame painted in bands places the labels of one painted whole
        labels.sort(java.util.Comparator.comparingDouble((Label l) -> -l.style().labelSize()).thenComparingInt(Label::layer)
                .thenComparingInt(Label::feature));
        PlacedLabels placed = new PlacedLabels();
        FontRenderContext frc = g.getFontRenderContext();
        for (Label l : labels) {
            LabelSprites.Sprite sprite = sprites ? LabelSprites.of(l.text(), l.style(), frc) : null;
            TextLayout layout = sprites ? null : new TextLayout(l.text(), LabelSprites.font(l.text(), l.style().labelSize()), frc);
            Rectangle2D b = sprites ? sprite.bounds : layout.getBounds();
            double x = l.x() - b.getWidth() / 2;
            double y = l.y() + b.getHeight() / 2;
            Rectangle2D box = new Rectangle2D.Double(x - 2, y - b.getHeight() - 2, b.getWidth() + 4, b.getHeight() + 4);
            if (placed.overlaps(box)) {
                continue;
            }
            placed.add(box);
            if (sprites) {
                sprite.draw(g, x, y);
                continue;
            }
            Shape outline = layout.getOutline(java.awt.geom.AffineTransform.getTranslateInstance(x, y));
            g.setColor(LabelSprites.HALO);
            g.setStroke(LabelSprites.HALO_STROKE);
            g.draw(outline);
            g.setColor(l.style().labelColor());
            g.fill(outline);
        }
    }

    /**
     * The boxes of the labels placed so far, filed by 64-pixel cells: a county frame offers thousands of labels, and
     * testing each against every placed box made placing them quadratic.
     */
    private static final class PlacedLabels {
        private static final double CELL = 64;
        private final java.util.Map<Long, List<Rectangle2D>> cells = new java.util.HashMap<>();

        boolean overlaps(Rectangle2D box) {
            for (long key : keys(box)) {
                List<Rectangle2D> inCell = cells.get(key);
                if (inCell != null) {
                    for (Rectangle2D r : inCell) {
                        if (r.intersects(box)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        void add(Rectangle2D box) {
            for (long key : keys(box)) {
                cells.computeIfAbsent(key, k -> new ArrayList<>(4)).add(box);
            }
        }

        private static long[] keys(Rectangle2D box) {
            int x0 = (int) Math.floor(box.getMinX() / CELL);
            int x1 = (int) Math.floor(box.getMaxX() / CELL);
            int y0 = (int) Math.floor(box.getMinY() / CELL);
            int y1 = (int) Math.floor(box.getMaxY() / CELL);
            long[] keys = new long[(x1 - x0 + 1) * (y1 - y0 + 1)];
            int n = 0;
            for (int x = x0; x <= x1; x++) {
                for (int y = y0; y <= y1; y++) {
                    keys[n++] = ((long) x << 32) ^ (y & 0xFFFFFFFFL);
                }
            }
            return keys;
        }
    }
}
