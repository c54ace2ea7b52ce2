package cn.basinguard.core.report;

import java.util.List;

/** The district summary: every unit's bottom lines side by side, the district-wide targets, and every site's verdict. */
public record DistrictSummarySheet(String title, String subject, List<SheetField> fields, SheetTable units,
                                   SheetTable districtTargets, SheetTable sites, SheetTable conflicts,
                                   List<String> seedConflicts, List<String> dataQuality, Fingerprint fingerprint) implements Sheet {
    public DistrictSummarySheet {
        fields = List.copyOf(fields);
        seedConflicts = List.copyOf(seedConflicts);
        dataQuality = List.copyOf(dataQuality);
    }

    @Override
    public List<SheetTable> tables() {
        return List.of(units, districtTargets, sites, conflicts);
    }

    @Override
    public List<String> notes() {
        return java.util.stream.Stream.concat(seedConflicts.stream(), dataQuality.stream()).toList();
    }

    @Override
    public SheetMap map() {
        return null;
    }

    @Override
    public boolean signed() {
        return true;
    }
}
