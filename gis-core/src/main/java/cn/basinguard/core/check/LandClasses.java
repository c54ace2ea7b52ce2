package cn.basinguard.core.check;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The land classes of the third land survey: DLBM → name → three big class, read from {@code land-classes.tsv} beside
 * this class. The table is the 三调 working classification (《第三次全国国土调查工作分类》, TD/T 1055-2019 附录 A, on
 * GB/T 21010-2017) with the three big classes of GB/T 21010-2017 附录 A 表 A.1, and the 二调 3-digit codes; its header
 * cites the sources line by line. It is data, not code, so that a correction is a one-line change a reviewer can read.
 */
public final class LandClasses {
    /** One land class of the table. */
    public record LandClass(String code, String name, LandClassGroup group) {
    }

    private static final String RESOURCE = "land-classes.tsv";
    private static final LandClasses STANDARD = load();

    private final Map<String, LandClass> byCode;

    private LandClasses(Map<String, LandClass> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public static LandClasses standard() {
        return STANDARD;
    }

    /** The class of a DLBM as written in the data (spaces trimmed, letters in any case), or null when unknown. */
    public LandClass of(String dlbm) {
        String c = normalise(dlbm);
        return c == null ? null : byCode.get(c);
    }

    /** Whether a DLBM is 耕地: 01xx (三调) or 011–013 (二调), as the cultivated role has always taken it. */
    public static boolean isCultivated(String dlbm) {
        String c = normalise(dlbm);
        return c != null && c.startsWith("01");
    }

    /** A DLBM as the table keys it: trimmed, upper case (1104a → 1104A); null when blank. */
    public static String normalise(String dlbm) {
        if (dlbm == null || dlbm.isBlank()) {
            return null;
        }
        return dlbm.trim().toUpperCase(Locale.ROOT);
    }

    private static LandClasses load() {
        Map<String, LandClass> map = new LinkedHashMap<>();
        for (TsvResource.Row row : TsvResource.rows(LandClasses.class, RESOURCE)) {
            int n = row.line();
            String[] cols = row.cols();
            if (cols.length != 3) {
                throw new IllegalStateException(RESOURCE + ":" + n + ": expected code, name and group");
            }
            LandClassGroup group = switch (cols[2].trim()) {
                case "A" -> LandClassGroup.AGRICULTURAL;
                case "C" -> LandClassGroup.CONSTRUCTION;
                case "U" -> LandClassGroup.UNUSED;
                default -> throw new IllegalStateException(RESOURCE + ":" + n + ": unknown group " + cols[2]);
            };
            String code = normalise(cols[0]);
            if (map.put(code, new LandClass(code, cols[1].trim(), group)) != null) {
                throw new IllegalStateException(RESOURCE + ":" + n + ": code " + code + " twice");
            }
        }
        return new LandClasses(map);
    }
}
