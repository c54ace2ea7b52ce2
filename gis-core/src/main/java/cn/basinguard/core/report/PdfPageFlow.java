package cn.basinguard.core.report;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The running position on A4 portrait pages: starts a new page when the next block does not fit. */
final class PdfPageFlow implements AutoCloseable {
    static final float MARGIN_X = 42;
    static final float MARGIN_TOP = 46;
    /** room for the page number and fingerprint line */
    static final float MARGIN_BOTTOM = 54;

    private final PDDocument doc;
    private PDPageContentStream cs;
    private float y;

    PDDocument document() {
        return doc;
    }

    PdfPageFlow(PDDocument doc) throws IOException {
        this.doc = doc;
        newPage();
    }

    PDPageContentStream cs() {
        return cs;
    }

    float y() {
        return y;
    }

    void down(float h) {
        y -= h;
    }

    float left() {
        return MARGIN_X;
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN_X;
    }

    /** Starts a new page unless {@code h} points still fit; returns true when it did. */
    boolean ensure(float h) throws IOException {
        if (y - h >= MARGIN_BOTTOM) {
            return false;
        }
        newPage();
        return true;
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN_TOP;
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }
}
