package cn.basinguard.core.report;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Draws the map frame of a unit or site sheet. {@link RendererMapPainter} draws it with the window's own renderer, as
 * vector PDF; the sheet layout does not depend on how the frame is filled.
 */
public interface SheetMapPainter {
    /**
     * @param frame the rectangle reserved for the map, in PDF points; the painter must stay inside it
     * @param text fonts for labels (legend, scale bar, north arrow)
     */
    void paint(PDDocument doc, PDPageContentStream cs, PDRectangle frame, SheetMap map, PdfText text) throws IOException;
}
