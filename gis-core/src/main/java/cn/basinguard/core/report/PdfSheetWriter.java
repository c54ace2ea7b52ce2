package cn.basinguard.core.report;

import cn.basinguard.core.i18n.Messages;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A sheet as an A4 portrait PDF: real text in embedded subset fonts, ruled tables that break across pages, a map
 * frame, a signature block, page numbers, and the fingerprint on every page and in the document metadata.
 */
public final class PdfSheetWriter {
    /** Document-information keys that {@code basinguard verify} reads back. */
    public static final String META_FINGERPRINT = "BasinGuard-Fingerprint";
    public static final String META_TRACE = "BasinGuard-Trace";
    private static final float MAP_HEIGHT = 250;

    private final SheetMapPainter painter;

    public PdfSheetWriter(SheetMapPainter painter) {
        this.painter = painter;
    }

    public void write(Sheet sheet, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            FontChain[] chains = FontChain.regularAndBold(doc);
            PdfText text = new PdfText(chains[0], chains[1]);
            try (PdfPageFlow flow = new PdfPageFlow(doc)) {
                head(flow, sheet, text);
                if (sheet.map() != null) {
                    map(flow, sheet.map(), text);
                }
                PdfTableDrawer tables = new PdfTableDrawer(text);
                for (SheetTable t : sheet.tables()) {
                    tables.draw(flow, t);
                }
                paragraphs(flow, sheet.notes(), text, 8, 11);
                if (sheet.signed()) {
                    signature(flow, text);
                }
                paragraphs(flow, List.of(TraceText.of(sheet.fingerprint())), text, 6.5f, 8.5f);
            }
            footers(doc, sheet, text);
            info(doc, sheet);
            doc.save(out);
        }
    }

    private static void head(PdfPageFlow flow, Sheet sheet, PdfText text) throws IOException {
        float size = 16;
        float w = text.width(sheet.title(), size, true);
        text.draw(flow.cs(), sheet.title(), flow.left() + (flow.width() - w) / 2, flow.y() - size, size, true);
        flow.down(size + 14);
        for (SheetField f : sheet.fields()) {
            String line = f.label() + "：" + f.value();
            for (String l : text.wrap(line, flow.width(), 8.5f, false)) {
                flow.ensure(12);
                text.draw(flow.cs(), l, flow.left(), flow.y() - 8.5f, 8.5f, false);
                flow.down(12);
            }
        }
    }

    private void map(PdfPageFlow flow, SheetMap map, PdfText text) throws IOException {
        flow.ensure(MAP_HEIGHT + 20);
        flow.down(12);
        text.draw(flow.cs(), Messages.get("sheet.map.title"), flow.left(), flow.y(), 9.5f, true);
        flow.down(5);
        PDRectangle frame = new PDRectangle(flow.left(), flow.y() - MAP_HEIGHT, flow.width(), MAP_HEIGHT);
        PDPageContentStream cs = flow.cs();
        cs.saveGraphicsState();
        painter.paint(flow.document(), cs, frame, map, text);
        cs.restoreGraphicsState();
        cs.setStrokingColor(Color.BLACK);
        cs.setLineWidth(0.8f);
        cs.addRect(frame.getLowerLeftX(), frame.getLowerLeftY(), frame.getWidth(), frame.getHeight());
        cs.stroke();
        flow.down(MAP_HEIGHT);
    }

    private static void paragraphs(PdfPageFlow flow, List<String> paras, PdfText text, float size, float line) throws IOException {
        if (paras.isEmpty()) {
            return;
        }
        flow.down(6);
        for (String p : paras) {
            for (String l : text.wrap(p, flow.width(), size, false)) {
                flow.ensure(line);
                text.draw(flow.cs(), l, flow.left(), flow.y() - size, size, false);
                flow.down(line);
            }
            flow.down(2);
        }
    }

    private static void signature(PdfPageFlow flow, PdfText text) throws IOException {
        flow.ensure(44);
        flow.down(28);
        float col = flow.width() / 3;
        String[] keys = {"sheet.signature.filler", "sheet.signature.reviewer", "sheet.signature.date"};
        PDPageContentStream cs = flow.cs();
        for (int i = 0; i < keys.length; i++) {
            float x = flow.left() + i * col;
            String label = Messages.get(keys[i]);
            text.draw(cs, label, x, flow.y(), 10, false);
            float lx = x + text.width(label, 10, false) + 2;
            cs.setStrokingColor(Color.BLACK);
            cs.setLineWidth(0.5f);
            cs.moveTo(lx, flow.y() - 2);
            cs.lineTo(x + col - 12, flow.y() - 2);
            cs.stroke();
        }
        flow.down(10);
    }

    private static void footers(PDDocument doc, Sheet sheet, PdfText text) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs.setNonStrokingColor(Color.BLACK);
                String num = Messages.get("sheet.page", i + 1, n);
                float w = text.width(num, 8, false);
                text.draw(cs, num, (PDRectangle.A4.getWidth() - w) / 2, 30, 8, false);
                String fp = Messages.get("sheet.field.fingerprint") + " " + sheet.fingerprint().shortHash() + "  " + sheet.subject();
                text.draw(cs, fp, PdfPageFlow.MARGIN_X, 18, 6.5f, false);
            }
        }
    }

    private static void info(PDDocument doc, Sheet sheet) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(sheet.title() + " — " + sheet.subject());
        info.setSubject(sheet.subject());
        info.setCreator("BasinGuard " + sheet.fingerprint().version());
        info.setProducer("BasinGuard (Apache PDFBox)");
        info.setCreationDate(Calendar.getInstance());
        info.setCustomMetadataValue(META_FINGERPRINT, sheet.fingerprint().shortHash());
        info.setCustomMetadataValue(META_TRACE, TraceText.of(sheet.fingerprint()));
    }
}
