package cn.basinguard.core.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Chinese area units and the half-up rounding of survey sheets. Every conversion starts from the unrounded m² and
 * rounds once, last (the 三调 公报 derives 万亩 from unrounded hectares; cn-standards §5).
 * The double is read as its shortest decimal form ({@link BigDecimal#valueOf(double)}), so a value printed as
 * 12.345 rounds to 12.35 as a person rounding by hand expects.
 */
public final class AreaUnits {
    public static final double SQUARE_METRES_PER_HECTARE = 10_000;
    /** 1 亩 = 10000/15 m². */
    public static final double SQUARE_METRES_PER_MU = 10_000.0 / 15;

    private static final BigDecimal FIFTEEN = BigDecimal.valueOf(15);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private AreaUnits() {
    }

    public static double toHectares(double m2) {
        return m2 / SQUARE_METRES_PER_HECTARE;
    }

    public static double toMu(double m2) {
        return m2 * 15 / 10_000;
    }

    public static double toWanMu(double m2) {
        return m2 * 15 / 100_000_000;
    }

    /** m², 2 decimals (TBMJ). */
    public static BigDecimal squareMetres(double m2) {
        return round(exact(m2), 2);
    }

    public static BigDecimal hectares(double m2, int decimals) {
        return round(exact(m2).divide(TEN_THOUSAND), decimals);
    }

    public static BigDecimal mu(double m2, int decimals) {
        return round(exact(m2).multiply(FIFTEEN).divide(TEN_THOUSAND), decimals);
    }

    public static BigDecimal wanMu(double m2, int decimals) {
        return round(exact(m2).multiply(FIFTEEN).divide(TEN_THOUSAND).divide(TEN_THOUSAND), decimals);
    }

    public static BigDecimal squareKilometres(double m2, int decimals) {
        return round(exact(m2).divide(MILLION), decimals);
    }

    /** Half-up (四舍五入) rounding of any value, for shares and totals. */
    public static BigDecimal round(double value, int decimals) {
        return round(exact(value), decimals);
    }

    /**
     * A figure in a target's measure as every output shows it, and as it is held against its target: counts whole,
     * rates (%) to 1 decimal, areas and everything else to 2.
     */
    public static BigDecimal asShown(double value, String measure) {
        return switch (measure.trim()) {
            case "座", "个", "处" -> BigDecimal.valueOf(Math.round(value));
            case "%" -> round(value, 1);
            default -> round(value, 2);
        };
    }

    /** For a sheet: plain digits, no exponent, trailing zeros kept ("1499.88"). */
    public static String format(BigDecimal rounded) {
        return rounded.toPlainString();
    }

    private static BigDecimal exact(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("area is not a finite number: " + v);
        }
        return BigDecimal.valueOf(v);
    }

    private static BigDecimal round(BigDecimal v, int decimals) {
        return v.setScale(decimals, RoundingMode.HALF_UP);
    }
}
