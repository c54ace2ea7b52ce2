package cn.basinguard.core.report;

import java.util.List;

/** 项目选址红线核查表: one project site, its overlap with each red line, the units it lies in and the verdict. */
public record SiteReviewSheet(String title, String subject, List<SheetField> fields, SheetTable overlaps,
                              SheetTable units, SheetTable verdict, SheetMap map, Fingerprint fingerprint) implements Sheet {
    public SiteReviewSheet {
        fields = List.copyOf(fields);
    }

    @Override
    public List<SheetTable> tables() {
        return List.of(overlaps, units, verdict);
    }

    @Override
    public List<String> notes() {
        return List.of();
    }

    @Override
    public boolean signed() {
        return true;
    }
}
