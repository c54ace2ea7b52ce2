package cn.basinguard.core.report;

import cn.basinguard.core.i18n.Messages;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A plain vector map of the sheet's geometries (outline, encroachments, conflicts) with legend, scale bar and north
 * arrow. The working grid is a Gauss–Krüger grid with y north, so grid north is up (convergence near Suizhou is
 * under 1.5° and is not drawn).
 */
public final class VectorMapPainter implements SheetMapPainter {
    private static final float PAD = 8;

    private record Style(Color fill, Color stroke, float width) {
    }

    @Override
    public void paint(PDPageContentStream cs, PDRectangle frame, SheetMap map, PdfText text) throws IOException {
        cs.saveGraphicsState();
        cs.addRect(frame.getLowerLeftX(), frame.getLowerLeftY(), frame.getWidth(), frame.getHeight());
        cs.clip();
        Envelope e = map.extent();
        float innerW = frame.getWidth() - 2 * PAD;
        float innerH = frame.getHeight() - 2 * PAD;
        double scale = Math.min(innerW / Math.max(e.getWidth(), 1), innerH / Math.max(e.getHeight(), 1));
        float ox = (float) (frame.getLowerLeftX() + PAD + (innerW - e.getWidth() * scale) / 2);
        float oy = (float) (frame.getLowerLeftY() + PAD + (innerH - e.getHeight() * scale) / 2);
        Transform t = new Transform(e.getMinX(), e.getMinY(), scale, ox, oy);
        List<SheetMap.Layer> drawn = new ArrayList<>();
        for (SheetMap.Layer layer : map.layers()) {
            if (layer.geometries().isEmpty()) {
                continue;
            }
            drawn.add(layer);
            Style s = style(layer.kind());
            for (Geometry g : layer.geometries()) {
                polygonPaths(cs, g, t);
                paintPath(cs, s);
            }
        }
        cs.restoreGraphicsState();
        legend(cs, frame, drawn, text);
        scaleBar(cs, frame, scale, text);
        northArrow(cs, frame, text);
    }

    private static Style style(SheetMap.Kind kind) {
        return switch (kind) {
            case UNIT -> new Style(new Color(0xE8, 0xF0, 0xF8), new Color(0x1F, 0x4E, 0x79), 1.2f);
            case SITE -> new Style(null, new Color(0xC0, 0x00, 0x00), 1.4f);
            case CULTIVATED -> new Style(new Color(0xF5, 0xD0, 0x4C), new Color(0xB0, 0x8C, 0x00), 0.3f);
            case BASIC_FARMLAND -> new Style(new Color(0xE0, 0x7B, 0x22), new Color(0x9A, 0x4A, 0x00), 0.3f);
            case ECO_REDLINE -> new Style(new Color(0x3C, 0xA0, 0x50), new Color(0x1E, 0x6B, 0x30), 0.3f);
            case CONFLICT -> new Style(new Color(0xD0, 0x00, 0xD0), new Color(0x70, 0x00, 0x70), 0.6f);
        };
    }

    private static void paintPath(PDPageContentStream cs, Style s) throws IOException {
        cs.setLineWidth(s.width());
        cs.setStrokingColor(s.stroke());
        if (s.fill() == null) {
            cs.stroke();
            return;
        }
        cs.setNonStrokingColor(s.fill());
        cs.fillAndStrokeEvenOdd();
    }

    private record Transform(double minX, double minY, double scale, float ox, float oy) {
        float x(Coordinate c) {
            return (float) (ox + (c.x - minX) * scale);
        }

        float y(Coordinate c) {
            return (float) (oy + (c.y - minY) * scale);
        }
    }

