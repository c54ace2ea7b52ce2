package cn.basinguard.core.check;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The bottom lines of one basin governance unit (or of the whole district, {@code district == true}).
 *
 * @param area the unit's own area
 * @param roleAreas area of cultivated land, permanent basic farmland and ecological red line inside the unit
 * @param reservoirs reservoir counts by class (中型, 小型, …) in the unit
 * @param sections the monitoring sections in the unit
 * @param indicators the bottom-line table: every target of the unit, and measured figures without a target
 * @param geometry the unit's outline in the working grid (null for the district row)
 */
public record UnitResult(String name, boolean district, MeasuredArea area, Map<LayerRole, MeasuredArea> roleAreas,
                         Map<String, Integer> reservoirs, List<SectionResult> sections, List<IndicatorResult> indicators,
                         Geometry geometry) {
    public UnitResult {
        roleAreas = Map.copyOf(roleAreas);
        reservoirs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reservoirs));
        sections = List.copyOf(sections);
        indicators = List.copyOf(indicators);
    }

    public MeasuredArea areaOf(LayerRole role) {
        return roleAreas.getOrDefault(role, MeasuredArea.ZERO);
    }

    public boolean holdsAll() {
        return indicators.stream().noneMatch(i -> i.status() == IndicatorResult.Status.FAIL);
    }
}
