package cn.basinguard.app.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.report.ComplianceSheet;
import cn.basinguard.core.report.FontChain;
import cn.basinguard.core.report.PdfSheetWriter;
import cn.basinguard.core.report.Sheet;
import cn.basinguard.core.report.SheetCell;
import cn.basinguard.core.report.SheetField;
import cn.basinguard.core.report.SheetMap;
import cn.basinguard.core.report.SheetTable;
import cn.basinguard.core.report.SiteReviewSheet;
import cn.basinguard.core.report.RendererMapPainter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF sheets of the sample: text extractable exactly as the records hold it, every glyph present, fonts embedded. */
class PdfSheetTest {
    static byte[] pdf(Sheet s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfSheetWriter(new RendererMapPainter(SampleSheets.get().map)).write(s, out);
        return out.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Cells wrap across lines; their lines come out one after the other, so compare without line breaks. */
    private static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Every string a sheet prints, including the labels the writer adds. */
    static List<String> strings(Sheet s) {
        List<String> all = new ArrayList<>(List.of(s.title(), s.subject(), Messages.get("sheet.page", 10, 10),
                Messages.get("sheet.signature.filler"), Messages.get("sheet.signature.reviewer"), Messages.get("sheet.signature.date"),
                Messages.get("sheet.map.title"), Messages.get("sheet.map.north"), Messages.get("sheet.none"), "0 1 2 5 10 m km"));
        for (SheetField f : s.fields()) {
            all.add(f.label() + "：" + f.value());
        }
        for (SheetTable t : s.tables()) {
            all.add(t.caption());
            all.addAll(t.header());
            t.rows().forEach(r -> r.forEach(c -> all.add(c.text())));
        }
        all.addAll(s.notes());
        if (s.map() != null) {
            s.map().layers().forEach(l -> all.add(l.label()));
        }
        return all;
    }

    @Test
    void everyStringOfEverySampleSheetHasAGlyph() throws IOException {
        SampleSheets ss = SampleSheets.get();
        Map<String, List<String>> missing = new TreeMap<>();
        try (PDDocument doc = new PDDocument()) {
            FontChain regular = FontChain.regular(doc);
            FontChain bold = FontChain.bold(doc);
            assertTrue(regular.missing("㵐水片区 涢水片区 曾都区 ≥ ≤ ＝ m² （）〔〕—").isEmpty(), "CJK Extension A and symbols");
            for (Sheet s : ss.all()) {
                for (String str : strings(s)) {
                    List<String> m = new ArrayList<>(regular.missing(str));
                    m.addAll(bold.missing(str));
                    if (!m.isEmpty()) {
                        missing.put(str, m);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "no glyph for: " + missing);
    }

    @Test
    void unitSheetTextHoldsNameTargetsAndMeasuredFiguresAsTheRecordsDo() throws IOException {
        for (ComplianceSheet u : SampleSheets.get().units) {
            String text = flat(text(pdf(u)));
            assertTrue(text.contains(flat(u.subject())), u.subject());
            assertTrue(text.contains(flat(u.title())));
            assertFalse(u.bottomLines().rows().isEmpty());
            for (List<SheetCell> row : u.bottomLines().rows()) {
                for (SheetCell c : row) {
                    assertTrue(text.contains(flat(c.text())), u.subject() + ": " + c.text());
                }
            }
            for (String note : u.notes()) {
                assertTrue(text.contains(flat(note)), note);
            }
            assertTrue(text.contains(u.fingerprint().shortHash()));
        }
    }

    @Test
    void theSampleFiguresAreThoseOfTheCheckSummary() throws IOException {
        ComplianceSheet li = SampleSheets.get().units.stream().filter(u -> u.subject().equals("㵐水片区")).findFirst().orElseThrow();
        String text = text(pdf(li));
        // the figures `basinguard check` prints for the sample (README): 29.07 万亩 against ≥29.51, -0.44
        assertTrue(text.contains("≥29.51 万亩"), text);
        assertTrue(text.contains("29.07 万亩"));
        assertTrue(text.contains("-0.44"));
        assertTrue(text.contains("290653.10"));
        assertTrue(text.contains("不达标"));
    }

    @Test
    void siteSheetTextHoldsOverlapsAndVerdict() throws IOException {
        for (SiteReviewSheet s : SampleSheets.get().sites) {
            String text = flat(text(pdf(s)));
            assertTrue(text.contains(flat(s.subject())));
            for (SheetTable t : s.tables()) {
                for (List<SheetCell> row : t.rows()) {
                    for (SheetCell c : row) {
                        assertTrue(text.contains(flat(c.text())), s.subject() + ": " + c.text());
                    }
                }
            }
        }
    }

    @Test
    void fontsAreEmbeddedSubsetsAndTheFingerprintIsInTheMetadata() throws IOException {
        Sheet s = SampleSheets.get().units.get(0);
        try (PDDocument doc = Loader.loadPDF(pdf(s))) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                assertEquals(595.27f, page.getMediaBox().getWidth(), 0.01f, "A4 portrait");
                for (COSName n : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(n);
                    assertTrue(f.isEmbedded(), f.getName());
                    assertTrue(f.getName().matches("[A-Z]{6}\\+.*"), "subset: " + f.getName());
                    fonts++;
                }
            }
            assertTrue(fonts >= 2);
            assertEquals(s.fingerprint().shortHash(), doc.getDocumentInformation().getCustomMetadataValue(PdfSheetWriter.META_FINGERPRINT));
            assertTrue(doc.getNumberOfPages() >= 1);
        }
    }

    @Test
    void longTablesBreakAcrossPagesWithPageNumbers() throws IOException {
        Sheet s = SampleSheets.get().summary;
        byte[] b = pdf(s);
        try (PDDocument doc = Loader.loadPDF(b)) {
            int n = doc.getNumberOfPages();
            assertTrue(n >= 2, "the summary of 17 sites runs over a page");
            String text = new PDFTextStripper().getText(doc);
            for (int i = 1; i <= n; i++) {
                assertTrue(text.contains(Messages.get("sheet.page", i, n)));
            }
        }
    }

    @Test
    void mapFramesAreDrawnForUnitAndSiteSheets() {
        SampleSheets ss = SampleSheets.get();
        for (Sheet s : List.<Sheet>of(ss.units.get(0), ss.sites.get(1))) {
            SheetMap m = s.map();
            assertTrue(m != null && m.extent().getWidth() > 0 && !m.layers().get(0).geometries().isEmpty(), s.subject());
        }
    }
}
