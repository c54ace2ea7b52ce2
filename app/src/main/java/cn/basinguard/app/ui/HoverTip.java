package cn.basinguard.app.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip, made and its text worked out when the mouse enters the control rather than when the control is
 * made or laid out. A tooltip is a popup window of its own: one made for every table cell and layer row as they were
 * created and laid out was the largest single cost of our code on the JavaFX thread while a file opened and while the
 * result and attribute tables were first shown (100–200 ms a table on the loaded test machine), for tips nobody had
 * yet asked to see.
 */
final class HoverTip {
    private final Control owner;
    private final Supplier<String> text;
    private final Consumer<Tooltip> setUp;
    private Tooltip tip;

    /**
     * @param text the tooltip's text now, null for none (asked on the JavaFX thread when the mouse enters, and again
     *             as the tip shows, so that it says what the control shows then)
     * @param setUp settings of the tooltip once made (wrapping, width)
     */
    HoverTip(Control owner, Supplier<String> text, Consumer<Tooltip> setUp) {
        this.owner = owner;
        this.text = text;
        this.setUp = setUp;
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> update());
    }

    /**
     * Sets the tooltip to the current text, or takes it away: called when the mouse enters, and by the owner when what
     * it shows changes (a cell given another row); does nothing while the mouse is elsewhere and no tip is set.
     */
    void update() {
        if (!owner.isHover() && owner.getTooltip() == null) {
            return;
        }
        String t = text.get();
        if (t == null || t.isBlank()) {
            if (owner.getTooltip() != null) {
                owner.setTooltip(null);
            }
            return;
        }
        if (tip == null) {
            tip = new Tooltip();
            setUp.accept(tip);
            // the text as the tip appears: the column may have been widened since the mouse came in
            tip.setOnShowing(e -> {
                String now = text.get();
                if (now != null && !now.isBlank() && !now.equals(tip.getText())) {
                    tip.setText(now);
                }
            });
        }
        if (!t.equals(tip.getText())) {
            tip.setText(t);
        }
        if (owner.getTooltip() != tip) {
            owner.setTooltip(tip);
        }
    }
}
