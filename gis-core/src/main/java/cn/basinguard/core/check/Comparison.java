package cn.basinguard.core.check;

/** How a measured figure is held against its target. */
public enum Comparison {
    AT_LEAST("≥"), AT_MOST("≤"), EQUAL("=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double measured, double target) {
        return switch (this) {
            case AT_LEAST -> measured >= target;
            case AT_MOST -> measured <= target;
            case EQUAL -> measured == target;
        };
    }

    /** Reads "≥", ">=", "不低于", "=" …; null when the text says nothing the checks know. */
    public static Comparison parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.equals("≥") || t.equals(">=") || t.equals(">") || t.contains("不低于") || t.contains("不少于") || t.contains("以上")) {
            return AT_LEAST;
        }
        if (t.equals("≤") || t.equals("<=") || t.equals("<") || t.contains("不高于") || t.contains("不超过") || t.contains("以下")) {
            return AT_MOST;
        }
        if (t.equals("=") || t.equals("==") || t.contains("达到") || t.contains("等于")) {
            return EQUAL;
        }
        return null;
    }
}
