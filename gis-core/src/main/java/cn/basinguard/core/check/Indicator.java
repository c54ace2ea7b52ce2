package cn.basinguard.core.check;

import java.util.Locale;

/**
 * The indicators the checks can measure, with the codes of the control-list table. A target whose code is not
 * here is still listed, with the status {@link IndicatorResult.Status#NO_DATA}.
 */
public enum Indicator {
    /** 耕地保有量 */
    CULTIVATED_AREA("GD_BYL", LayerRole.CULTIVATED),
    /** 永久基本农田面积 */
    BASIC_FARMLAND_AREA("YJJBNT_MJ", LayerRole.BASIC_FARMLAND),
    /** 生态保护红线面积 */
    ECO_REDLINE_AREA("STBHHX_MJ", LayerRole.ECO_REDLINE),
    /** 中型水库数量 */
    MEDIUM_RESERVOIRS("SK_ZX", LayerRole.RESERVOIRS),
    /** 小型水库数量 */
    SMALL_RESERVOIRS("SK_XX", LayerRole.RESERVOIRS),
    /** 国控断面优良率 */
    NATIONAL_SECTION_RATE("DM_GK_YLL", LayerRole.SECTIONS),
    /** 省控断面优良率 */
    PROVINCIAL_SECTION_RATE("DM_PK_YLL", LayerRole.SECTIONS),
    /** 市控断面优良率 */
    CITY_SECTION_RATE("DM_SK_YLL", LayerRole.SECTIONS),
    /** 国控断面数量 */
    NATIONAL_SECTION_COUNT("DM_GK_SL", LayerRole.SECTIONS),
    /** 省控断面数量 */
    PROVINCIAL_SECTION_COUNT("DM_PK_SL", LayerRole.SECTIONS),
    /** 市控断面数量 */
    CITY_SECTION_COUNT("DM_SK_SL", LayerRole.SECTIONS);

    private final String code;
    private final LayerRole role;

    Indicator(String code, LayerRole role) {
        this.code = code;
        this.role = role;
    }

    public String code() {
        return code;
    }

    /** The layer the indicator is measured on. */
    public LayerRole role() {
        return role;
    }

    public boolean isArea() {
        return this == CULTIVATED_AREA || this == BASIC_FARMLAND_AREA || this == ECO_REDLINE_AREA;
    }

    /** The section control level (国控/省控/市控) of a section indicator, else null. */
    public SectionLevel sectionLevel() {
        return switch (this) {
            case NATIONAL_SECTION_RATE, NATIONAL_SECTION_COUNT -> SectionLevel.NATIONAL;
            case PROVINCIAL_SECTION_RATE, PROVINCIAL_SECTION_COUNT -> SectionLevel.PROVINCIAL;
            case CITY_SECTION_RATE, CITY_SECTION_COUNT -> SectionLevel.CITY;
            default -> null;
        };
    }

    public static Indicator fromCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        for (Indicator i : values()) {
            if (i.code.equals(c)) {
                return i;
            }
        }
        return null;
    }
}
