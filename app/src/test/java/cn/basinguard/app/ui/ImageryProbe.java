package cn.basinguard.app.ui;

import static cn.basinguard.app.ui.ProbeScreen.capture;
import static cn.basinguard.app.ui.ProbeScreen.fx;
import static cn.basinguard.app.ui.ProbeScreen.settle;
import static cn.basinguard.app.ui.ProbeScreen.waitFor;

import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.data.SampleData;
import cn.basinguard.data.SyntheticOrthophoto;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;

/**
 * Run by {@link ImageryDesktopTest} in a child JVM on a real X server with the GTK glass platform: makes the sample's
 * 示意影像 ({@link SyntheticOrthophoto}, 5 m), opens the bundled sample and it together in the real window, zooms to a
 * township-sized view around the biggest reservoir and saves what the screen shows as {@code imagery-gtk.png}. Writes
 * what it saw (layer names, legend, where the map is on the screen) for the test to check.
 *
 * <p>Arguments: the output folder, the screenshot folder.
 */
public final class ImageryProbe {

    private ImageryProbe() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // the JavaFX thread would keep the JVM alive
        }
    }

    /**
     * Drags the map with the X server's pointer (300 px left, 120 px up, in 20 moves a frame apart), saves the screen
     * while the button is held ({@code imagery-gtk-dragging.png}: the frame from before the drag moved with the mouse)
     * and once the drag's own frame is on screen ({@code imagery-gtk-panned.png}); notes how far the view moved.
     */
    private static void panned(WorkbenchApp app, Bounds root, Path screenshots, Properties facts) throws Exception {
        // the frame of a drag that stands still comes after 180 ms: held off here, so the first shot is the drag itself
        fx(() -> {
            app.map().setSettleDelay(javafx.util.Duration.seconds(60));
            return null;
        });
        javafx.scene.robot.Robot robot = fx(javafx.scene.robot.Robot::new);
        javafx.geometry.Point2D start = fx(() -> app.map().localToScreen(app.map().getWidth() * 0.7, app.map().getHeight() * 0.6));
        var before = fx(() -> app.map().viewportProperty().get());
        fx(() -> {
            robot.mouseMove(start);
            robot.mousePress(javafx.scene.input.MouseButton.PRIMARY);
            return null;
        });
        for (int i = 1; i <= 20; i++) {
            int k = i;
            fx(() -> {
                robot.mouseMove(start.getX() - 15 * k, start.getY() - 6 * k);
                return null;
            });
            Thread.sleep(16);
        }
        settle(3, 100);
        Path dragging = screenshots.resolve("imagery-gtk-dragging.png");
        ImageIO.write(capture(root), "png", dragging.toFile());
        facts.setProperty("draggingUpToDate", Boolean.toString(fx(() -> app.map().upToDate())));
        fx(() -> {
            robot.mouseRelease(javafx.scene.input.MouseButton.PRIMARY);
            return null;
        });
        waitFor(() -> fx(() -> app.map().upToDate()));
        settle();
        var after = fx(() -> app.map().viewportProperty().get());
        facts.setProperty("panPixels", Math.round((after.centerX() - before.centerX()) / before.unitsPerPixel()) + ","
                + Math.round((after.centerY() - before.centerY()) / before.unitsPerPixel()));
        Path panned = screenshots.resolve("imagery-gtk-panned.png");
        ImageIO.write(capture(root), "png", panned.toFile());
        facts.setProperty("draggingScreenshot", dragging.toString());
        facts.setProperty("pannedScreenshot", panned.toString());
    }

    private static void run(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path screenshots = Path.of(args[1]);
        Files.createDirectories(out);
        Files.createDirectories(screenshots);
        Path sample = SampleData.zengduSample();
        Path ortho = out.resolve("zengdu-示意影像.gpkg");
        Files.deleteIfExists(ortho);
        SyntheticOrthophoto.write(sample, ortho, SyntheticOrthophoto.DEFAULT_PIXEL);
        Platform.startup(() -> { });
        Stage stage = fx(Stage::new);
        WorkbenchApp app = new WorkbenchApp();
        fx(() -> {
            app.start(stage);
            stage.setWidth(1500);
            stage.setHeight(960);
            return null;
        });
        waitFor(() -> fx(() -> app.map().contentProperty().get() != null && !app.layers().list().getItems().isEmpty()));
        fx(() -> {
            app.open(OpenedData.of(List.of(sample, ortho)));
            return null;
        });
        waitFor(() -> fx(() -> {
            MapContent c = app.map().contentProperty().get();
            return c != null && !c.layers().isEmpty() && c.layers().get(0).isImagery() && app.map().viewportProperty().get() != null;
        }));
        MapContent content = fx(() -> app.map().contentProperty().get());
        // a township's view (5 km wide) around the biggest reservoir: water, fields, forest and hamlets together
        MapFeature reservoir = content.layers().stream().filter(l -> "SKSM".equals(l.table())).findFirst().orElseThrow().features().stream()
                .max(Comparator.comparingDouble(f -> f.geometry().getArea())).orElseThrow();
        org.locationtech.jts.geom.Coordinate c = reservoir.geometry().getEnvelopeInternal().centre();
        Envelope view = new Envelope(c.x - 2500, c.x + 2500, c.y - 1800, c.y + 1800);
        fx(() -> {
            app.map().zoomTo(view);
            return null;
        });
        waitFor(() -> fx(() -> app.map().upToDate()));
        // the land-use layer tiles the district and hides the imagery under it: switched off, as a planner does
        fx(() -> {
            ((javafx.scene.control.CheckBox) stage.getScene().lookup("#visible-DLTB")).fire();
            return null;
        });
        waitFor(() -> fx(() -> app.map().contentProperty().get().layers().stream().filter(l -> "DLTB".equals(l.table()))
                .noneMatch(MapLayer::visible)));
        waitFor(() -> fx(() -> app.map().upToDate()));
        settle();
        Properties facts = new Properties();
        facts.setProperty("glass", fx(() -> com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName()));
        facts.setProperty("mapLayers", content.layers().stream().map(MapLayer::name).collect(Collectors.joining("\n")));
        facts.setProperty("layerList", fx(() -> app.layers().list().getItems().stream().map(WorkbenchApp::describe).collect(Collectors.joining("\n"))));
        StringBuilder legend = new StringBuilder();
        fx(() -> {
            stage.getScene().lookup("#legend").lookupAll(".label").forEach(n -> legend.append(((Label) n).getText()).append('\n'));
            return null;
        });
        facts.setProperty("legend", legend.toString());
        Bounds root = fx(() -> stage.getScene().getRoot().localToScreen(stage.getScene().getRoot().getBoundsInLocal()));
        Bounds map = fx(() -> app.map().localToScreen(app.map().getBoundsInLocal()));
        facts.setProperty("mapBox", (int) (map.getMinX() - root.getMinX()) + "," + (int) (map.getMinY() - root.getMinY()) + ","
                + (int) map.getWidth() + "," + (int) map.getHeight());
        Path shot = screenshots.resolve("imagery-gtk.png");
        ImageIO.write(capture(root), "png", shot.toFile());
        facts.setProperty("screenshot", shot.toString());
        panned(app, root, screenshots, facts);
        try (Writer w = Files.newBufferedWriter(out.resolve("probe.properties"))) {
            facts.store(w, "ImageryProbe");
        }
        Platform.exit();
        System.exit(0);
    }
}
