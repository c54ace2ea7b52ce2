package cn.basinguard.app.ui;

import cn.basinguard.core.check.CheckReport;
import java.awt.image.BufferedImage;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Run by {@link BureauFolderDesktopTest} in a child JVM on a real X server with the GTK glass platform (not Monocle):
 * starts the real window, opens the bureau's folder, imports its control list, runs the checks, and saves what the
 * screen shows (the layers with their files and encodings, the map, the results with the approximate reservoir
 * counts) as a screenshot; writes what it saw for the test to check.
 *
 * <p>Arguments: the bureau folder, the control list, the output folder, the screenshot folder.
 */
public final class BureauFolderProbe {
    private static final long WAIT_S = 120;

    private BureauFolderProbe() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // the JavaFX thread would keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path list = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Path screenshots = Path.of(args[3]);
        Files.createDirectories(out);
        Files.createDirectories(screenshots);
        Platform.startup(() -> { });
        Stage stage = fx(Stage::new);
        WorkbenchApp app = new WorkbenchApp();
        fx(() -> {
            app.start(stage);
            return null;
        });
        waitFor(() -> fx(() -> !app.layers().list().getItems().isEmpty()));
        fx(() -> {
            app.open(folder);
            return null;
        });
        Label status = fx(() -> (Label) stage.getScene().lookup("#status"));
        waitFor(() -> fx(app.layers()::showsSourceLines), () -> "the folder did not open: " + status.getText() + " / " + stage.getTitle());
        fx(() -> {
            app.importControlList(list);
            return null;
        });
        waitFor(() -> fx(() -> status.getText().contains(list.getFileName().toString())), () -> "the list was not taken: " + status.getText());
        fx(() -> {
            app.runChecks();
            return null;
        });
        waitFor(() -> fx(() -> app.reportProperty().get() != null));
        waitFor(() -> fx(() -> app.map().upToDate()));
        settle();
        Properties facts = new Properties();
        facts.setProperty("glass", fx(() -> com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName()));
        facts.setProperty("title", fx(stage::getTitle));
        facts.setProperty("status", fx(status::getText));
        CheckReport report = fx(() -> app.reportProperty().get());
        facts.setProperty("approximateLayers", String.valueOf(report.approximateLayers().size()));
        StringBuilder lines = new StringBuilder();
        fx(() -> {
            for (Node n : stage.getScene().getRoot().lookupAll(".layer-source")) {
                if (n.isVisible() && n instanceof Label l && l.getText() != null) {
                    lines.append(l.getText()).append('\n');
                }
            }
            return null;
        });
        facts.setProperty("sourceLines", lines.toString());
        Path png = screenshots.resolve("bureau-folder-gtk.png");
        ImageIO.write(capture(fx(() -> stage.getScene().getRoot().localToScreen(stage.getScene().getRoot().getBoundsInLocal()))), "png", png.toFile());
        facts.setProperty("screenshot", png.toString());
        try (Writer w = Files.newBufferedWriter(out.resolve("probe.properties"))) {
            facts.store(w, "BureauFolderProbe");
        }
        Platform.exit();
        System.exit(0);
    }

    /** The screen's own pixels (through GTK), not a re-rendered snapshot of the scene. */
    private static BufferedImage capture(Bounds b) throws Exception {
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

    /** Lets the window lay out and paint before the screen is read (the map is painted on its own thread). */
    private static void settle() throws Exception {
        for (int i = 0; i < 6; i++) {
            fx(() -> null);
            Thread.sleep(250);
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
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

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        waitFor(condition, () -> "");
    }

    private static void waitFor(Callable<Boolean> condition, Callable<String> why) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < end) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not done within " + WAIT_S + " s: " + fx(why));
    }
}
