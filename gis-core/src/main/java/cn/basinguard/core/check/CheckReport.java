package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import java.util.List;

/**
 * Everything one run of the checks found. The window, the CLI's JSON and the PDF/XLSX sheets all read this record,
 * so a figure shown anywhere comes from one place.
 *
 * @param inputs the layers used, per role, as the user knows them
 * @param grid the Gauss–Krüger grid the figures were computed in
 * @param units one result per unit, then the district row
 * @param conflictTotal the total area of {@code conflicts}
 * @param approximateLayers the layers moved into the grid only approximately; the figures that depend on them are
 *                          approximate ({@link #approximate(LayerRole...)})
 */
public record CheckReport(List<String> inputs, Crs grid, CheckParameters parameters, List<UnitResult> units,
                          List<SiteResult> sites, List<ConflictPatch> conflicts, MeasuredArea conflictTotal,
                          List<DataQualityIssue> dataQuality, List<ApproximateLayer> approximateLayers) {
    public CheckReport {
        inputs = List.copyOf(inputs);
        units = List.copyOf(units);
        sites = List.copyOf(sites);
        conflicts = List.copyOf(conflicts);
        dataQuality = List.copyOf(dataQuality);
        approximateLayers = List.copyOf(approximateLayers);
    }

    public CheckReport(List<String> inputs, Crs grid, CheckParameters parameters, List<UnitResult> units,
                       List<SiteResult> sites, List<ConflictPatch> conflicts, MeasuredArea conflictTotal,
                       List<DataQualityIssue> dataQuality) {
        this(inputs, grid, parameters, units, sites, conflicts, conflictTotal, dataQuality, List.of());
    }

    /** Whether a figure computed from these layers is approximate (one of them was moved only approximately). */
    public boolean approximate(LayerRole... roles) {
        for (ApproximateLayer a : approximateLayers) {
            for (LayerRole r : roles) {
                if (a.role() == r) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an indicator's measured figure is approximate: it depends on the units and on its own layer. */
    public boolean approximate(IndicatorResult i) {
        return i.indicator() != null && approximate(LayerRole.UNITS, i.indicator().role());
    }

    /** Whether a site's figures and verdict are approximate: they depend on the site and on every red line. */
    public boolean approximate(SiteResult s) {
        return approximate(LayerRole.SITES, LayerRole.UNITS, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE, LayerRole.CULTIVATED);
    }

    /** Whether the conflict figures are approximate. */
    public boolean conflictsApproximate() {
        return approximate(LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE);
    }
}
