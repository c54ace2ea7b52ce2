package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WorkbenchSmokeTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new WorkbenchApp().start(stage);
    }

    @Test
    void opensTheZengduSampleAndSaysItIsDemonstrationData(FxRobot robot) throws Exception {
        ListView<?> layers = robot.lookup("#layers").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !layers.getItems().isEmpty());
        assertTrue(stage.getTitle().contains("示意数据"), stage.getTitle());
        assertTrue(layers.getItems().stream().anyMatch(i -> i.toString().contains("永久基本农田")), layers.getItems().toString());
        assertTrue(layers.getItems().stream().anyMatch(i -> i.toString().contains("流域治理单元")), layers.getItems().toString());
    }
}
