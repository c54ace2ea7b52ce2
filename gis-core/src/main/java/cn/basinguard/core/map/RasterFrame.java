package cn.basinguard.core.map;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Geometry;

/**
 * A frame painted into memory for the screen: premultiplied ARGB ints, which JavaFX shows through a PixelBuffer
 * without copying, and the viewport it was painted for (the window may have moved on meanwhile).
 *
 * <p>A frame is painted in horizontal bands, one per core, each band's patches by its own thread into its own rows of
 * the one raster: anti-aliased filling is most of a frame's cost and divides cleanly. Labels and the highlight are
 * placed afterwards over the whole frame, so a label is never cut or doubled at a band's edge.
 */
public record RasterFrame(BufferedImage image, int[] pixels, Viewport viewport) {
    /** One band per core, up to 4; -Dbasinguard.map.bands=N sets it (1: paint whole, as before bands). */
    private static final int BANDS = Math.max(1, Integer.getInteger("basinguard.map.bands", Math.min(4, Runtime.getRuntime().availableProcessors())));
    /** Bands thinner than this cost more in setting up than they save. */
    private static final int MIN_BAND_ROWS = 96;
    private static final ExecutorService PAINTERS = Executors.newFixedThreadPool(Math.max(1, BANDS - 1), r -> {
        Thread t = new Thread(r, "map-band");
        t.setDaemon(true);
        // a band painter works for whoever paints the frame; in the window that is a background thread at the lowest
        // priority, so that the JavaFX threads get a core first (on Linux when the JVM honours priorities)
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    /** Paints a frame; null when cancelled before it was done. */
    public static RasterFrame paint(MapContent content, Viewport vp, List<Geometry> highlight, Color background, BooleanSupplier cancelled) {
        return paint(content, vp, highlight, background, cancelled, Math.max(1, Math.min(BANDS, vp.height() / MIN_BAND_ROWS)));
    }

    /** As above in {@code bands} bands (tests compare the banded frame with one painted whole). */
    static RasterFrame paint(MapContent content, Viewport vp, List<Geometry> highlight, Color background, BooleanSupplier cancelled,
                             int bands) {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        if (background != null) {
            java.util.Arrays.fill(pixels, premultiplied(background));
        }
        List<List<MapRenderer.Label>> labels = new ArrayList<>();
        List<Future<Boolean>> others = new ArrayList<>();
        for (int b = 1; b < bands; b++) {
            List<MapRenderer.Label> found = new ArrayList<>();
            labels.add(found);
            int band = b;
            others.add(PAINTERS.submit(() -> band(img, content, vp, band, bands, found, cancelled, pixels)));
        }
        List<MapRenderer.Label> first = new ArrayList<>();
        labels.add(0, first);
        boolean done = band(img, content, vp, 0, bands, first, cancelled, pixels);
        for (Future<Boolean> f : others) {
            try {
                done &= f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        if (!done) {
            return null;
        }
        LinkedHashSet<MapRenderer.Label> unique = new LinkedHashSet<>();
        labels.forEach(unique::addAll);
        Graphics2D g = img.createGraphics();
        try {
            MapRenderer.paintOverlay(g, vp, new ArrayList<>(unique), highlight, true);
        } finally {
            g.dispose();
        }
        return new RasterFrame(img, pixels, vp);
    }

    private static boolean band(BufferedImage img, MapContent content, Viewport vp, int band, int bands, List<MapRenderer.Label> labels,
                                BooleanSupplier cancelled, int[] pixels) {
        int from = vp.height() * band / bands;
        int to = vp.height() * (band + 1) / bands;
        Graphics2D g = img.createGraphics();
        try {
            return MapRenderer.paintBand(g, content, vp, from, to, labels, cancelled, pixels);
        } finally {
            g.dispose();
        }
    }

    private static int premultiplied(Color c) {
        int a = c.getAlpha();
        return a << 24 | (c.getRed() * a / 255) << 16 | (c.getGreen() * a / 255) << 8 | (c.getBlue() * a / 255);
    }
}
