package cn.basinguard.core.source;

import cn.basinguard.core.gpkg.Feature;

/**
 * A test on one text attribute that a source can put in its own query: the rows whose {@code field}, trimmed as Java
 * trims (leading characters up to the space), begins with {@code prefix} — or, with {@code matching} false, the other
 * rows, a NULL value among them. A 三调 DLTB read as cultivated land keeps its 01xx rows, a quarter of them; a source
 * that tests in SQL never decodes the rest.
 *
 * <p>{@link #test} is the exact rule. A source may narrow its query by a looser condition (one that keeps every row the
 * rule keeps), and then applies {@link #test} to what comes back: the SQL and the Java need not agree on every blank.
 */
public record RowFilter(String field, String prefix, boolean matching) {
    public RowFilter {
        if (field == null || prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("field and prefix are required");
        }
    }

    /** The rule, as the features are in memory. */
    public boolean test(Feature f) {
        Object v = f.attributes().get(field);
        return (v != null && v.toString().trim().startsWith(prefix)) == matching;
    }

    /** The other rows. */
    public RowFilter negate() {
        return new RowFilter(field, prefix, !matching);
    }
}
