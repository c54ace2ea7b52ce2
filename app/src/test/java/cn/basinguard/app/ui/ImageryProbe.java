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
        try (Writer w = Files.newBufferedWriter(out.resolve("probe.properties"))) {
            facts.store(w, "ImageryProbe");
        }
        Platform.exit();
        System.exit(0);
    }
}
