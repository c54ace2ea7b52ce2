package cn.basinguard.app.ui;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order of an attribute table's rows by the columns the user sorts on, found off the JavaFX thread. Sorted by
 * JavaFX (TableFilter's sorted list follows the table's comparator, on the JavaFX thread), a county's 902,278 DLTB rows
 * held the window 45 s sorted by BSM — its comparator collates every string anew, and asks each cell for a new
 * observable value at every comparison — and 3.9 s by TBMJ. Here values are read straight from the rows; numbers
 * compare as numbers, text of ASCII characters (codes, keys) as it stands, other text (names) in the user's language
 * order — 权属单位 by pinyin in Chinese, as a spreadsheet sorts them — through collation keys made once per distinct text.
 */
final class RowOrder {
    /** A column the rows are sorted on: its field (null for the key, FID) and whether it descends. */
    record Key(String field, boolean descending) {
    }

    private final Collator collator = Collator.getInstance(cn.basinguard.core.i18n.Messages.locale());
    /** Collation keys by text: repeated names (owners, villages) are collated once. */
    private final Map<String, CollationKey> keys = new ConcurrentHashMap<>();

    /**
     * The positions in {@code rows} in the order of {@code by}: stable, rows equal on every key keep their order in
     * {@code rows} (as read when nothing is sorted). Each sorted column's values are taken from the rows once, not at
     * every comparison (a key column's text is made from its bytes each time it is asked for).
     */
    int[] sort(List<AttributeRow> rows, List<Key> by) {
        int n = rows.size();
        Integer[] at = new Integer[n];
        for (int i = 0; i < n; i++) {
            at[i] = i;
        }
        if (!by.isEmpty()) {
            Comparator<Integer> c = null;
            for (Key k : by) {
                Comparator<Integer> one;
                if (k.field() == null) {
                    one = Comparator.comparingLong(i -> rows.get(i).fid());
                } else {
                    Object[] values = new Object[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = rows.get(i).value(k.field());
                    }
                    one = (a, b) -> compareValues(values[a], values[b]);
                }
                if (k.descending()) {
                    one = one.reversed();
                }
                c = c == null ? one : c.thenComparing(one);
            }
            java.util.Arrays.sort(at, c);
        }
        keys.clear();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = at[i];
        }
        return out;
    }

    /** Empty cells last (first when descending), numbers by value, text as described above. */
    int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? b == null ? 0 : 1 : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String s && b instanceof String t) {
            if (ascii(s) && ascii(t)) {
                return s.compareTo(t);
            }
            return key(s).compareTo(key(t));
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<Object> ca = (Comparable<Object>) a;
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private CollationKey key(String s) {
        CollationKey k = keys.get(s);
        if (k == null) {
            synchronized (collator) { // a Collator is not safe for use by two threads at once
                k = collator.getCollationKey(s);
            }
            keys.put(s, k);
        }
        return k;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
