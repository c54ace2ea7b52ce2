package cn.basinguard.app.ui;

import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * A table's rows, read-only, whose order changes in one change. For a county's 902,278 rows, ways of showing a new
 * order through TableFilter's filtered and sorted lists, on the JavaFX thread: {@code setAll} on an observable array
 * list removed and re-added the rows one by one (80–185 ms), a comparator by rank on the shown sorted list re-sorted
 * it (540–740 ms), one change replacing every row 130–150 ms — but 2.2 s once a column filter had been used, which
 * counts every value removed and added again — and a permutation 290–380 ms, which column filters leave alone.
 */
final class ReorderableList<E> extends ObservableListBase<E> {
    private final List<E> items;
    /** The item shown at each position, by its index in {@link #items}. */
    private int[] order;

    ReorderableList(List<E> items) {
        this.items = List.copyOf(items);
        this.order = new int[this.items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /** The items in the order they were given. */
    List<E> asGiven() {
        return items;
    }

    @Override
    public E get(int index) {
        return items.get(order[index]);
    }

    @Override
    public int size() {
        return order.length;
    }

    /**
     * Shows the items in {@code newOrder} (indices into {@link #asGiven()}, each once); on the JavaFX thread.
     *
     * @param permutation told as a permutation (which column filters in use leave alone), else as one change replacing
     *                    every row (cheaper for the lists under a table no column filter watches)
     */
    void reorder(int[] newOrder, boolean permutation) {
        if (newOrder.length != order.length) {
            throw new IllegalArgumentException(newOrder.length + " positions for " + order.length + " rows");
        }
        int[] old = order;
        order = newOrder.clone();
        beginChange();
        if (permutation) {
            int[] positionOf = new int[newOrder.length];
            for (int p = 0; p < newOrder.length; p++) {
                positionOf[newOrder[p]] = p;
            }
            int[] moved = new int[old.length];
            for (int p = 0; p < old.length; p++) {
                moved[p] = positionOf[old[p]];
            }
            nextPermutation(0, old.length, moved);
        } else {
            nextReplace(0, old.length, new java.util.AbstractList<E>() {
                @Override
                public E get(int i) {
                    return items.get(old[i]);
                }

                @Override
                public int size() {
                    return old.length;
                }
            });
        }
        endChange();
    }
}
