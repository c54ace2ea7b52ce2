package cn.basinguard.core.check;

import java.math.BigDecimal;

/**
 * A sum of doubles whose result does not depend on how the additions were grouped: each tile adds its patches into a
 * double-double (Knuth's two-sum keeps the rounding error of every addition), and the tiles' sums are combined
 * exactly ({@link BigDecimal}). The checks add a county's patches area by area on several threads; the figure is the
 * same whatever the threads did, and no rounding error builds up over 200,000 patches.
 */
final class ExactSum {
    private double hi;
    private double lo;
    private BigDecimal exact = BigDecimal.ZERO;

    void add(double v) {
        double s = hi + v;
        double bv = s - hi;
        double err = (hi - (s - bv)) + (v - bv);
        hi = s;
        lo += err;
    }

    /** Adds another sum exactly. */
    void add(ExactSum other) {
        exact = exact.add(other.exactValue());
    }

    private BigDecimal exactValue() {
        return exact.add(new BigDecimal(hi)).add(new BigDecimal(lo));
    }

    double value() {
        return exactValue().doubleValue();
    }
}
