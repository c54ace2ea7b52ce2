package cn.basinguard.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what the window shows as PNG files under app/target/screenshots, for a reviewer to look at. */
final class Screenshots {
    static final Path DIR = Path.of(System.getProperty("basinguard.screenshots", "target/screenshots"));

    private Screenshots() {
    }

    /** Must run on the JavaFX thread. */
    static Path save(Scene scene, String name) {
        WritableImage fx = scene.snapshot(null);
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(DIR);
            Path out = DIR.resolve(name + ".png");
            ImageIO.write(img, "png", out.toFile());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
