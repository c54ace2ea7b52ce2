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
 */
public record CheckReport(List<String> inputs, Crs grid, CheckParameters parameters, List<UnitResult> units,
                          List<SiteResult> sites, List<ConflictPatch> conflicts, MeasuredArea conflictTotal,
                          List<DataQualityIssue> dataQuality) {
    public CheckReport {
        inputs = List.copyOf(inputs);
        units = List.copyOf(units);
        sites = List.copyOf(sites);
        conflicts = List.copyOf(conflicts);
        dataQuality = List.copyOf(dataQuality);
    }
}
