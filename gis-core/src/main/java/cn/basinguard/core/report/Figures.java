package cn.basinguard.core.report;

import cn.basinguard.core.measure.AreaUnits;
import java.math.BigDecimal;

/**
 * How a figure is shown, in one place: the CLI summary, the window and every sheet (PDF, XLSX, CSV) call these,
 * so no output can round differently from another. All rounding is half-up from the unrounded value.
 */
public final class Figures {
    private Figures() {
    }

    public static BigDecimal m2(double m2) {
        return AreaUnits.squareMetres(m2);
    }

    public static BigDecimal mu(double m2) {
        return AreaUnits.mu(m2, 2);
    }

    public static BigDecimal wanMu(double m2) {
        return AreaUnits.wanMu(m2, 2);
    }

    /** A figure in a target's measure: counts whole, rates to 1 decimal, areas to 2. */
    public static BigDecimal value(double v, String measure) {
        return AreaUnits.asShown(v, measure);
    }

    public static String text(BigDecimal rounded) {
        return AreaUnits.format(rounded);
    }

    public static String figure(double v, String measure) {
        return text(value(v, measure));
    }

    /** m², 2 decimals, as text. */
    public static String m2Text(double m2) {
        return text(m2(m2));
    }

    /** 亩, 2 decimals, as text. */
    public static String muText(double m2) {
        return text(mu(m2));
    }

    /** 公顷, 4 decimals (1 m² still shows), as text. */
    public static String hectareText(double m2) {
        return text(AreaUnits.hectares(m2, 4));
    }

    /** 万亩, 2 decimals, as text. */
    public static String wanMuText(double m2) {
        return text(wanMu(m2));
    }

    /** A difference with its sign, so that a shortfall and a surplus read apart on paper. */
    public static String signed(double v, String measure) {
        return (v > 0 ? "+" : "") + figure(v, measure);
    }
}
