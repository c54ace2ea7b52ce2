package cn.basinguard.core.report;

import java.util.List;

/**
 * 流域治理单元底线管控核查表: one basin governance unit against its bottom lines. Built only from the check report
 * ({@link SheetBuilder}); every string and figure here is what is printed.
 */
public record ComplianceSheet(String title, String subject, List<SheetField> fields, SheetTable bottomLines,
                              SheetTable reservoirs, SheetTable sections, SheetTable encroachingSites,
                              SheetTable conflicts, List<String> seedConflicts, List<String> dataQuality, SheetMap map,
                              Fingerprint fingerprint) implements Sheet {
    public ComplianceSheet {
        fields = List.copyOf(fields);
        seedConflicts = List.copyOf(seedConflicts);
        dataQuality = List.copyOf(dataQuality);
    }

    @Override
    public List<SheetTable> tables() {
        return List.of(bottomLines, reservoirs, sections, encroachingSites, conflicts);
    }

    @Override
    public List<String> notes() {
        return java.util.stream.Stream.concat(seedConflicts.stream(), dataQuality.stream()).toList();
    }

    @Override
    public boolean signed() {
        return true;
    }
}
