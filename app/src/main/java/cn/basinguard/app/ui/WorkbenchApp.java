package cn.basinguard.app.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The BasinGuard main window. The workbench (map, layers, checks) is built up in issue 5. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("流域底线核查 BasinGuard"));
        stage.setTitle("流域底线核查 BasinGuard");
        stage.setScene(new Scene(root, 1200, 800));
        stage.show();
    }
}