    private static void polygonPaths(PDPageContentStream cs, Geometry g, Transform t) throws IOException {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                ring(cs, p.getExteriorRing(), t);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(cs, p.getInteriorRingN(h), t);
                }
            } else if (part != g && part.getNumGeometries() > 0) {
                polygonPaths(cs, part, t);
            }
        }
    }

    private static void ring(PDPageContentStream cs, LineString ring, Transform t) throws IOException {
        Coordinate[] cs0 = ring.getCoordinates();
        if (cs0.length < 3) {
            return;
        }
        cs.moveTo(t.x(cs0[0]), t.y(cs0[0]));
        for (int i = 1; i < cs0.length; i++) {
            cs.lineTo(t.x(cs0[i]), t.y(cs0[i]));
        }
        cs.closePath();
    }

    private static void legend(PDPageContentStream cs, PDRectangle frame, List<SheetMap.Layer> layers, PdfText text) throws IOException {
        float size = 7;
        float rowH = 10;
        float w = 0;
        for (SheetMap.Layer l : layers) {
            w = Math.max(w, text.width(l.label(), size, false));
        }
        float boxW = w + 24;
        float boxH = layers.size() * rowH + 6;
        float x = frame.getLowerLeftX() + 4;
        float y = frame.getLowerLeftY() + 4;
        whiteBox(cs, x, y, boxW, boxH);
        float ry = y + boxH - rowH;
        for (SheetMap.Layer l : layers) {
            Style s = style(l.kind());
            cs.addRect(x + 4, ry + 1, 12, 6);
            paintPath(cs, s);
            cs.setNonStrokingColor(Color.BLACK);
            text.draw(cs, l.label(), x + 20, ry + 1.5f, size, false);
            ry -= rowH;
        }
    }

    private static void scaleBar(PDPageContentStream cs, PDRectangle frame, double pointsPerMetre, PdfText text) throws IOException {
        double metres = niceLength(frame.getWidth() * 0.25 / pointsPerMetre);
        float len = (float) (metres * pointsPerMetre);
        float x = frame.getUpperRightX() - len - 16;
        float y = frame.getLowerLeftY() + 10;
        whiteBox(cs, x - 6, y - 4, len + 12, 22);
        cs.setStrokingColor(Color.BLACK);
        cs.setNonStrokingColor(Color.BLACK);
        cs.setLineWidth(0.6f);
        cs.addRect(x, y, len / 2, 3);
        cs.fillAndStroke();
        cs.addRect(x + len / 2, y, len / 2, 3);
        cs.stroke();
        String label = metres >= 1000 ? Figures.text(java.math.BigDecimal.valueOf(metres / 1000).stripTrailingZeros()) + " km"
                : Math.round(metres) + " m";
        text.draw(cs, "0", x - 2, y + 6, 7, false);
        text.draw(cs, label, x + len - text.width(label, 7, false) / 2, y + 6, 7, false);
    }

    /** 1, 2 or 5 times a power of ten, not longer than {@code max}. */
    static double niceLength(double max) {
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * p <= max) {
                return m * p;
            }
        }
        return p;
    }

    private static void northArrow(PDPageContentStream cs, PDRectangle frame, PdfText text) throws IOException {
        float cx = frame.getUpperRightX() - 18;
        float top = frame.getUpperRightY() - 8;
        whiteBox(cs, cx - 10, top - 34, 20, 34);
        cs.setNonStrokingColor(Color.BLACK);
        cs.setStrokingColor(Color.BLACK);
        cs.setLineWidth(0.6f);
        cs.moveTo(cx, top - 4);
        cs.lineTo(cx - 6, top - 22);
        cs.lineTo(cx, top - 17);
        cs.closePath();
        cs.fill();
        cs.moveTo(cx, top - 4);
        cs.lineTo(cx + 6, top - 22);
        cs.lineTo(cx, top - 17);
        cs.closePath();
        cs.stroke();
        String n = Messages.get("sheet.map.north");
        text.draw(cs, n, cx - text.width(n, 7, false) / 2, top - 32, 7, false);
    }

    private static void whiteBox(PDPageContentStream cs, float x, float y, float w, float h) throws IOException {
        cs.saveGraphicsState();
        PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
        gs.setNonStrokingAlphaConstant(0.85f);
        cs.setGraphicsStateParameters(gs);
        cs.setNonStrokingColor(Color.WHITE);
        cs.addRect(x, y, w, h);
        cs.fill();
        cs.restoreGraphicsState();
    }
}
