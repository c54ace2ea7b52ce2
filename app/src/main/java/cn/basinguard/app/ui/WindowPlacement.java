package cn.basinguard.app.ui;

import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens when the user has no saved placement (the first start, or a saved one on a screen that is
 * no longer there): filling the screen, maximised, on screens up to 1920 logical pixels wide — laptops and office
 * monitors, where a map and tables need all the room there is — and a large centred window on wider screens.
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    static final double MAXIMISE_UP_TO = 1920;

    /** @param visual the screen's visual bounds (without task bars), in JavaFX's logical pixels */
    static WindowPlacement firstStart(Rectangle2D visual) {
        if (visual.getWidth() <= MAXIMISE_UP_TO) {
            return new WindowPlacement(visual.getMinX(), visual.getMinY(), visual.getWidth(), visual.getHeight(), true);
        }
        double w = Math.max(MAXIMISE_UP_TO, visual.getWidth() * 0.8);
        double h = Math.min(visual.getHeight(), Math.max(1080, visual.getHeight() * 0.85));
        return new WindowPlacement(visual.getMinX() + (visual.getWidth() - w) / 2, visual.getMinY() + (visual.getHeight() - h) / 2, w, h, false);
    }
}
