package cn.basinguard.core.gpkg;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The attribute values of one row, read-only, over column names shared by every row of the same read: a map without an
 * entry object and a hash table per row. A county check reads a million rows; their LinkedHashMaps were a tenth of
 * all it allocated, and each young collection copies what a tile still holds. Looks up by scanning the few columns a
 * read asks for (the same String instances as the lookups' keys, so mostly by identity). Null values are kept, as in
 * a map that holds a NULL column.
 */
public final class AttributeRow extends AbstractMap<String, Object> {
    /** The column names of one read, in order, with their set (shared: a row's key set costs nothing). */
    public static final class Columns {
        private final String[] names;
        private final Set<String> nameSet;

        public Columns(List<String> names) {
            this.names = names.toArray(new String[0]);
            if (new HashSet<>(names).size() != this.names.length) {
                throw new IllegalArgumentException("repeated column names: " + names);
            }
            int hash = names.stream().mapToInt(String::hashCode).sum();
            // read-only, in column order, its hash computed once (callers key look-ups on a row's set of columns)
            this.nameSet = new AbstractSet<>() {
                @Override
                public Iterator<String> iterator() {
                    return Collections.unmodifiableList(Arrays.asList(Columns.this.names)).iterator();
                }

                @Override
                public int size() {
                    return Columns.this.names.length;
                }

                @Override
                public boolean contains(Object o) {
                    return indexOf(Columns.this.names, o) >= 0;
                }

                @Override
                public int hashCode() {
                    return hash;
                }
            };
        }

        public int size() {
            return names.length;
        }

        /** Answers remembered for these columns, by the asker's slot (the rows of a read share their columns). */
        private final java.util.concurrent.atomic.AtomicReferenceArray<Object> remembered =
                new java.util.concurrent.atomic.AtomicReferenceArray<>(SLOTS);

        /** Slots for {@link #remember}: one per question asked about a read's columns (e.g. which holds the land class). */
        public static final int SLOTS = 32;

        /**
         * What {@code answer} says of these columns, worked out once and remembered in {@code slot} (its null as well):
         * asked for each row of a read, the answer is the same for all of them.
         */
        public Object remember(int slot, java.util.function.Function<Set<String>, Object> answer) {
            Object known = remembered.get(slot);
            if (known == null) {
                Object a = answer.apply(nameSet);
                known = a == null ? NONE : a;
                remembered.set(slot, known);
            }
            return known == NONE ? null : known;
        }

        private static final Object NONE = new Object();
    }

    /** The row's columns (shared by every row of its read). */
    public Columns columns() {
        return columns;
    }

    private final Columns columns;
    private final Object[] values;

    /** @param values one per column, in the columns' order (the array is kept, not copied) */
    public AttributeRow(Columns columns, Object[] values) {
        if (values.length != columns.names.length) {
            throw new IllegalArgumentException(values.length + " values for " + columns.names.length + " columns");
        }
        this.columns = columns;
        this.values = values;
    }

    private int indexOf(Object key) {
        return indexOf(columns.names, key);
    }

    private static int indexOf(String[] names, Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<String> keySet() {
        return columns.nameSet;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(columns.names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
