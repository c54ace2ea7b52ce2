package cn.basinguard.core.check;

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
    LAND_CLASS(List.of("DLBM", "地类编码"));

    private final List<String> names;

    FieldPurpose(List<String> names) {
        this.names = names;
    }

    public List<String> names() {
        return names;
    }

    /** The attribute key in {@code attributes} that serves this purpose, or null. */
    public String find(Map<String, Object> attributes) {
        for (String n : names) {
            for (String key : attributes.keySet()) {
                if (key.equalsIgnoreCase(n)) {
                    return key;
                }
            }
        }
        return null;
    }
}
