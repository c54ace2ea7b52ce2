package cn.basinguard.app.ui;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.data.SampleData;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The BasinGuard main window. It opens the Zengdu sample (or the file given on the command line) at once, reading it
 * on a worker thread; the map, checks and sheets panels are built on this frame (issues 5–7).
 */
public final class WorkbenchApp extends Application {
    private final ListView<String> layers = new ListView<>();
    private final Label status = new Label();
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        BorderPane root = new BorderPane();
        root.setTop(menuBar());
        layers.setId("layers");
        TitledPane layersPane = new TitledPane(UiText.get("panel.layers"), layers);
        layersPane.setCollapsible(false);
        root.setLeft(layersPane);
        root.setCenter(new Label(UiText.get("app.title")));
        status.setId("status");
        root.setBottom(status);
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("basinguard.css").toExternalForm());
        stage.setTitle(UiText.get("app.title"));
        stage.setScene(scene);
        stage.show();
        open(initialFile());
    }

    private Path initialFile() {
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        return args.isEmpty() ? null : Path.of(args.get(0));
    }

    /** Opens a GeoPackage off the JavaFX thread; null opens the bundled Zengdu sample. */
    void open(Path file) {
        status.setText(UiText.get("status.loading", file == null ? "zengdu-sample.gpkg" : file.getFileName()));
        Task<DatasetSummary> task = new Task<>() {
            @Override
            protected DatasetSummary call() {
                return DatasetSummary.read(file == null ? SampleData.zengduSample() : file);
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> failed(task.getException()));
        Thread t = new Thread(task, "open-dataset");
        t.setDaemon(true);
        t.start();
    }

    private void show(DatasetSummary d) {
        String name = d.file().getFileName().toString();
        stage.setTitle(UiText.get(d.demonstration() ? "app.title.demo" : "app.title.file", name));
        layers.getItems().setAll(d.layers().stream().filter(LayerInfo::isSupported).map(WorkbenchApp::describe).toList());
        status.setText(UiText.get("status.ready"));
    }

    private static String describe(LayerInfo l) {
        String title = l.identifier() != null && !l.identifier().isBlank() ? l.identifier() : l.name();
        return UiText.get(l.kind() == LayerInfo.Kind.ATTRIBUTES ? "layer.item.table" : "layer.item", title, l.featureCount());
    }

    private void failed(Throwable e) {
        status.setText(UiText.get("status.failed"));
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(UiText.get("dialog.error"));
        alert.setHeaderText(UiText.get("dialog.openFailed"));
        alert.setContentText(e instanceof GisException g ? g.getMessage() : UiText.get("dialog.unexpected", String.valueOf(e)));
        alert.show();
    }

    private static MenuBar menuBar() {
        Menu file = new Menu(UiText.get("menu.file"));
        MenuItem exit = new MenuItem(UiText.get("menu.file.exit"));
        exit.setOnAction(e -> Platform.exit());
        file.getItems().add(exit);
        return new MenuBar(file, new Menu(UiText.get("menu.view")), new Menu(UiText.get("menu.check")), new Menu(UiText.get("menu.help")));
    }
}
