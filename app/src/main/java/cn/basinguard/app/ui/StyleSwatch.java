package cn.basinguard.app.ui;

import cn.basinguard.core.map.LayerStyle;
import cn.basinguard.core.map.Legend;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.scene.paint.Color;

/**
 * A small picture of a layer's style for the layer list and the legend panel, drawn by the printed legend's own
 * swatch code, so the window and the paper show a layer alike.
 */
final class StyleSwatch {
    private static final int W = 26;
    private static final int H = 14;

    private StyleSwatch() {
    }

    /** Done once Java2D has drawn its first swatch, off the JavaFX thread. */
    private static final java.util.concurrent.CompletableFuture<Void> WARM = new java.util.concurrent.CompletableFuture<>();
    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();
    /** The image view's property holding the swatch last asked of it, shown once Java2D is warm. */
    private static final String WANTED = "basinguard.swatch";

    /**
     * Draws a swatch of every role's default style into an image nobody sees, on a thread of its own: the first Java2D
     * drawing of the process (loading and initialising its classes and pipelines) took 1–2 s, and the layer list would
     * otherwise pay it on the JavaFX thread with the first swatch. Until it is done, swatches wait (see {@link #show}).
     */
    static void warmUpInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = Background.thread(() -> {
            try {
                for (cn.basinguard.core.check.LayerRole role : cn.basinguard.core.check.LayerRole.values()) {
                    image(cn.basinguard.core.map.DefaultStyles.forRole(role), 1.0);
                }
                // and the first JavaFX image made of one (JavaFX images may be made on any thread)
                FxImages.of(image(cn.basinguard.core.map.DefaultStyles.forRole(null), 0.5));
            } finally {
                WARM.complete(null);
            }
        }, "java2d-warm-up");
        t.start();
    }

    /**
     * Swatches drawn so far, by style and opacity. The layer list redraws a row's swatch when its style changes and the
     * legend shows one per land class: ~60 Java2D drawings and image copies each time a file opened or a layer was
     * switched, of a few dozen distinct styles. Filled on the JavaFX thread or ahead of it ({@link #prepare}).
     */
    private static final java.util.Map<java.util.List<Object>, javafx.scene.image.Image> DRAWN =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<java.util.List<Object>, javafx.scene.image.Image> eldest) {
                    return size() > 256;
                }
            });

    private static javafx.scene.image.Image fxImage(LayerStyle s, double opacity) {
        return DRAWN.computeIfAbsent(java.util.List.of(s, opacity), k -> FxImages.of(image(s, opacity)));
    }

    /**
     * The swatch as an image view (the layer list's and the legend's): a light node that shares the swatch's image,
     * where a canvas of its own keeps a buffer of drawing commands for the render thread (allocating it was 50 ms of
     * the JavaFX thread's blocks as the layer list first showed a file's layers). Until Java2D is warm it is empty.
     */
    static javafx.scene.image.ImageView view(LayerStyle s, double opacity) {
        javafx.scene.image.ImageView v = new javafx.scene.image.ImageView();
        show(v, s, opacity);
        return v;
    }

    /** Shows the swatch of {@code s} in {@code v} (now, or once Java2D is warm: the JavaFX thread must not initialise it). */
    static void show(javafx.scene.image.ImageView v, LayerStyle s, double opacity) {
        if (WARM.isDone()) {
            v.getProperties().remove(WANTED); // asked before Java2D was warm: this one is newer
            v.setImage(fxImage(s, opacity));
            return;
        }
        // the swatch last asked of this view is shown when Java2D is ready
        v.getProperties().put(WANTED, new Object[] {s, opacity});
        warmUpInBackground();
        WARM.thenRun(() -> javafx.application.Platform.runLater(() -> {
            Object[] w = (Object[]) v.getProperties().remove(WANTED);
            if (w != null) {
                v.setImage(fxImage((LayerStyle) w[0], (Double) w[1]));
            }
        }));
    }

    /**
     * Draws the swatches of these styles ahead of the JavaFX thread (on the thread that read the data), so that the
     * layer list and the legend find them drawn. Each entry is a style and its opacity.
     */
    static void prepare(java.util.List<java.util.Map.Entry<LayerStyle, Double>> styles) {
        warmUpInBackground();
        WARM.join();
        for (var e : styles) {
            fxImage(e.getKey(), e.getValue());
        }
    }

    private static BufferedImage image(LayerStyle s, double opacity) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
            Legend.swatch(g, s, 1.5, 1.5, W - 3, H - 3);
        } finally {
            g.dispose();
        }
        return img;
    }

    static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
