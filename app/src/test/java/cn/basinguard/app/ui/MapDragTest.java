package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.map.Viewport;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dragging the map moves the frame on screen with the mouse and asks for the next frame only when the drag ends or
 * stands still, and that frame is of where the drag ended.
 */
class MapDragTest extends WindowTest {
    private MapCanvas map;

    @BeforeEach
    void loaded() throws Exception {
        map = app.map();
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> map.contentProperty().get() != null && map.viewportProperty().get() != null);
        FxWait.waitFor(30, TimeUnit.SECONDS, map::upToDate);
    }

    private ImageView frameView() {
        return map.getChildrenUnmodifiable().stream().filter(ImageView.class::isInstance).map(ImageView.class::cast).findFirst().orElseThrow();
    }

    /**
     * A primary-button mouse event at the map's pixel (x, y), delivered to the map as the window delivers it. (Not
     * TestFX's robot: a press and drag through Monocle's mouse left its drag-and-drop state such that the next test's
     * drag and drop of a layer failed.)
     */
    private void mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        Point2D scene = map.localToScene(x, y);
        Point2D screen = map.localToScreen(x, y);
        javafx.event.Event.fireEvent(map, new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(), MouseButton.PRIMARY, 1,
                false, false, false, false, type != MouseEvent.MOUSE_RELEASED, false, false, false, false, type == MouseEvent.MOUSE_PRESSED, null));
    }

    /** Presses at the map's middle and drags by (dx, dy) pixels in {@code steps} moves, the button still held. */
    private void pressAndDrag(FxRobot robot, double dx, double dy, int steps) {
        double x = map.getWidth() / 2;
        double y = map.getHeight() / 2;
        robot.interact(() -> mouse(MouseEvent.MOUSE_PRESSED, x, y));
        for (int i = 1; i <= steps; i++) {
            int k = i;
            robot.interact(() -> mouse(MouseEvent.MOUSE_DRAGGED, x + dx * k / steps, y + dy * k / steps));
        }
    }

    private void release(FxRobot robot) {
        robot.interact(() -> mouse(MouseEvent.MOUSE_RELEASED, map.getWidth() / 2, map.getHeight() / 2));
    }

    @Test
    void aDragMovesTheFrameAndAsksForTheNextWhenItEnds(FxRobot robot) throws Exception {
        robot.interact(() -> map.setSettleDelay(Duration.seconds(60))); // no pause counts within this drag, however slow the machine
        Viewport before = map.viewportProperty().get();
        long asked = map.framesRequested();
        pressAndDrag(robot, -120, 60, 6);
        WaitForAsyncUtils.waitForFxEvents();
        Viewport dragged = map.viewportProperty().get();
        assertNotEquals(before, dragged, "the drag moved the view");
        assertEquals(asked, map.framesRequested(), "no frame is asked for while the mouse drags the map");
        assertEquals(before, map.shownViewport(), "the frame on screen is still the one from before the drag");
        assertFalse(map.upToDate());
        // the frame moved with the mouse: its top-left pixel is where the map point it shows now lies, on a whole pixel
        var topLeft = before.toWorld(0, 0);
        assertEquals(Math.rint(dragged.pixelX(topLeft.x)), frameView().getLayoutX(), 1e-9);
        assertEquals(Math.rint(dragged.pixelY(topLeft.y)), frameView().getLayoutY(), 1e-9);
        assertTrue(frameView().getLayoutX() < -100 && frameView().getLayoutY() > 50, frameView().getLayoutX() + ", " + frameView().getLayoutY());

        release(robot);
        FxWait.waitFor(30, TimeUnit.SECONDS, map::upToDate);
        assertEquals(dragged, map.viewportProperty().get(), "the release did not move the view");
        assertEquals(dragged, map.shownViewport(), "the frame on screen is of where the drag ended");
        assertTrue(map.framesRequested() > asked);
        assertEquals(0, frameView().getLayoutX(), 1e-9);
        assertEquals(0, frameView().getLayoutY(), 1e-9);
    }

    @Test
    void aDragThatStandsStillGetsItsFrameBeforeTheButtonIsReleased(FxRobot robot) throws Exception {
        robot.interact(() -> map.setSettleDelay(Duration.millis(150)));
        pressAndDrag(robot, -60, 0, 3);
        FxWait.waitFor(30, TimeUnit.SECONDS, map::upToDate);
        Viewport held = map.viewportProperty().get();
        long asked = map.framesRequested();
        release(robot);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(held, map.shownViewport());
        assertEquals(asked, map.framesRequested(), "released where it stood: its frame is on screen already, none asked for again");
    }

    @Test
    void otherViewChangesAskForTheirFrameAtOnce(FxRobot robot) {
        long asked = map.framesRequested();
        robot.interact(map::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertEquals(asked + 1, map.framesRequested(), "an arrow key pans by a step and asks for its frame");
        robot.interact(() -> {
            Viewport vp = map.viewportProperty().get();
            map.viewportProperty().set(vp.zoomAt(vp.width() / 2.0, vp.height() / 2.0, 1.25));
        });
        assertEquals(asked + 2, map.framesRequested(), "so does a zoom");
    }

    @Test
    void aFramePannedOffTheMapIsHiddenUntilTheNextOneComes(FxRobot robot) throws Exception {
        boolean[] visible = new boolean[1];
        robot.interact(() -> {
            Viewport vp = map.viewportProperty().get();
            map.viewportProperty().set(vp.pan(vp.width() + 10, 0));
            visible[0] = frameView().isVisible();
        });
        assertFalse(visible[0], "a frame wholly off the map is hidden, not moved (JavaFX would repaint the whole window)");
        FxWait.waitFor(30, TimeUnit.SECONDS, map::upToDate);
        assertTrue(frameView().isVisible());
    }
}
