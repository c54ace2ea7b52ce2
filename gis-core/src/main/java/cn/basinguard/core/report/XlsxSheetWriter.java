package cn.basinguard.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The sheets as one XLSX workbook: the summary first, one worksheet per unit, one with every site's review, then one
 * worksheet per site table across all sites (land classes, three big classes, owners, villages, occupied patches), each
 * with its header frozen and an autofilter, so a reviewer can filter the patches by site, owner or class. Figures
 * are numeric cells whose display format has the decimals the PDF prints. Text is always written as a string cell,
 * which a spreadsheet never evaluates, so "=1 座" or a hostile "=HYPERLINK(…)" from the data shows as typed and
 * needs no apostrophe (the CSV, where the reader decides, does get one: {@link CellGuard}).
 *
 * <p>fastexcel rather than Apache POI: measured on the sample (README), it adds 0.14 MB of jars against about 19 MB
 * for poi-ooxml with its dependencies, streams without building a DOM, and these sheets need nothing POI adds.
 */
public final class XlsxSheetWriter {
    private static final int MAX_NAME = 31;

    /** @param siteTables the site tables across all sites ({@link SheetBuilder#siteWorksheets()}), one worksheet each */
    public void write(DistrictSummarySheet summary, List<ComplianceSheet> units, List<SiteReviewSheet> sites, List<SheetTable> siteTables,
                      String sitesName, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "BasinGuard", "1.0");
        Set<String> names = new HashSet<>();
        Worksheet s = wb.newWorksheet(sheetName(summary.subject(), names));
        int row = block(s, 0, summary);
        trace(s, row + 1, summary.fingerprint());
        for (ComplianceSheet u : units) {
            Worksheet ws = wb.newWorksheet(sheetName(u.subject(), names));
            trace(ws, block(ws, 0, u) + 1, u.fingerprint());
        }
        if (!sites.isEmpty()) {
            Worksheet ws = wb.newWorksheet(sheetName(sitesName, names));
            int r = 0;
            for (SiteReviewSheet site : sites) {
                r = block(ws, r, site) + 2;
            }
            trace(ws, r, sites.get(0).fingerprint());
        }
        for (SheetTable t : siteTables) {
            filterable(wb.newWorksheet(sheetName(t.caption(), names)), t);
        }
        wb.finish();
    }

    /** Writes one sheet from {@code row} on; returns the next free row. */
    private static int block(Worksheet ws, int row, Sheet sheet) {
        for (int c = 0; c < 8; c++) {
            ws.width(c, c == 0 ? 34 : 16);
        }
        ws.value(row, 0, text(sheet.title()));
        ws.style(row, 0).bold().fontSize(14).set();
        row += 2;
        for (SheetField f : sheet.fields()) {
            ws.value(row, 0, text(f.label()));
            ws.value(row, 1, text(f.value()));
            row++;
        }
        for (SheetTable t : sheet.tables()) {
            row++;
            ws.value(row, 0, text(t.caption()));
            ws.style(row, 0).bold().set();
            row++;
            for (int c = 0; c < t.header().size(); c++) {
                ws.value(row, c, text(t.header().get(c)));
                ws.style(row, c).bold().fillColor("E4E9F0").borderStyle("thin").wrapText(true).set();
            }
            row++;
            for (List<SheetCell> r : t.rows()) {
                for (int c = 0; c < r.size(); c++) {
                    cell(ws, row, c, r.get(c));
                }
                row++;
            }
        }
        if (!sheet.notes().isEmpty()) {
            row++;
            for (String n : sheet.notes()) {
                ws.value(row++, 0, text(n));
            }
        }
        return row;
    }

    /** A table alone on its worksheet: the header in row 1, frozen, with an autofilter over every column. */
    private static void filterable(Worksheet ws, SheetTable t) {
        int cols = t.header().size();
        for (int c = 0; c < cols; c++) {
            ws.width(c, Math.max(10, 3.5 * t.weights().get(c)));
            ws.value(0, c, text(t.header().get(c)));
            ws.style(0, c).bold().fillColor("E4E9F0").borderStyle("thin").wrapText(true).set();
        }
        int row = 1;
        for (List<SheetCell> r : t.rows()) {
            for (int c = 0; c < r.size(); c++) {
                cell(ws, row, c, r.get(c));
            }
            row++;
        }
        ws.freezePane(0, 1);
        ws.setAutoFilter(0, 0, cols - 1);
    }

    private static void cell(Worksheet ws, int row, int col, SheetCell c) {
        if (c.isNumber()) {
            ws.value(row, col, c.number());
            ws.style(row, col).format(format(c)).borderStyle("thin").set();
        } else {
            ws.value(row, col, text(c.text()));
            ws.style(row, col).borderStyle("thin").wrapText(true).set();
        }
    }

    /** The decimals the PDF prints; a signed difference keeps its plus sign. */
    static String format(SheetCell c) {
        int scale = Math.max(0, c.number().scale());
        String digits = scale == 0 ? "0" : "0." + "0".repeat(scale);
        return c.text().startsWith("+") ? "+" + digits + ";-" + digits + ";" + digits : digits;
    }

    /** Never {@code formula(…)}: a string cell is the guard. */
    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static void trace(Worksheet ws, int row, Fingerprint f) {
        ws.value(row, 0, CsvSheetWriter.MARKER_FINGERPRINT);
        ws.value(row, 1, f.shortHash());
        ws.value(row + 1, 0, CsvSheetWriter.MARKER_TRACE);
        ws.value(row + 1, 1, text(TraceText.of(f)));
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\, not starting or ending with ', unique ignoring case. */
    static String sheetName(String raw, Set<String> used) {
        String base = raw == null ? "" : raw.replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", "_").replaceAll("^'+|'+$", "");
        if (base.isBlank()) {
            base = "sheet";
        }
        if (base.length() > MAX_NAME) {
            base = base.substring(0, MAX_NAME);
        }
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "-" + n;
            name = (base.length() + suffix.length() > MAX_NAME ? base.substring(0, MAX_NAME - suffix.length()) : base) + suffix;
        }
        return name;
    }
}
