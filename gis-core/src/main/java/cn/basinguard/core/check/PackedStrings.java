package cn.basinguard.core.check;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable list of strings kept as one UTF-8 array: the ids of the patches each site's overlaps name. A city's
 * sites name ~340,000 patches, and as strings of their own they were ~24 MB that lived to the end of the check (a
 * BSM of 18 digits costs 64 bytes as a string, 22 here). Each string is made again when asked.
 */
final class PackedStrings extends AbstractList<String> implements RandomAccess {
    private final byte[] bytes;
    /** The end of string i in {@link #bytes}; it starts where string i − 1 ends. */
    private final int[] ends;

    private PackedStrings(byte[] bytes, int[] ends) {
        this.bytes = bytes;
        this.ends = ends;
    }

    /** The strings, none null, packed; an empty list as {@link List#of()}. */
    static List<String> of(List<String> strings) {
        if (strings instanceof PackedStrings || strings.isEmpty()) {
            return strings.isEmpty() ? List.of() : strings;
        }
        byte[][] each = new byte[strings.size()][];
        int total = 0;
        for (int i = 0; i < each.length; i++) {
            each[i] = Objects.requireNonNull(strings.get(i), "null in a list of ids").getBytes(StandardCharsets.UTF_8);
            total += each[i].length;
        }
        byte[] bytes = new byte[total];
        int[] ends = new int[each.length];
        int at = 0;
        for (int i = 0; i < each.length; i++) {
            System.arraycopy(each[i], 0, bytes, at, each[i].length);
            at += each[i].length;
            ends[i] = at;
        }
        return new PackedStrings(bytes, ends);
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, ends.length);
        int from = index == 0 ? 0 : ends[index - 1];
        return new String(bytes, from, ends[index] - from, StandardCharsets.UTF_8);
    }

    @Override
    public int size() {
        return ends.length;
    }
}
