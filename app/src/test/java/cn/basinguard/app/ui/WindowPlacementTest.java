package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** The first start fits the screen (maximised up to 1920 px wide); a saved placement still wins. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    private final Preferences node = Preferences.userRoot().node(System.getProperty("basinguard.settings", "cn/basinguard/workbench"));
    private Stage stage;

    @Test
    void firstStartPlacementFollowsTheScreen() {
        for (double width : new double[] {1024, 1366, 1920}) {
            WindowPlacement p = WindowPlacement.firstStart(new Rectangle2D(0, 0, width, 700));
            assertTrue(p.maximized(), width + " px wide: maximised");
            assertEquals(width, p.width());
        }
        WindowPlacement wide = WindowPlacement.firstStart(new Rectangle2D(0, 30, 2560, 1400));
        assertFalse(wide.maximized(), "a 2560 px screen gets a large window, not a maximised one");
        assertEquals(2048, wide.width());
        assertEquals(1190, wide.height());
        assertEquals(256, wide.x(), "centred");
        assertEquals(30 + 105, wide.y());
    }

    @Test
    void theFirstStartFillsTheScreen(FxRobot robot) throws Exception {
        clearPlacement();
        start();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(screen.getWidth() <= WindowPlacement.MAXIMISE_UP_TO, "the test screen is an office-sized one: " + screen);
        assertTrue(stage.isMaximized(), "maximised on a " + screen.getWidth() + " px screen");
        assertEquals(screen.getWidth(), stage.getWidth(), 1);
        assertEquals(screen.getHeight(), stage.getHeight(), 1);
    }

    @Test
    void aSavedPlacementIsRestored(FxRobot robot) throws Exception {
        new UserSettings(node).saveWindow(120, 90, 1000, 700, false);
        start();
        assertFalse(stage.isMaximized());
        assertEquals(120, stage.getX(), 1);
        assertEquals(90, stage.getY(), 1);
        assertEquals(1000, stage.getWidth(), 1);
        assertEquals(700, stage.getHeight(), 1);
    }

    @Test
    void aPlacementOnAScreenThatIsGoneIsNotUsed(FxRobot robot) throws Exception {
        new UserSettings(node).saveWindow(9000, 9000, 1000, 700, false);
        start();
        assertTrue(Screen.getPrimary().getVisualBounds().contains(stage.getX() + 10, stage.getY() + 10), "on the screen there is");
    }

    private void start() throws Exception {
        FxToolkit.setupStage(s -> {
            stage = s;
            s.setMaximized(false);
            new WorkbenchApp().start(s);
        });
    }

    @AfterEach
    void leaveNoPlacement() throws Exception {
        clearPlacement();
        if (stage != null) {
            FxToolkit.setupStage(s -> s.setMaximized(false));
        }
    }

    /** The other window tests start as a first start does. */
    private void clearPlacement() throws Exception {
        for (String k : new String[] {"window.x", "window.y", "window.w", "window.h", "window.maximized"}) {
            node.remove(k);
        }
        node.flush();
    }
}
