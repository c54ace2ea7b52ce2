package cn.basinguard.core.report;

/** A "label: value" line of a sheet's head (unit, date, data files, verdict …). */
public record SheetField(String label, String value) {
}
