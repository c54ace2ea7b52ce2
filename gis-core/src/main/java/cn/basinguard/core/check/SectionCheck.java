package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Point;

/**
 * The monitoring sections: each section's readings (monthly GB 3838 classes, in columns M01..M12, 1月..12月 or
 * 2024-01 …), its 优良率, and its unit.
 */
final class SectionCheck {
    private static final Pattern MONTH = Pattern.compile("^(?:M|月)?_?(\\d{1,2})(?:月)?$|^\\d{4}[-_]?(\\d{2})$", Pattern.CASE_INSENSITIVE);

    private SectionCheck() {
    }

    static List<SectionResult> run(WorkingLayer sections, List<NamedUnit> units, Crs grid) {
        List<SectionResult> out = new ArrayList<>();
        for (WorkingFeature f : sections.features()) {
            out.add(check(f, units, grid));
        }
        return out;
    }

    private static SectionResult check(WorkingFeature f, List<NamedUnit> units, Crs grid) {
        SourceFeature s = f.source();
        String nameField = FieldPurpose.SECTION_NAME.find(s.attributes());
        String name = nameField == null ? f.id() : s.text(nameField);
        SectionLevel level = SectionLevel.parse(s.text(FieldPurpose.SECTION_LEVEL.find(s.attributes())));
        String unit = unitOf(f, units);
        List<WaterClass> readings = readings(s.attributes());
        int good = 0;
        int total = 0;
        for (WaterClass c : readings) {
            if (c != null) {
                total++;
                good += c.isGood() ? 1 : 0;
            }
        }
        Double rate = total == 0 ? null : 100.0 * good / total;
        Double target = number(s.text(FieldPurpose.SECTION_TARGET.find(s.attributes())));
        if (target != null && target <= 1.0) {
            target = target * 100; // a rate written as a share
        }
        Comparison cmp = target != null && target >= 100 ? Comparison.EQUAL : Comparison.AT_LEAST;
        IndicatorResult.Status status;
        if (rate == null) {
            status = IndicatorResult.Status.NO_DATA;
        } else if (target == null) {
            status = IndicatorResult.Status.NO_TARGET;
        } else {
            double shown = Indicators.roundForDisplay(rate, "%");
            // a rate "达到100%" and a rate "不低于90%" both hold when the rate reaches the target
            status = shown >= target ? IndicatorResult.Status.PASS : IndicatorResult.Status.FAIL;
        }
        Point p = f.geometry().getInteriorPoint();
        double[] lonLat = GeometryTransformer.shared().transform(p.getX(), p.getY(), grid, CrsRegistry.fromEpsg(4490));
        return new SectionResult(name, level, unit, readings, good, total, rate, target, cmp, status, lonLat[0], lonLat[1]);
    }

    private static String unitOf(WorkingFeature f, List<NamedUnit> units) {
        for (NamedUnit u : units) {
            if (u.meter().overlap(f.geometry(), MeasuredArea.ZERO).piece() != null) {
                return u.name();
            }
        }
        String key = FieldPurpose.SECTION_UNIT.find(f.source().attributes());
        return key == null ? null : f.source().text(key);
    }

    static List<WaterClass> readings(Map<String, Object> attributes) {
        record Month(int month, WaterClass value) {
        }
        List<Month> months = new ArrayList<>();
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            Matcher m = MONTH.matcher(e.getKey().trim());
            if (m.matches()) {
                int month = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
                if (month >= 1 && month <= 12) {
                    months.add(new Month(month, WaterClass.parse(e.getValue())));
                }
            }
        }
        months.sort(Comparator.comparingInt(Month::month));
        List<WaterClass> out = new ArrayList<>();
        for (Month m : months) {
            out.add(m.value());
        }
        return out;
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(s.trim().replace("%", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
