package cn.basinguard.core.measure;

/**
 * Half-up rounding for the hot path without BigDecimal. floor(|v|·10ⁿ + 0.5) / 10ⁿ with the sign put back
 * (四舍五入 rounds halves away from zero). It differs from BigDecimal.valueOf(v).setScale(n, HALF_UP) only when
 * v lies within one ulp of a decimal tie (e.g. 3520000.00005, which a double cannot hold exactly): then either
 * neighbour can come out. For 4-decimal metres that is at most 0.1 mm on one vertex; for 6-decimal arc-seconds
 * 3e-8 m — far below the 0.01 m² reported.
 */
final class Rounding {
    private Rounding() {
    }

    static double halfUp(double v, double scale) {
        double a = Math.abs(v) * scale + 0.5;
        // for the non-negative values below 2^53 met here (at most ~10^12), truncation is floor, and a plain cast is faster
        double r = (a < 0x1p53 ? (double) (long) a : Math.floor(a)) / scale;
        return v < 0 ? -r : r;
    }
}
