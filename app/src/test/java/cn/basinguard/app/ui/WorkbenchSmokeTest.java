package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WorkbenchSmokeTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new WorkbenchApp().start(stage);
    }

    @Test
    void windowOpensWithTheChineseTitle() {
        assertTrue(stage.getTitle().contains("流域底线核查"), stage.getTitle());
        assertTrue(stage.isShowing());
    }
}
