package cn.basinguard.core.check;

import java.util.List;

/**
 * One monitoring section: its readings over the period and its 优良率 (share of readings in class I–III).
 *
 * @param unit the unit the section lies in (by location; by its attribute when it lies outside every unit)
 * @param readings the monthly classes in column order, null where there was no reading
 * @param ratePercent 优良率 in %, unrounded; null when there is no reading
 * @param targetPercent the section's own target rate, null when the data gives none
 * @param status PASS/FAIL against the section's target, NO_TARGET, or NO_DATA without readings
 */
public record SectionResult(String name, SectionLevel level, String unit, List<WaterClass> readings, int goodReadings,
                            int totalReadings, Double ratePercent, Double targetPercent, Comparison comparison,
                            IndicatorResult.Status status, double lon, double lat) {
    public SectionResult {
        readings = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(readings));
    }

    /** The latest class reported, or null. */
    public WaterClass latest() {
        for (int i = readings.size() - 1; i >= 0; i--) {
            if (readings.get(i) != null) {
                return readings.get(i);
            }
        }
        return null;
    }
}
