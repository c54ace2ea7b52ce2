package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;

/** The control-list targets of annex 3 per unit, and the district figures with the seed's conflicting clauses. */
final class BottomLines {
    private static final String DISTRICT = "曾都区";

    private BottomLines() {
    }

    /**
     * The rows for a district {@code areaFactor} times the real one (the city-scale benchmark file): every area target
     * (万亩, 平方公里) and the numbers quoted with it scaled, the clause marked as scaled; counts and rates as they are.
     */
    static List<BottomLine> all(int areaFactor) {
        List<BottomLine> rows = all();
        if (areaFactor == 1) {
            return rows;
        }
        List<BottomLine> out = new ArrayList<>();
        for (BottomLine b : rows) {
            if (!b.measure().equals("万亩") && !b.measure().equals("平方公里")) {
                out.add(b);
                continue;
            }
            String from = number(b.target(), 1);
            String to = number(b.target(), areaFactor);
            String name = b.name().replace("约12.96万亩", "约" + number(12.96, areaFactor) + "万亩");
            out.add(new BottomLine(b.unit(), b.code(), name, b.target() * areaFactor, b.measure(), b.comparison(),
                    b.clause() + "（示意：按区级×" + areaFactor + "）", b.quote().replace(from, to), b.conflictGroup()));
        }
        return out;
    }

    private static String number(double x, int factor) {
        return new java.math.BigDecimal(Double.toString(x)).multiply(java.math.BigDecimal.valueOf(factor))
                .stripTrailingZeros().toPlainString();
    }

