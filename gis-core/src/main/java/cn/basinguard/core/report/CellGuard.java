package cn.basinguard.core.report;

/**
 * Keeps text from the data from being read as a formula by a spreadsheet (OWASP "CSV injection"): text that starts
 * with =, +, -, @, tab or carriage return gets a leading apostrophe in CSV, where the spreadsheet decides what a
 * field is. XLSX needs no apostrophe: its text cells are string cells, never formulas. Numbers need no guard.
 */
public final class CellGuard {
    private CellGuard() {
    }

    public static String text(String s) {
        if (s == null || s.isEmpty()) {
            return s == null ? "" : s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
