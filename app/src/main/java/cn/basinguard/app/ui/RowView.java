package cn.basinguard.app.ui;

import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The rows an attribute table shows — those its column filters keep, in the order of its sorted columns — as one
 * read-only list whose content changes in one change replacing it all. The order and the subset are found off the
 * JavaFX thread ({@link RowOrder}, {@link AttributeTableTab}); the table is the list's only listener. Through
 * ControlsFX's TableFilter (a sorted list over a filtered list over a sorted list), the same change of a county's
 * 902,278 rows held the JavaFX thread 120–170 ms, and 2.2 s once one of its column filters had been used.
 */
final class RowView<E> extends ObservableListBase<E> {
    private final List<E> items;
    /** The item shown at each position, by its index in {@link #items}. */
    private int[] shown;

    RowView(List<E> items) {
        this.items = List.copyOf(items);
        this.shown = new int[this.items.size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = i;
        }
    }

    /** Every item, shown or not, in the order they were given. */
    List<E> all() {
        return items;
    }

    @Override
    public E get(int index) {
        return items.get(shown[index]);
    }

    @Override
    public int size() {
        return shown.length;
    }

    /**
     * Shows the items at {@code positions} (indices into {@link #all()}), in that order; on the JavaFX thread. The
     * array becomes the list's own (it is made for this, off the JavaFX thread): not copied, not to be changed.
     */
    void show(int[] positions) {
        int[] old = shown;
        shown = positions;
        beginChange();
        nextReplace(0, shown.length, new java.util.AbstractList<E>() {
            @Override
            public E get(int i) {
                return items.get(old[i]);
            }

            @Override
            public int size() {
                return old.length;
            }
        });
        endChange();
    }
}
