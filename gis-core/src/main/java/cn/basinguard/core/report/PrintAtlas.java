package cn.basinguard.core.report;

import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.map.MapRenderer;
import cn.basinguard.core.map.NorthArrow;
import cn.basinguard.core.map.ScaleBar;
import cn.basinguard.core.map.Viewport;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The basin-unit map atlas: one page per unit, A4 or A3, portrait or landscape. Each map is drawn by the window's
 * renderer as vector PDF at a true, rounded scale (1:25,000, 1:50,000, 1:100,000 …) fitted to the unit; title,
 * legend names, scale, CRS note, sources, date and the demonstration-data note are real, searchable text.
 */
public final class PrintAtlas {
    /** Paper sizes in points. */
    public enum Paper {
        A4(PDRectangle.A4), A3(PDRectangle.A3);

        final PDRectangle size;

        Paper(PDRectangle size) {
            this.size = size;
        }
    }

    /** One page: the unit's name (used in the title) and its outline, in the map CRS. */
    public record Page(String unit, Geometry outline) {
    }

    /** What every page says under its map. */
    public record Notes(String titleFormat, String crsNote, String sources, String date, String demonstration) {
    }

    private static final float MARGIN = 36;
    private static final float DETAIL = 2.5f;

    private PrintAtlas() {
    }

    /** Writes the atlas; returns the scale denominator of each page, in page order. */
    public static double[] write(MapContent content, List<Page> pages, Paper paper, boolean landscape, Notes notes, OutputStream out)
            throws IOException {
        double[] scales = new double[pages.size()];
        try (PDDocument doc = new PDDocument()) {
            FontChain[] chains = FontChain.regularAndBold(doc);
            PdfText text = new PdfText(chains[0], chains[1]);
            PDRectangle size = landscape ? new PDRectangle(paper.size.getHeight(), paper.size.getWidth()) : paper.size;
            for (int i = 0; i < pages.size(); i++) {
                scales[i] = page(doc, text, size, content, pages.get(i), notes);
            }
            doc.save(out);
        }
        return scales;
    }

    private static double page(PDDocument doc, PdfText text, PDRectangle size, MapContent content, Page p, Notes notes) throws IOException {
        PDPage page = new PDPage(size);
        doc.addPage(page);
        float w = size.getWidth();
        float h = size.getHeight();
        float legendWidth = 120;
        PDRectangle frame = new PDRectangle(MARGIN, MARGIN + 40, w - 2 * MARGIN - legendWidth - 10, h - 2 * MARGIN - 40 - 34);
        Envelope e = new Envelope(p.outline().getEnvelopeInternal());
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.03);
        int pw = Math.round(frame.getWidth() * DETAIL);
        int ph = Math.round(frame.getHeight() * DETAIL);
        double dpi = 72 * DETAIL;
        // the exact scale that fits the unit, rounded up to one a planner prints at, then the view at that scale
        double scale = Viewport.niceScale(Viewport.fit(e, pw, ph, 0).scaleDenominator(content.crs(), dpi));
        Viewport vp = Viewport.fit(e, pw, ph, 0).atScale(scale, content.crs(), dpi);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, frame.getWidth(), frame.getHeight());
        ScaleBar bar = ScaleBar.fitting(vp.metresPerPixel(content.crs()), vp.width() / 4.0);
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, (int) Math.ceil(frame.getWidth()), (int) Math.ceil(frame.getHeight()));
            g.scale(1 / DETAIL, 1 / DETAIL);
            MapRenderer.paint(g, content, vp, List.of(), () -> false, true);
            bar.paint(g, 30, vp.height() - 20, 8);
            NorthArrow.paint(g, vp.width() - 45, 45, 60);
        } finally {
            g.dispose();
        }
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.saveGraphicsState();
            cs.transform(Matrix.getTranslateInstance(frame.getLowerLeftX(), frame.getLowerLeftY()));
            cs.drawForm(g.getXFormObject());
            cs.restoreGraphicsState();
            cs.setStrokingColor(Color.BLACK);
            cs.setLineWidth(1f);
            cs.addRect(frame.getLowerLeftX(), frame.getLowerLeftY(), frame.getWidth(), frame.getHeight());
            cs.stroke();
            String title = String.format(notes.titleFormat(), p.unit());
            float ts = 18;
            text.draw(cs, title, (w - text.width(title, ts, true)) / 2, h - MARGIN - ts, ts, true);
            legend(cs, text, content, frame.getUpperRightX() + 10, frame.getUpperRightY());
            float y = MARGIN + 26;
            String scaleText = "比例尺 1:" + String.format(Locale.ROOT, "%,.0f", scale) + "    " + notes.crsNote();
            text.draw(cs, scaleText, MARGIN, y, 9, false);
            text.draw(cs, notes.sources() + "    " + notes.date(), MARGIN, y - 12, 8, false);
            if (notes.demonstration() != null) {
                text.draw(cs, notes.demonstration(), MARGIN, y - 24, 8, true);
            }
            // the scale bar's label as real text, under the bar drawn in the map
            text.draw(cs, bar.label(), (float) (frame.getLowerLeftX() + (30 + bar.lengthPx()) / DETAIL + 4),
                    frame.getLowerLeftY() + 20 / DETAIL - 3, 7, false);
        }
        return scale;
    }

    private static void legend(PDPageContentStream cs, PdfText text, MapContent content, float x, float top) throws IOException {
        text.draw(cs, "图例", x, top - 14, 11, true);
        float y = top - 32;
        for (MapLayer l : content.visibleLayers()) {
            var s = l.style();
            Color fill = s.fill() != null ? new Color(s.fill().getRed(), s.fill().getGreen(), s.fill().getBlue()) : Color.WHITE;
            cs.setNonStrokingColor(fill);
            cs.addRect(x, y, 16, 9);
            cs.fill();
            if (s.stroke() != null) {
                cs.setStrokingColor(s.stroke());
                cs.setLineWidth(Math.min(1.5f, Math.max(0.5f, s.strokeWidth() / 2)));
                cs.addRect(x, y, 16, 9);
                cs.stroke();
            }
            cs.setNonStrokingColor(Color.BLACK);
            for (String line : text.wrap(l.name(), 95, 7.5f, false)) {
                text.draw(cs, line, x + 20, y + 1, 7.5f, false);
                y -= 10;
            }
            y -= 6;
        }
    }
}
