package cn.basinguard.app.ui;

import static cn.basinguard.app.ui.ProbeScreen.capture;
import static cn.basinguard.app.ui.ProbeScreen.fx;
import static cn.basinguard.app.ui.ProbeScreen.settle;
import static cn.basinguard.app.ui.ProbeScreen.waitFor;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;

/**
 * Run by {@link LandUseDesktopTest} in a child JVM on a real X server with the GTK glass platform (not Monocle): starts
 * the real window on the bundled sample, runs the checks, chooses the site that occupies the most land-use patches,
 * shows the map around it (the land-use layer in its land-class colours, the legend listing the classes) and the
 * site's tables, and saves what the screen shows: {@code land-classes-gtk.png} (map, legend and the land-class table)
 * and {@code site-patches-gtk.png} (the patch table). Writes what it saw for the test to check.
 *
 * <p>Arguments: the output folder, the screenshot folder.
 */
public final class LandUseProbe {

    private LandUseProbe() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1); // the JavaFX thread would keep the JVM alive
        }
    }

    @SuppressWarnings("unchecked")
    private static void run(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path screenshots = Path.of(args[1]);
        Files.createDirectories(out);
        Files.createDirectories(screenshots);
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
            app.runChecks();
            return null;
        });
        waitFor(() -> fx(() -> app.reportProperty().get() != null));
        ResultsPane results = fx(() -> (ResultsPane) stage.getScene().lookup("#results"));
        TableView<ResultRows.SiteRow> sites = fx(() -> (TableView<ResultRows.SiteRow>) stage.getScene().lookup("#result-sites"));
        waitFor(() -> fx(() -> !sites.getItems().isEmpty()));
        ResultRows.SiteRow row = fx(() -> sites.getItems().stream().filter(r -> r.result().landUse() != null)
                .max(Comparator.comparingInt(r -> r.result().patches().size())).orElseThrow());
        fx(() -> {
            results.getSelectionModel().select(1);
            sites.getSelectionModel().select(row);
            sites.scrollTo(row);
            results.openSiteTables();
            return null;
        });
        waitFor(() -> fx(() -> results.siteTables().showing()));
        // wider than the site, so that the land classes around it show too
        Envelope e = new Envelope(row.geometry().getEnvelopeInternal());
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.8);
        fx(() -> {
            app.map().zoomTo(e);
            return null;
        });
        waitFor(() -> fx(() -> app.map().upToDate()));
        fx(() -> {
            // the legend's land classes sit under the land-use layer, the lowest: give the legend room and scroll to them
            app.layers().setDividerPositions(0.3);
            javafx.scene.Parent p = stage.getScene().lookup("#legend").getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane scroll) {
                stage.getScene().getRoot().layout();
                scroll.setVvalue(scroll.getVmax());
            }
            return null;
        });
        settle();
        Properties facts = new Properties();
        facts.setProperty("glass", fx(() -> com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName()));
        facts.setProperty("site", row.site());
        facts.setProperty("heading", fx(() -> ((Label) stage.getScene().lookup("#site-tables-heading")).getText()));
        StringBuilder legend = new StringBuilder();
        fx(() -> {
            stage.getScene().lookup("#legend").lookupAll(".label").forEach(n -> legend.append(((Label) n).getText()).append('\n'));
            return null;
        });
        facts.setProperty("legend", legend.toString());
        Path classes = screenshots.resolve("land-classes-gtk.png");
        ImageIO.write(capture(fx(() -> stage.getScene().getRoot().localToScreen(stage.getScene().getRoot().getBoundsInLocal()))), "png",
                classes.toFile());
        facts.setProperty("classesScreenshot", classes.toString());
        fx(() -> {
            TabPane inner = (TabPane) stage.getScene().lookup("#site-tables-tabs");
            inner.getSelectionModel().select(inner.getTabs().size() - 1);
            return null;
        });
        settle();
        Path patches = screenshots.resolve("site-patches-gtk.png");
        ImageIO.write(capture(fx(() -> stage.getScene().getRoot().localToScreen(stage.getScene().getRoot().getBoundsInLocal()))), "png",
                patches.toFile());
        facts.setProperty("patchesScreenshot", patches.toString());
        try (Writer w = Files.newBufferedWriter(out.resolve("probe.properties"))) {
            facts.store(w, "LandUseProbe");
        }
        Platform.exit();
        System.exit(0);
    }
}
