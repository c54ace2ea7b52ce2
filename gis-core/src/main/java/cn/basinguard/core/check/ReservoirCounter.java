package cn.basinguard.core.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reservoir counts by class (中型 / 小型 / 大型) per unit. A reservoir belongs to the unit that holds its interior
 * point, so one that straddles a boundary is counted once.
 */
final class ReservoirCounter {
    static final String UNKNOWN_CLASS = "未分类";

    private ReservoirCounter() {
    }

    static List<Map<String, Integer>> count(WorkingLayer reservoirs, List<NamedUnit> units) {
        List<Map<String, Integer>> out = new java.util.ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("大型", 0);
            m.put("中型", 0);
            m.put("小型", 0);
            out.add(m);
        }
        for (WorkingFeature r : reservoirs.features()) {
            String cls = classOf(r.source());
            org.locationtech.jts.geom.Point p = r.geometry().getInteriorPoint();
            for (int u = 0; u < units.size(); u++) {
                if (units.get(u).meter().overlap(p, MeasuredArea.ZERO).piece() != null) {
                    out.get(u).merge(cls, 1, Integer::sum);
                    break;
                }
            }
        }
        return out;
    }

    /** 中型, 小型, 大型 from the class field; 小(1)型 and 小（二）型 are 小型. */
    static String classOf(SourceFeature f) {
        String key = FieldPurpose.RESERVOIR_CLASS.find(f.attributes());
        String v = key == null ? null : f.text(key);
        if (v == null || v.isBlank()) {
            return UNKNOWN_CLASS;
        }
        String t = v.trim();
        if (t.startsWith("大")) {
            return "大型";
        }
        if (t.startsWith("中")) {
            return "中型";
        }
        if (t.startsWith("小")) {
            return "小型";
        }
        return t;
    }
}
