package cn.basinguard.core.check;

import cn.basinguard.core.gpkg.AttributeRow;
import java.util.List;
import java.util.Map;

/**
 * Which attribute holds what the checks need, by the field names of 三调 / 三区三线 databases and common English
 * and Chinese names. The first name found in a layer wins; the lists are ordered from most to least specific.
 */
public enum FieldPurpose {
    UNIT_NAME(List.of("DYMC", "单元名称", "LYMC", "流域名称", "UNIT_NAME", "UNIT", "NAME", "名称", "MC")),
    PATCH_ID(List.of("BSM", "标识码", "TBBH", "图斑编号", "JBNTTBBH", "TBYBH", "PATCH_ID", "ID")),
    SITE_NAME(List.of("XMMC", "项目名称", "DKMC", "地块名称", "SITE_NAME", "NAME", "名称", "MC")),
    RESERVOIR_NAME(List.of("SKMC", "水库名称", "NAME", "名称", "MC")),
    RESERVOIR_CLASS(List.of("GMDJ", "规模等级", "规模", "SKGM", "水库规模", "CLASS", "GM")),
    SECTION_NAME(List.of("DMMC", "断面名称", "NAME", "名称", "MC")),
    SECTION_LEVEL(List.of("KZJB", "控制级别", "断面级别", "LEVEL")),
    SECTION_TARGET(List.of("MBYLL", "目标优良率", "TARGET_RATE", "TARGET")),
    SECTION_UNIT(List.of("SSDY", "所属单元", "UNIT")),
    LAND_CLASS(List.of("DLBM", "地类编码")),
    // the 三调 DLTB fields a site review prints per occupied patch (cn-standards §4.1); 二调 names after the 三调 ones
    LAND_CLASS_NAME(List.of("DLMC", "地类名称")),
    PATCH_NUMBER(List.of("TBBH", "图斑编号")),
    TENURE(List.of("QSXZ", "权属性质")),
    OWNER_CODE(List.of("QSDWDM", "权属单位代码")),
    OWNER(List.of("QSDWMC", "权属单位名称")),
    LOCATION_CODE(List.of("ZLDWDM", "坐落单位代码")),
    LOCATION(List.of("ZLDWMC", "坐落单位名称")),
    /** The patch's stated area (m²): TBMJ on land-use and farmland patches, MJ on red-line patches. */
    PATCH_AREA(List.of("TBMJ", "图斑面积", "MJ", "面积")),
    DEDUCTED_CLASS(List.of("KCDLBM", "扣除地类编码")),
    /** The 田坎 share of a patch (0 ≤ KCXS < 1); TKXS in 二调 data. */
    DEDUCTION_RATE(List.of("KCXS", "扣除地类系数", "TKXS", "田坎系数")),
    DEDUCTED_AREA(List.of("KCMJ", "扣除地类面积", "TKMJ", "田坎面积")),
    CLASS_AREA(List.of("TBDLMJ", "图斑地类面积"));

    /** The 三调 fields read from a land-use layer for the site review, besides the patch id and the land class. */
    static final List<FieldPurpose> SURVEY = List.of(LAND_CLASS_NAME, PATCH_NUMBER, TENURE, OWNER_CODE, OWNER, LOCATION_CODE,
            LOCATION, PATCH_AREA, DEDUCTED_CLASS, DEDUCTION_RATE, DEDUCTED_AREA, CLASS_AREA);

    private final List<String> names;

    FieldPurpose(List<String> names) {
        this.names = names;
    }

    public List<String> names() {
        return names;
    }

    /**
     * The attribute key in {@code attributes} that serves this purpose, or null. The rows of one read share their
     * columns ({@link AttributeRow}): they are searched once a read, not once a row — the check asked for the land class
     * and the patch id of each of its million rows, each time a search of the columns by every name the purpose may go by.
     */
    public String find(Map<String, Object> attributes) {
        if (attributes instanceof AttributeRow row && ordinal() < AttributeRow.Columns.SLOTS) {
            return (String) row.columns().remember(ordinal(), keys -> search(keys));
        }
        return search(attributes.keySet()); // another map's keys may change
    }

    private String search(java.util.Set<String> keys) {
        for (String n : names) {
            for (String key : keys) {
                if (key.equalsIgnoreCase(n)) {
                    return key;
                }
            }
        }
        return null;
    }
}
