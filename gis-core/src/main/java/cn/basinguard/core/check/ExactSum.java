package cn.basinguard.core.check;

import java.math.BigDecimal;

/**
 * A sum of doubles kept exactly (every double is a finite binary fraction), rounded to the nearest double only when
 * read. The checks add a county's patches area by area, on several threads: with an exact sum the figure is the same
 * whatever order the areas and threads add them in, and no rounding error builds up over 200,000 patches.
 */
final class ExactSum {
    private BigDecimal sum = BigDecimal.ZERO;

    void add(double v) {
        if (v != 0) {
            sum = sum.add(new BigDecimal(v));
        }
    }

    void add(ExactSum other) {
        sum = sum.add(other.sum);
    }

    double value() {
        return sum.doubleValue();
    }
}
