package cn.basinguard.app.ui;

/** The map scale as planners write it, 1:10,000, read back from what they type (1:10000, 10000, 1：1万). */
final class MapScale {
    /** The screen resolution the scale is stated for, as desktop GIS programs assume. */
    static final double SCREEN_DPI = 96;
    private static final double MIN = 100;
    private static final double MAX = 50_000_000;

    private MapScale() {
    }

    /**
     * 1:N with N rounded and its thousands grouped by commas. Grouped by hand: the box shows the scale after every
     * view change, and {@code String.format}'s grouping makes a NumberFormat each time (10–70 ms on the JavaFX thread
     * of a loaded machine while panning).
     */
    static String format(double denominator) {
        StringBuilder n = new StringBuilder(Long.toString(Math.round(denominator)));
        for (int i = n.length() - 3; i > 0 && Character.isDigit(n.charAt(i - 1)); i -= 3) {
            n.insert(i, ',');
        }
        return n.insert(0, "1:").toString();
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
