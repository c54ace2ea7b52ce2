package cn.basinguard.app.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The BasinGuard main window. The workbench (map, layers, checks) is built up in issue 5. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane();
        root.setTop(menuBar());
        root.setCenter(new Label(UiText.get("app.title")));
        Label status = new Label(UiText.get("status.ready"));
        status.setId("status");
        root.setBottom(status);
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("basinguard.css").toExternalForm());
        stage.setTitle(UiText.get("app.title"));
        stage.setScene(scene);
        stage.show();
    }

    private static MenuBar menuBar() {
        Menu file = new Menu(UiText.get("menu.file"));
        MenuItem exit = new MenuItem(UiText.get("menu.file.exit"));
        exit.setOnAction(e -> javafx.application.Platform.exit());
        file.getItems().add(exit);
        return new MenuBar(file, new Menu(UiText.get("menu.view")), new Menu(UiText.get("menu.check")), new Menu(UiText.get("menu.help")));
    }
}
