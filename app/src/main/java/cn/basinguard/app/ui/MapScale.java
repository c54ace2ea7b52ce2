package cn.basinguard.app.ui;

import java.util.Locale;

/** The map scale as planners write it, 1:10,000, read back from what they type (1:10000, 10000, 1：1万). */
final class MapScale {
    /** The screen resolution the scale is stated for, as desktop GIS programs assume. */
    static final double SCREEN_DPI = 96;
    private static final double MIN = 100;
    private static final double MAX = 50_000_000;

    private MapScale() {
    }

    static String format(double denominator) {
        return "1:" + String.format(Locale.ROOT, "%,.0f", denominator);
    }

    /** The denominator, or null when the text is not a scale this map can show. */
    static Double parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace('：', ':').replace(",", "").replace("，", "").replace(" ", "");
        if (t.startsWith("1:")) {
            t = t.substring(2);
        }
        double factor = 1;
        if (t.endsWith("万")) {
            factor = 10_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            double n = Double.parseDouble(t) * factor;
            return n >= MIN && n <= MAX ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
