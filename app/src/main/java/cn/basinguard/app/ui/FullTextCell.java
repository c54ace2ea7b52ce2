package cn.basinguard.app.ui;

import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A table cell that never hides part of what it holds: when the column is too narrow for the text (JavaFX then shows
 * it cut short with "…"), the full text is the cell's tooltip until the column is widened. Figures are right-aligned.
 * A row's note (a site's reasons) is the tooltip of each of its cells, after the full text when that is cut; it is not
 * the row's own tooltip, which would cover the cells' (JavaFX shows the outermost one).
 */
class FullTextCell<R, T> extends TableCell<R, T> {
    private final Function<T, String> text;
    private Function<R, String> note = r -> null;
    private Tooltip tip;
    private boolean cut;

    /** @param text what the cell shows for a value (never called with null) */
    FullTextCell(Function<T, String> text, boolean figure) {
        this.text = text;
        if (figure) {
            setAlignment(Pos.CENTER_RIGHT);
            getStyleClass().add("figure");
        }
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
    }

    /** The row's note, shown as the tooltip of the row's cells. */
    FullTextCell<R, T> withNote(Function<R, String> note) {
        this.note = note;
        return this;
    }

    /** After the skin has fitted the text into the cell, offer the full text if it did not fit. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        cut = getText() != null && shownText() instanceof Text t && !getText().equals(t.getText());
        R row = getTableRow() == null || isEmpty() ? null : getTableRow().getItem();
        String n = row == null ? null : note.apply(row);
        String wanted = cut ? (n == null || n.isBlank() ? getText() : getText() + "\n\n" + n) : n == null || n.isBlank() ? null : n;
        if (wanted == null) {
            if (getTooltip() != null) {
                setTooltip(null);
            }
            return;
        }
        if (tip == null) {
            tip = new Tooltip();
        }
        if (!wanted.equals(tip.getText())) {
            tip.setText(wanted);
        }
        if (getTooltip() != tip) {
            setTooltip(tip);
        }
    }

    /**
     * The text node the skin shows (its own child, the ".text" of the CSS): found among the children rather than by
     * {@code lookup(".text")}, which parses the selector anew for every cell at every layout of a 200,000-row table.
     */
    private Node shownText() {
        for (Node n : getChildrenUnmodifiable()) {
            if (n instanceof Text) {
                return n;
            }
        }
        return null;
    }

    /** True while the cell shows its text cut short (and offers it in full in its tooltip). */
    boolean isCut() {
        return cut;
    }
}
