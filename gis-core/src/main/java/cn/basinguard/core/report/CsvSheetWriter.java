package cn.basinguard.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A sheet as CSV: UTF-8 with a byte-order mark (without it Excel on a Chinese Windows reads the file as GBK and
 * garbles every name), CRLF line ends and RFC 4180 quoting. Blocks follow the sheet: head fields, each table with
 * its caption, notes, and the fingerprint lines that {@code basinguard verify} reads.
 */
public final class CsvSheetWriter {
    public static final String MARKER_FINGERPRINT = "BasinGuard-Fingerprint";
    public static final String MARKER_TRACE = "BasinGuard-Trace";

    public void write(Sheet sheet, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        line(w, List.of(sheet.title()));
        for (SheetField f : sheet.fields()) {
            line(w, List.of(f.label(), f.value()));
        }
        for (SheetTable t : sheet.tables()) {
            w.write("\r\n");
            line(w, List.of(t.caption()));
            line(w, t.header());
            for (List<SheetCell> row : t.rows()) {
                List<String> cells = new ArrayList<>();
                for (SheetCell c : row) {
                    cells.add(c.isNumber() ? c.number().toPlainString() : c.text());
                }
                line(w, cells);
            }
        }
        if (!sheet.notes().isEmpty()) {
            w.write("\r\n");
            for (String n : sheet.notes()) {
                line(w, List.of(n));
            }
        }
        w.write("\r\n");
        line(w, List.of(MARKER_FINGERPRINT, sheet.fingerprint().shortHash()));
        line(w, List.of(MARKER_TRACE, TraceText.of(sheet.fingerprint())));
        w.flush();
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, inner quotes doubled; text is formula-guarded. */
    static String quote(String raw) {
        String s = isNumber(raw) ? raw : CellGuard.text(raw);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static boolean isNumber(String s) {
        return s.matches("-?\\d+(\\.\\d+)?");
    }
}
