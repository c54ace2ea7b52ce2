package cn.basinguard.app.ui;

/** A field's value as a table shows it: a number as plain digits (no 1.2E7), anything else as its text. */
final class ValueText {
    private ValueText() {
    }

    static String of(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).toPlainString() : String.valueOf(d);
        }
        return String.valueOf(v);
    }
}
