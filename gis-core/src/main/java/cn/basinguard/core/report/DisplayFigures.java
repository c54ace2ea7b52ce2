package cn.basinguard.core.report;

import cn.basinguard.core.measure.AreaUnits;

/**
 * A figure as every output shows it — the window, the command line and the sheets: counts whole, rates to 1 decimal,
 * areas to 2, rounded half-up from the unrounded value. One place, so no two outputs can disagree by a digit.
 */
public final class DisplayFigures {
    private DisplayFigures() {
    }

    /** {@code v} in the measure of a target (万亩, 平方公里, %, 座, 个 …). */
    public static String of(double v, String measure) {
        return switch (measure.trim()) {
            case "座", "个", "处" -> Long.toString(Math.round(v));
            case "%" -> AreaUnits.format(AreaUnits.round(v, 1));
            default -> AreaUnits.format(AreaUnits.round(v, 2));
        };
    }

    /** A difference, with its sign. */
    public static String signed(double v, String measure) {
        return (v > 0 ? "+" : "") + of(v, measure);
    }

    /** m², 2 decimals. */
    public static String m2(double m2) {
        return AreaUnits.format(AreaUnits.squareMetres(m2));
    }

    /** 亩, 2 decimals. */
    public static String mu(double m2) {
        return AreaUnits.format(AreaUnits.mu(m2, 2));
    }

    /** 万亩, 2 decimals. */
    public static String wanMu(double m2) {
        return AreaUnits.format(AreaUnits.wanMu(m2, 2));
    }
}
