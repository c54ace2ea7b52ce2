package cn.basinguard.app.ui;

import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * A table's rows, read-only, whose order changes in one change replacing them all. For a county's 902,278 rows that
 * is the cheapest way found to show a new order through TableFilter's filtered and sorted lists: {@code setAll} on an
 * observable array list removed and re-added the rows one by one (80–185 ms on the JavaFX thread at each sort), a
 * permutation made their unsorted views move row by row (290–380 ms), and a comparator by rank on the shown sorted list
 * re-sorted it on the JavaFX thread (540–740 ms); one replacement, 130–140 ms.
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

    /** Shows the items in {@code newOrder} (indices into {@link #asGiven()}, each once); on the JavaFX thread. */
    void reorder(int[] newOrder) {
        if (newOrder.length != order.length) {
            throw new IllegalArgumentException(newOrder.length + " positions for " + order.length + " rows");
        }
        int[] old = order;
        order = newOrder.clone();
        beginChange();
        nextReplace(0, order.length, new java.util.AbstractList<E>() {
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
