package cn.basinguard.app.ui;

import static cn.basinguard.app.ui.ProbeScreen.capture;
import static cn.basinguard.app.ui.ProbeScreen.fx;
import static cn.basinguard.app.ui.ProbeScreen.save;
import static cn.basinguard.app.ui.ProbeScreen.settle;
import static cn.basinguard.app.ui.ProbeScreen.waitFor;
import static cn.basinguard.app.ui.ProbeScreen.waitForNode;

import cn.basinguard.core.source.pg.PgAddress;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Run by {@link DatabaseDesktopTest} in a child JVM on a real X server with the GTK glass platform: starts the real
 * window, opens 文件 → 连接空间数据库 for the test schema, types the password, and captures the screen with the dialog
 * over the window; then connects and captures the window drawing the database's layers. Writes what it saw (glass
 * platform, title, layers drawn, where the map is in the capture) for the test.
 *
 * <p>Arguments: output folder, screenshot folder, the schema's address (postgresql://…, no password). The password
 * comes from the environment variable BASINGUARD_TEST_PGPASSWORD, never from the command line.
 */
public final class DatabaseProbe {
    private DatabaseProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path screenshots = Path.of(args[1]);
        PgAddress address = PgAddress.parse(args[2]);
        String password = System.getenv("BASINGUARD_TEST_PGPASSWORD");
        Files.createDirectories(out);
        Files.createDirectories(screenshots);
        Platform.startup(() -> { });
        Stage stage = fx(Stage::new);
        WorkbenchApp app = new WorkbenchApp();
        fx(() -> {
            app.start(stage);
            return null;
        });
        waitFor(() -> fx(() -> !app.layers().list().getItems().isEmpty() && app.map().contentProperty().get() != null && app.map().upToDate()));

        // 文件 → 连接空间数据库, filled from the recent database and the password typed
        Platform.runLater(() -> app.chooseDatabase(address));
        DialogPane dialog = waitForNode(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p && p.lookup("#db-password") != null)
                .map(w -> w.getScene().getRoot()).findFirst().orElse(null));
        fx(() -> {
            ((PasswordField) dialog.lookup("#db-password")).setText(password);
            Window w = dialog.getScene().getWindow();
            w.setX(stage.getX() + stage.getWidth() * 0.35);
            w.setY(stage.getY() + 120);
            return null;
        });
        settle();
        save(capture(stage.getScene().getRoot()), screenshots.resolve("database-connect-gtk.png"));
        fx(() -> {
            ((Button) dialog.lookupButton(ButtonType.OK)).fire();
            return null;
        });

        waitFor(() -> fx(() -> stage.getTitle().contains(address.schema()) && app.map().contentProperty().get() != null
                && app.map().contentProperty().get().layers().size() >= 7 && app.map().upToDate()));
        settle();
        save(capture(stage.getScene().getRoot()), screenshots.resolve("database-gtk.png"));

        Properties facts = new Properties();
        facts.setProperty("glass", fx(() -> com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName()));
        facts.setProperty("title", fx(stage::getTitle));
        facts.setProperty("layers", fx(() -> String.join("|", app.map().contentProperty().get().layers().stream()
                .map(l -> l.table() + ":" + l.features().size()).toList())));
        Bounds map = fx(() -> {
            Bounds root = stage.getScene().getRoot().localToScreen(stage.getScene().getRoot().getBoundsInLocal());
            Bounds m = app.map().localToScreen(app.map().getBoundsInLocal());
            return new javafx.geometry.BoundingBox(m.getMinX() - Math.floor(root.getMinX()), m.getMinY() - Math.floor(root.getMinY()),
                    m.getWidth(), m.getHeight());
        });
        facts.setProperty("map", (int) map.getMinX() + "," + (int) map.getMinY() + "," + (int) map.getWidth() + "," + (int) map.getHeight());
        try (Writer w = Files.newBufferedWriter(out.resolve("probe.properties"))) {
            facts.store(w, "DatabaseProbe");
        }
        fx(() -> {
            app.stop();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }
}
