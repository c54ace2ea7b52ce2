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
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.locationtech.jts.geom.Envelope;

/**
 * One atlas page: title on top; the map in its coordinate frame on the left; legend, numeric scale and scale bar in
 * a column on the right; CRS, sources, date and the demonstration note along the bottom.
 */
final class AtlasPage {
    private static final float MARGIN = 36;
    private static final float TITLE_BAND = 30;
    private static final float NOTES_BAND = 40;
    private static final float COLUMN = 120;
    private static final float GAP = 10;
    private static final float BAR_HEIGHT = 4;
    /** Map pixels per point: fine enough that the renderer's pixel-snapped decisions do not show on paper. */
    private static final float DETAIL = 2.5f;
    /** Screen label sizes (11 px, units 18 px) to print sizes (about 8 pt, units 13 pt). */
    private static final float LABEL_SCALE = 1.8f;
    private static final double METRES_PER_POINT_AT_1 = 0.0254 / 72;

    private final PDDocument doc;
    private final PdfText text;
    private final MapContent content;
    private final PrintAtlas.Notes notes;

    AtlasPage(PDDocument doc, PdfText text, MapContent content, PrintAtlas.Notes notes) {
        this.doc = doc;
        this.text = text;
        this.content = content;
        this.notes = notes;
    }

    /** Adds the page; returns its scale denominator. {@code cancelled} stops the map's painting (the page is then unfinished). */
    double add(PDRectangle size, PrintAtlas.Page p, java.util.function.BooleanSupplier cancelled) throws IOException {
        PDPage page = new PDPage(size);
        doc.addPage(page);
        float w = size.getWidth();
        float h = size.getHeight();
        float left = MARGIN + EdgeTicks.OUTSIDE;
        float bottom = MARGIN + NOTES_BAND + EdgeTicks.OUTSIDE;
        // whole map pixels, so the frame and the map's ground extent agree to the point and the ticks sit true
        int pw = (int) ((w - MARGIN - COLUMN - GAP - EdgeTicks.OUTSIDE - left) * DETAIL);
        int ph = (int) ((h - MARGIN - TITLE_BAND - EdgeTicks.OUTSIDE - bottom) * DETAIL);
        PDRectangle frame = new PDRectangle(left, bottom, pw / DETAIL, ph / DETAIL);
        Envelope e = new Envelope(p.outline().getEnvelopeInternal());
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * p.kind().padding);
        double dpi = 72 * DETAIL;
        // the exact scale that fits, rounded up to one a planner prints at (never closer than the kind allows)
        double scale = Math.max(p.kind().minScale, Viewport.niceScale(Viewport.fit(e, pw, ph, 0).scaleDenominator(content.crs(), dpi)));
        Viewport vp = Viewport.fit(e, pw, ph, 0).atScale(scale, content.crs(), dpi);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, frame.getWidth(), frame.getHeight());
        // the renderer sizes labels in its pixels, DETAIL to the point: 11 px would print at 4.4 pt, too small to read
        MapContent printLabels = content.withLabelsScaled(LABEL_SCALE);
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, (int) Math.ceil(frame.getWidth()), (int) Math.ceil(frame.getHeight()));
            g.scale(1 / DETAIL, 1 / DETAIL);
            MapRenderer.paint(g, printLabels, vp, p.kind() == PrintAtlas.Kind.SITE ? List.of(p.outline()) : List.of(), cancelled, true);
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
            if (content.crs() != null && content.crs().isProjected()) {
                // eastings and northings only mean something on paper in a projected grid
                EdgeTicks.draw(cs, text, frame, vp.envelope());
            }
            String title = String.format(p.kind() == PrintAtlas.Kind.SITE ? notes.siteTitleFormat() : notes.titleFormat(), p.name());
            float ts = 18;
            text.draw(cs, title, (w - text.width(title, ts, true)) / 2, h - MARGIN - ts, ts, true);
            float column = frame.getUpperRightX() + EdgeTicks.OUTSIDE + GAP;
            legend(cs, column, frame.getUpperRightY());
            scaleBar(cs, scale, column, bottom, w - MARGIN - column);
            float y = MARGIN + 26;
            text.draw(cs, notes.crsNote(), left, y, 9, false);
            text.draw(cs, notes.sources() + "    " + notes.date(), left, y - 12, 8, false);
            if (notes.demonstration() != null) {
                text.draw(cs, notes.demonstration(), left, y - 24, 8, true);
            }
        }
        return scale;
    }

    /** The numeric scale and a bar of a round length, its left end at (x, y), no wider than {@code width} with its label. */
    private void scaleBar(PDPageContentStream cs, double scale, float x, float y, float width) throws IOException {
        float labelSize = 7.5f;
        float widestLabel = text.width(new ScaleBar(500_000, 0).label(), labelSize, false);
        ScaleBar bar = ScaleBar.fitting(scale * METRES_PER_POINT_AT_1, width - widestLabel - 4);
        float seg = (float) (bar.lengthPx() / 4);
        cs.setLineWidth(0.5f);
        cs.setStrokingColor(Color.BLACK);
        for (int i = 0; i < 4; i++) {
            cs.setNonStrokingColor(i % 2 == 0 ? Color.BLACK : Color.WHITE);
            cs.addRect(x + i * seg, y, seg, BAR_HEIGHT);
            cs.fillAndStroke();
        }
        cs.setNonStrokingColor(Color.BLACK);
        text.draw(cs, "0", x - text.width("0", labelSize, false) / 2, y + BAR_HEIGHT + 3, labelSize, false);
        text.draw(cs, bar.label(), x + (float) bar.lengthPx() + 4, y, labelSize, false);
        text.draw(cs, "比例尺 1:" + String.format(Locale.ROOT, "%,.0f", scale), x, y + BAR_HEIGHT + 16, 10, true);
    }

    private void legend(PDPageContentStream cs, float x, float top) throws IOException {
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
