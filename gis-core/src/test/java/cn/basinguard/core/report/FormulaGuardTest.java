package cn.basinguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.CheckParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** Text from attribute data that looks like a formula stays text in XLSX and CSV (OWASP CSV injection). */
class FormulaGuardTest {
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0");

    private static Sheet hostileSheet() {
        List<List<SheetCell>> rows = new ArrayList<>();
        for (String h : HOSTILE) {
            rows.add(List.of(SheetCell.text(h), SheetCell.number(new BigDecimal("12.30")), new SheetCell("-0.44", new BigDecimal("-0.44"))));
        }
        SheetTable t = new SheetTable("t", List.of("name", "m2", "diff"), List.of(1, 1, 1), rows);
        Fingerprint fp = new Fingerprint(List.of(new Fingerprint.FileHash("a.gpkg", "00")), "test", Fingerprint.parameterLine(CheckParameters.DEFAULT, Map.of()));
        return new DistrictSummarySheet("=title", "=subject", List.of(new SheetField("=label", "@value")), t, t, t, t, List.of("-note"), List.of(), fp);
    }

    @Test
    void guardPrefixesOnlyDangerousStarts() {
        assertEquals("'=1", CellGuard.text("=1"));
        assertEquals("'@a", CellGuard.text("@a"));
        assertEquals("涢水片区", CellGuard.text("涢水片区"));
        assertEquals("\"a,\"\"b\"\"\"", CsvSheetWriter.quote("a,\"b\""));
        assertEquals("\"'=a,b\"", CsvSheetWriter.quote("=a,b"));
        assertEquals("-0.44", CsvSheetWriter.quote("-0.44"), "a number is no formula");
    }

    @Test
    void xlsxStoresHostileTextAsTextAndFiguresAsNumbers() throws Exception {
        Sheet s = hostileSheet();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxSheetWriter().write((DistrictSummarySheet) s, List.of(), List.of(), List.of(), "sites", out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()), new ReadingOptions(true, false))) {
            int hostile = 0;
            int numbers = 0;
            for (Row r : wb.getFirstSheet().read()) {
                for (Cell c : r) {
                    if (c == null) {
                        continue;
                    }
                    assertNull(c.getFormula(), "no formula anywhere");
                    if (HOSTILE.contains(c.getRawValue())) {
                        assertEquals(CellType.STRING, c.getType(), "a string cell, shown as typed, never evaluated");
                        hostile++;
                    }
                    if (c.getType() == CellType.NUMBER && c.asNumber().compareTo(new BigDecimal("12.3")) == 0) {
                        assertEquals("0.00", c.getDataFormatString());
                        numbers++;
                    }
                }
            }
            assertEquals(HOSTILE.size() * 4, hostile);
            assertEquals(HOSTILE.size() * 4, numbers);
        }
    }

    @Test
    void csvGuardsTextAndQuotesByRfc4180() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvSheetWriter().write(hostileSheet(), out);
        byte[] b = out.toByteArray();
        assertEquals(0xEF, b[0] & 0xFF);
        assertEquals(0xBB, b[1] & 0xFF);
        assertEquals(0xBF, b[2] & 0xFF);
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("'=title\r\n"), text);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",12.30,-0.44\r\n"), text);
        assertTrue(text.contains("'+1+1,12.30,-0.44\r\n"));
        assertTrue(text.contains("'@SUM(A1),"));
        assertTrue(text.contains("'=label,'@value\r\n"));
        for (String line : text.split("\r\n")) {
            char c = line.isEmpty() ? ' ' : line.charAt(0);
            assertTrue(c != '=' && c != '+' && c != '@', line);
        }
    }
}
