package cn.basinguard.app.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The main window started for each test, as the user starts it (it opens the Zengdu sample), on TestFX's stage.
 * (TestFX looks for {@code @Start} only in the test class itself, so the base class starts the window here.)
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    Stage stage;
    WorkbenchApp app;

    @BeforeEach
    void startWindow() throws Exception {
        FxToolkit.setupStage(s -> {
            stage = s;
            app = new WorkbenchApp();
            app.start(s);
        });
    }
}
