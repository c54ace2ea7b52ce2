package cn.basinguard.core.report;

import java.util.List;

/**
 * A ruled table of a sheet. Every format prints the same rows; {@code weights} give the PDF its column proportions.
 */
public record SheetTable(String caption, List<String> header, List<Integer> weights, List<List<SheetCell>> rows) {
    public SheetTable {
        if (header.size() != weights.size()) {
            throw new IllegalArgumentException("one weight per column");
        }
        header = List.copyOf(header);
        weights = List.copyOf(weights);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<SheetCell> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row of " + r.size() + " cells under " + header.size() + " columns");
            }
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
