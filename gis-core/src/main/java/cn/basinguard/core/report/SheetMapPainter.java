package cn.basinguard.core.report;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Draws the map frame of a unit or site sheet. {@link VectorMapPainter} draws the report's own geometries; the map
 * renderer of the app can replace it (same frame, same content stream) without the sheet layout changing.
 */
public interface SheetMapPainter {
    /**
     * @param frame the rectangle reserved for the map, in PDF points; the painter must stay inside it
     * @param text fonts for labels (legend, scale bar, north arrow)
     */
    void paint(PDPageContentStream cs, PDRectangle frame, SheetMap map, PdfText text) throws IOException;
}