    static List<BottomLine> all() {
        List<BottomLine> rows = new ArrayList<>();
        for (int u = 0; u < 2; u++) {
            String unit = Annex3.UNIT_NAMES[u];
            String clause = Annex3.UNIT_CLAUSES[u];
            rows.add(new BottomLine(unit, "SK_ZX", "中型水库数量", Annex3.MEDIUM_RESERVOIRS[u], "座", "=",
                    clause + " 水安全底线", "中型水库" + Annex3.MEDIUM_RESERVOIRS[u] + "座", null));
            rows.add(new BottomLine(unit, "SK_XX", "小型水库数量", Annex3.SMALL_RESERVOIRS[u], "座", "=",
                    clause + " 水安全底线", "小型水库" + Annex3.SMALL_RESERVOIRS[u] + "座", null));
            rows.add(new BottomLine(unit, "GD_BYL", "耕地保有量（耕地保护红线）", Annex3.CULTIVATED_WANMU[u], "万亩", "≥",
                    clause + " 耕地保护红线", "守住" + Annex3.CULTIVATED_WANMU[u] + "万亩耕地红线", null));
            rows.add(new BottomLine(unit, "YJJBNT_MJ", "永久基本农田面积", Annex3.BASIC_FARMLAND_WANMU[u], "万亩", "≥",
                    clause + " 耕地保护红线", Annex3.BASIC_FARMLAND_WANMU[u] + "万亩永久基本农田", null));
            rows.add(new BottomLine(unit, "STBHHX_MJ", "生态保护红线面积", Annex3.RED_LINE_WANMU[u], "万亩", "≥",
                    clause + " 生态保护红线", "严控" + Annex3.RED_LINE_WANMU[u] + "万亩生态保护红线", null));
        }
        rows.add(new BottomLine("涢水片区", "DM_GK_YLL", "国控断面水质优良率（涢水大桥、洛阳揭家垄村）", 100, "%", "=",
                "附件3 一、涢水片区 水环境安全底线", "2个国控断面(涢水大桥、洛阳揭家垄村断面)水质监测点位优良率达到100%", null));
        rows.add(new BottomLine("涢水片区", "DM_SK_YLL", "市控断面水质优良率（浪河出境）", 90, "%", "≥",
                "附件3 一、涢水片区 水环境安全底线", "1个市控断面(浪河出境断面)水质监测点位优良率不低于90%", null));
        rows.add(new BottomLine("㵐水片区", "DM_PK_YLL", "省控断面水质优良率（漂水河大桥）", 100, "%", "=",
                "附件3 二、㵐水片区 水环境安全底线", "1个省控断面(漂水河大桥断面)水质监测点位优良率达到100%", null));
        rows.add(new BottomLine("㵐水片区", "DM_SK_YLL", "市控断面水质优良率（漂水河出境、浆溪店河出境）", 90, "%", "≥",
                "附件3 二、㵐水片区 水环境安全底线", "2个市控断面(漂水河出境、浆溪店河出境断面)水质监测点位优良率不低于90%", null));

        rows.add(new BottomLine(DISTRICT, "SK_ZX", "中型水库数量", 3, "座", "=", "附件3 总述 水安全底线", "中型水库3座", null));
        rows.add(new BottomLine(DISTRICT, "SK_XX", "小型水库数量", 91, "座", "=", "附件3 总述 水安全底线", "小型水库91座", null));
        rows.add(new BottomLine(DISTRICT, "GD_BYL", "耕地保有量（耕地保护红线）", 60.77, "万亩", "≥", "附件3 总述 耕地保护红线",
                "守住60.77万亩耕地红线", null));
        rows.add(new BottomLine(DISTRICT, "GD_BYL", "耕地保有量（2035）", 60.77, "万亩", "≥", "二(一)3 坚守粮食安全底线",
                "2035全区耕地保有量不低于60.77万亩", null));
        rows.add(new BottomLine(DISTRICT, "YJJBNT_MJ", "永久基本农田面积", 46.63, "万亩", "≥", "附件3 总述 耕地保护红线",
                "46.63万亩永久基本农田", "YJJBNT_QX"));
        rows.add(new BottomLine(DISTRICT, "YJJBNT_MJ", "永久基本农田面积", 46.62, "万亩", "≥", "二(一)3 坚守粮食安全底线",
                "划定永久基本农田46.62万亩", "YJJBNT_QX"));
        rows.add(new BottomLine(DISTRICT, "STBHHX_MJ", "生态保护红线面积", 15.11, "万亩", "≥", "附件3 总述 生态保护红线",
                "严控15.11万亩生态保护红线", "STBHHX_QX"));
        rows.add(new BottomLine(DISTRICT, "STBHHX_MJ", "生态保护红线面积（约12.96万亩）", 86.4, "平方公里", "≥",
                "二(一)4 坚守生态安全底线", "划定面积86.4平方公里的自然保护地生态保护红线,占区域总面积的7.6%", "STBHHX_QX"));
        rows.add(new BottomLine(DISTRICT, "DM_GK_SL", "国控断面数量", 2, "个", "=", "附件3 总述 水环境安全底线",
                "2个国控断面(涢水大桥、洛阳揭家垄村断面)", null));
        rows.add(new BottomLine(DISTRICT, "DM_PK_SL", "省控断面数量（漂水河大桥）", 1, "个", "=", "附件3 总述 水环境安全底线",
                "1个省控断面(漂水河大桥断面)", "DM_QX"));
        rows.add(new BottomLine(DISTRICT, "DM_PK_SL", "省控断面数量（自来水厂、先觉庙库心、漂水河大桥）", 3, "个", "=",
                "二(一)2 坚守水环境安全底线", "3个省控断面(自来水厂、先觉庙库心、漂水河大桥断面)", "DM_QX"));
        rows.add(new BottomLine(DISTRICT, "DM_SK_SL", "市控断面数量（漂水河出境、浆溪店河出境、浪河出境）", 3, "个", "=",
                "附件3 总述 水环境安全底线", "3个市控断面(漂水河出境、浆溪店河出境、浪河出境断面)", "DM_QX"));
        rows.add(new BottomLine(DISTRICT, "DM_SK_SL", "市控断面数量（漳河郑家河水库）", 1, "个", "=",
                "二(一)2 坚守水环境安全底线", "1个市控断面(漳河郑家河水库断面)", "DM_QX"));
        rows.add(new BottomLine(DISTRICT, "YYSSYD_DBL", "县级以上饮用水水源地（先觉庙水库）水质达标率（Ⅲ类）", 100, "%", "=",
                "二(一)2 坚守水环境安全底线；附件3 总述", "县级以上饮用水水源地先觉庙水库水质达到地表水Ⅲ类标准,水质达标率持续保持100%",
                null));
        return rows;
    }
}
