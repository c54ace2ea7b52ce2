package cn.basinguard.core.check;

/** The control level of a water-quality monitoring section. */
public enum SectionLevel {
    NATIONAL("国控"), PROVINCIAL("省控"), CITY("市控"), OTHER("其他");

    private final String zh;

    SectionLevel(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public static SectionLevel parse(String text) {
        if (text == null) {
            return OTHER;
        }
        String t = text.trim();
        if (t.startsWith("国") || t.equalsIgnoreCase("national")) {
            return NATIONAL;
        }
        if (t.startsWith("省") || t.equalsIgnoreCase("provincial")) {
            return PROVINCIAL;
        }
        if (t.startsWith("市") || t.equalsIgnoreCase("city")) {
            return CITY;
        }
        return OTHER;
    }
}
