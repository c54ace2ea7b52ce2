package cn.basinguard.app.ui;

import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A table cell that never hides part of what it holds: when the column is too narrow for the text (JavaFX then shows
 * it cut short with "…"), the full text is the cell's tooltip until the column is widened. Figures are right-aligned.
 * A row's note (a site's reasons) is the tooltip of each of its cells, after the full text when that is cut; it is not
 * the row's own tooltip, which would cover the cells' (JavaFX shows the outermost one). Whether the text is cut is
 * looked at when the mouse enters the cell ({@link HoverTip}), not at every layout: the cell adds nothing to the
 * layout of a table, whose first screenful is made while the JavaFX thread is busiest.
 */
class FullTextCell<R, T> extends TableCell<R, T> {
    private final Function<T, String> text;
    private Function<R, String> note = r -> null;
    private final HoverTip tip = new HoverTip(this, this::tipText, t -> { });

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
        tip.update();
    }

    /** The row's note, shown as the tooltip of the row's cells. */
    FullTextCell<R, T> withNote(Function<R, String> note) {
        this.note = note;
        return this;
    }

    /** The tooltip's text: the full text when it is shown cut, then the row's note; null when there is neither. */
    private String tipText() {
        R row = getTableRow() == null || isEmpty() ? null : getTableRow().getItem();
        String n = row == null ? null : note.apply(row);
        boolean noNote = n == null || n.isBlank();
        return isCut() ? (noNote ? getText() : getText() + "\n\n" + n) : noNote ? null : n;
    }

    /**
     * The text node the skin shows (its own child, the ".text" of the CSS): found among the children rather than by
     * {@code lookup(".text")}, which parses the selector anew each time.
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
        return getText() != null && shownText() instanceof Text t && !getText().equals(t.getText());
    }
}
