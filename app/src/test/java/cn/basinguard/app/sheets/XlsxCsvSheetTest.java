package cn.basinguard.app.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.report.CellGuard;
import cn.basinguard.core.report.ComplianceSheet;
import cn.basinguard.core.report.CsvSheetWriter;
import cn.basinguard.core.report.SheetCell;
import cn.basinguard.core.report.XlsxSheetWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The XLSX and CSV of the sample read back: the same figures as the records, as numbers with the PDF's decimals. */
class XlsxCsvSheetTest {
    @Test
    void xlsxHasSummaryUnitsAndSitesWithNumbersStoredAsNumbers() throws Exception {
        SampleSheets ss = SampleSheets.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxSheetWriter().write(ss.summary, ss.units, ss.sites, ss.siteTables, "项目选址", out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()), new ReadingOptions(true, false))) {
            List<String> names = wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
            assertEquals(2 + ss.units.size() + ss.siteTables.size(), names.size(), names.toString());
            assertEquals(ss.summary.subject(), names.get(0));
            for (ComplianceSheet u : ss.units) {
                List<Row> rows = wb.findSheet(u.subject()).orElseThrow().read();
                assertEquals(u.title(), rows.get(0).getCell(0).asString());
                // blank rows are not in the list: find the header's position, not its row number
                int header = 0;
                while (!(rows.get(header).getCellCount() > 3 && u.bottomLines().header().get(0).equals(text(rows.get(header), 0)))) {
                    header++;
                }
                for (int i = 0; i < u.bottomLines().rows().size(); i++) {
                    Row r = rows.get(header + 1 + i);
                    List<SheetCell> expected = u.bottomLines().rows().get(i);
                    for (int c = 0; c < expected.size(); c++) {
                        SheetCell e = expected.get(c);
                        Cell cell = r.getCell(c);
                        if (e.isNumber()) {
                            assertEquals(CellType.NUMBER, cell.getType(), e.text());
                            assertEquals(0, e.number().compareTo(cell.asNumber()), e.text());
                            String fmt = cell.getDataFormatString();
                            int scale = Math.max(0, e.number().scale());
                            assertTrue(fmt.contains(scale == 0 ? "0" : "0." + "0".repeat(scale)), fmt);
                        } else {
                            assertEquals(CellType.STRING, cell.getType(), e.text());
                            assertEquals(e.text(), cell.asString());
                        }
                    }
                }
            }
        }
    }

    /**
     * One worksheet per site table across all sites (land classes, three big classes, owners, villages, patches), each
     * row as the records say, the header frozen and filterable.
     */
    @Test
    void xlsxHasOneFilterableWorksheetPerSiteTable() throws Exception {
        SampleSheets ss = SampleSheets.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxSheetWriter().write(ss.summary, ss.units, ss.sites, ss.siteTables, "项目选址", out);
        assertEquals(List.of("占用地类", "三大类汇总", "权属单位", "坐落单位", "压占图斑"),
                ss.siteTables.stream().map(cn.basinguard.core.report.SheetTable::caption).toList());
        cn.basinguard.core.report.SheetTable patches = ss.siteTables.get(4);
        long expected = ss.report.sites().stream().mapToLong(s -> s.patches().size()).sum();
        assertEquals(expected, patches.rows().size());
        assertTrue(expected > 10, "the sample's sites occupy patches: " + expected);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()), new ReadingOptions(true, false))) {
            List<Row> rows = wb.findSheet("压占图斑").orElseThrow().read();
            assertEquals(patches.header(), rows.get(0).stream().map(c -> c.asString()).toList());
            assertEquals(patches.rows().size() + 1, rows.size());
            for (int i = 0; i < patches.rows().size(); i++) {
                List<SheetCell> e = patches.rows().get(i);
                for (int c = 0; c < e.size(); c++) {
                    Cell cell = rows.get(i + 1).getCell(c);
                    if (e.get(c).isNumber()) {
                        assertEquals(0, e.get(c).number().compareTo(cell.asNumber()), e.get(c).text());
                    } else {
                        assertEquals(e.get(c).text(), cell.asString());
                    }
                }
            }
        }
        // fastexcel-reader does not read panes or filters: the worksheet's XML says them
        int index = 2 + ss.units.size() + 5;
        String xml = worksheetXml(out.toByteArray(), index);
        assertTrue(xml.contains("<autoFilter ref=\"A1:M"), "a filter over the 13 columns from the header down");
        assertTrue(xml.matches("(?s).*<pane[^>]*ySplit=\"1\"[^>]*state=\"frozen\".*"), xml.substring(0, 400));
    }

    private static String worksheetXml(byte[] xlsx, int index) throws Exception {
        // the streamed entries carry their sizes after the data, which ZipInputStream refuses: read the central directory
        java.nio.file.Path f = java.nio.file.Files.createTempFile("sites", ".xlsx");
        try {
            java.nio.file.Files.write(f, xlsx);
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f.toFile())) {
                java.util.zip.ZipEntry e = z.getEntry("xl/worksheets/sheet" + index + ".xml");
                assertTrue(e != null, "no worksheet " + index);
                return new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            java.nio.file.Files.delete(f);
        }
    }

    private static String text(Row r, int c) {
        Cell cell = r.getCell(c);
        return cell == null || cell.getType() != CellType.STRING ? "" : cell.asString();
    }

    @Test
    void csvIsUtf8WithBomAndHoldsTheFigures() throws Exception {
        ComplianceSheet u = SampleSheets.get().units.stream().filter(x -> x.subject().equals("㵐水片区")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvSheetWriter().write(u, out);
        byte[] b = out.toByteArray();
        assertEquals(List.of(0xEF, 0xBB, 0xBF), List.of(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF));
        String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b, 3, b.length - 3)).toString();
        assertTrue(text.startsWith(u.title() + "\r\n"));
        List<String> lines = List.of(text.split("\r\n"));
        for (List<SheetCell> row : u.bottomLines().rows()) {
            List<String> cells = new ArrayList<>();
            for (SheetCell c : row) {
                cells.add(c.isNumber() ? c.number().toPlainString() : CellGuard.text(c.text()));
            }
            String expected = String.join(",", cells.stream().map(s -> s.contains(",") ? "\"" + s + "\"" : s).toList());
            assertTrue(lines.contains(expected), expected);
        }
        assertTrue(text.contains("中型水库数量,'=1 座,"), "an equality target would be a formula in Excel");
        assertTrue(text.contains("耕地保有量（耕地保护红线）,≥29.51 万亩,附件3 二、㵐水片区 耕地保护红线,29.07,290653.10,-0.44,不达标"), text);
    }
}
