package cn.basinguard.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javax.imageio.ImageIO;

/**
 * What every GTK probe (a child JVM showing the real window under Xvfb) does besides its own steps: run work on the
 * JavaFX thread, wait for a state, let the window paint, and read the screen's own pixels. One copy, so the probes
 * differ only in what they show.
 */
final class ProbeScreen {
    /** Generous: a probe waits for a state, never for a time; a loaded CI machine may take minutes to open a sample. */
    static final long WAIT_S = 180;

    private ProbeScreen() {
    }

    static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(WAIT_S, TimeUnit.SECONDS);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        waitFor(condition, () -> "");
    }

    /** @param why what went wrong, asked on the JavaFX thread when the wait runs out */
    static void waitFor(Callable<Boolean> condition, Callable<String> why) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < end) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(100);
        }
        String reason = fx(why);
        throw new IllegalStateException("not done within " + WAIT_S + " s" + (reason.isEmpty() ? "" : ": " + reason));
    }

    static <T extends Node> T waitForNode(Callable<Node> find) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < end) {
            Node n = fx(find);
            if (n != null) {
                @SuppressWarnings("unchecked")
                T t = (T) n;
                return t;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not shown within " + WAIT_S + " s");
    }

    /** Lets the window lay out and paint before the screen is read (the map is painted on its own thread). */
    static void settle() throws Exception {
        settle(6, 250);
    }

    /** As {@link #settle()}, for a change that needs no new map frame. */
    static void settle(int rounds, long pauseMs) throws Exception {
        for (int i = 0; i < rounds; i++) {
            fx(() -> null);
            Thread.sleep(pauseMs);
        }
    }

    static BufferedImage capture(Node node) throws Exception {
        return capture(fx(() -> node.localToScreen(node.getBoundsInLocal())));
    }

    /** The screen's own pixels (through GTK), not a re-rendered snapshot of the scene. */
    static BufferedImage capture(Bounds b) throws Exception {
        WritableImage fx = fx(() -> new Robot().getScreenCapture(null, Math.floor(b.getMinX()), Math.floor(b.getMinY()),
                Math.ceil(b.getWidth()), Math.ceil(b.getHeight()), false));
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, fx.getPixelReader().getArgb(x, y));
            }
        }
        return img;
    }

    static void save(BufferedImage img, Path file) throws IOException {
        ImageIO.write(img, "png", file.toFile());
    }
}
