package cn.basinguard.app.ui;

/** What a click on the map does. */
enum MapTool {
    /** Pan by dragging, identify by clicking. */
    BROWSE,
    /** Clicks add points of a path whose ellipsoidal length is shown. */
    MEASURE_LENGTH,
    /** Clicks add corners of a polygon whose ellipsoidal area is shown. */
    MEASURE_AREA,
    /** Clicks add corners of a project site, checked when finished. */
    DRAW_SITE;

    boolean closesRing() {
        return this == MEASURE_AREA || this == DRAW_SITE;
    }
}
