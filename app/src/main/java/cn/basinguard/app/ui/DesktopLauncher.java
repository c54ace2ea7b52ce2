package cn.basinguard.app.ui;

import javafx.application.Application;

/** Starts the JavaFX workbench; kept apart from {@code Main} so headless commands never load JavaFX. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
