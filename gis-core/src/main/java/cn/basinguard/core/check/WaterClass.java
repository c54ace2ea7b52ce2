package cn.basinguard.core.check;

import java.util.Locale;

/** Surface-water quality class of GB 3838-2002; 优良 means class I–III. */
public enum WaterClass {
    I("Ⅰ"), II("Ⅱ"), III("Ⅲ"), IV("Ⅳ"), V("Ⅴ"), WORSE_THAN_V("劣Ⅴ");

    private final String label;

    WaterClass(String label) {
        this.label = label;
    }

    /** As Chinese reports print it: Ⅰ … Ⅴ, 劣Ⅴ. */
    public String label() {
        return label;
    }

    /** 优良 (excellent or good): class I to III. */
    public boolean isGood() {
        return ordinal() <= III.ordinal();
    }

    /**
     * Reads the ways a class is written in monitoring tables: "II", "Ⅱ", "2", "Ⅱ类", "二类", "劣V", "劣Ⅴ类", "劣五类".
     * Returns null for an empty cell (no reading that month) and for text that is no class.
     */
    public static WaterClass parse(Object value) {
        if (value == null) {
            return null;
        }
        String t = value.toString().trim().toUpperCase(Locale.ROOT).replace("类", "");
        if (t.isEmpty()) {
            return null;
        }
        if (t.startsWith("劣")) {
            return WORSE_THAN_V;
        }
        switch (t) {
            case "I", "Ⅰ", "1", "1.0", "一": return I;
            case "II", "Ⅱ", "2", "2.0", "二": return II;
            case "III", "Ⅲ", "3", "3.0", "三": return III;
            case "IV", "Ⅳ", "4", "4.0", "四": return IV;
            case "V", "Ⅴ", "5", "5.0", "五": return V;
            case "6", "6.0", "VI", "Ⅵ": return WORSE_THAN_V;
            default: return null;
        }
    }
}
