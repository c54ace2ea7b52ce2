package cn.basinguard.core.report;

import cn.basinguard.core.map.Legend;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapRenderer;
import cn.basinguard.core.map.NorthArrow;
import cn.basinguard.core.map.ScaleBar;
import cn.basinguard.core.map.Viewport;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.locationtech.jts.geom.Geometry;

/**
 * The sheet's map drawn by the app's own map renderer, as vector PDF (through PdfBox-Graphics2D): every layer of the
 * data with the styles of the window — red lines, reservoirs, sections, sites — and the sheet's overlaps and conflicts
 * highlighted, with legend, scale bar and north arrow. The map is laid out at {@link #DETAIL} viewport pixels per
 * point, so symbols and labels come out at print size; the scale bar is drawn in the same space and stays exact.
 */
public final class RendererMapPainter implements SheetMapPainter {
    /** Viewport pixels per PDF point: screen styles (in pixels) at a third of their size suit an A4 map frame. */
    static final float DETAIL = 2.5f;
    private final MapContent content;

    /** @param content the map of the input data, in the CRS of the report's grid */
    public RendererMapPainter(MapContent content) {
        this.content = content;
    }

    @Override
    public void paint(PDDocument doc, PDPageContentStream cs, PDRectangle frame, SheetMap map, PdfText text) throws IOException {
        float w = frame.getWidth();
        float h = frame.getHeight();
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, (int) Math.ceil(w), (int) Math.ceil(h));
            g.scale(1 / DETAIL, 1 / DETAIL);
            int pw = Math.round(w * DETAIL);
            int ph = Math.round(h * DETAIL);
            Viewport vp = Viewport.fit(map.extent(), pw, ph, 20);
            List<Geometry> highlight = new ArrayList<>();
            for (SheetMap.Layer l : map.layers()) {
                if (l.kind() != SheetMap.Kind.UNIT && l.kind() != SheetMap.Kind.SITE) {
                    highlight.addAll(l.geometries());
                }
            }
            MapRenderer.paint(g, content, vp, highlight, () -> false, true);
            // the legend keeps clear of the scale bar at the map's foot (drawn at ph − 20, its labels above it)
            Legend.paint(g, content.layers(), vp.envelope(), 10, 10, 16f, ph - 10 - 60);
            ScaleBar.fitting(vp.metresPerPixel(content.crs()), pw / 4.0).paint(g, 30, ph - 20, 8);
            NorthArrow.paint(g, pw - 40, 40, 55);
        } finally {
            g.dispose();
        }
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(frame.getLowerLeftX(), frame.getLowerLeftY()));
        cs.drawForm(g.getXFormObject());
        cs.restoreGraphicsState();
    }
}
