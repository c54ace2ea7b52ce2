package cn.basinguard.app.ui;

import javafx.scene.control.Tab;
import javafx.scene.layout.Region;

/**
 * Keeps the content of a tab not on show at no size and out of its tab's layout. A TabPane lays out the content of
 * every tab, shown or not: when a check ended, the four result tables each made and laid out a screenful of cells
 * (their CSS, their text), 1–1.4 s of the JavaFX thread on the loaded test machine, for the one table the user sees, if
 * any. A table of no size makes no cells; it is given its place again as its tab is chosen. The content stays in the
 * scene (its rows, columns and menus as they were), only its cells wait.
 */
final class HiddenTabs {
    private HiddenTabs() {
    }

    /** {@code content} (the tab's content) is laid out only while {@code tab} is selected. */
    static void shelve(Tab tab, Region content) {
        java.util.function.Consumer<Boolean> place = shown -> {
            content.setManaged(shown);
            if (!shown) {
                content.resize(0, 0);
            }
        };
        place.accept(tab.isSelected());
        tab.selectedProperty().addListener((o, was, shown) -> place.accept(shown));
    }
}
