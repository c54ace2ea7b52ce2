package cn.basinguard.app.ui;

import static cn.basinguard.app.ui.ProbeScreen.capture;
import static cn.basinguard.app.ui.ProbeScreen.fx;
import static cn.basinguard.app.ui.ProbeScreen.settle;
import static cn.basinguard.app.ui.ProbeScreen.waitFor;

import cn.basinguard.core.check.CheckReport;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
}
