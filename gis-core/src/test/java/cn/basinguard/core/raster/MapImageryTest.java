package cn.basinguard.core.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.map.DefaultStyles;
import cn.basinguard.core.map.MapContent;
import cn.basinguard.core.map.MapFeature;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.map.MapRenderer;
import cn.basinguard.core.map.RasterFrame;
import cn.basinguard.core.map.Viewport;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Imagery in the one map renderer: under the vectors, with visibility and opacity, on screen and on paper. */
class MapImageryTest {
    @TempDir
    static Path dir;
    static Path gkTif;
    static final Viewport VP = new Viewport(GdalRasters.MARKER_X, GdalRasters.MARKER_Y, 2.5, 200, 160);

    @BeforeAll
    static void make() throws Exception {
        gkTif = GdalRasters.gkTiff(dir);
    }

    static MapContent content() {
        try (var opened = DataSources.open(gkTif.toString(), SourceOptions.DEFAULT)) {
            MapContent imagery = MapLayers.fromSources(opened.sources(), RasterSourcesTest.GK);
            // a vector square, 40 m across, west of the marker: drawn on top of the image
            GeometryFactory gf = new GeometryFactory();
            double x = GdalRasters.MARKER_X - 100;
            double y = GdalRasters.MARKER_Y;
            Polygon sq = gf.createPolygon(new Coordinate[] {new Coordinate(x - 20, y - 20), new Coordinate(x + 20, y - 20),
                    new Coordinate(x + 20, y + 20), new Coordinate(x - 20, y + 20), new Coordinate(x - 20, y - 20)});
            MapLayer vector = new MapLayer("方块", "square", null, DefaultStyles.forRole(null).withFill(new Color(0, 0, 255)),
                    List.of(new MapFeature(1, sq, null)));
            List<MapLayer> layers = new java.util.ArrayList<>(imagery.layers());
            layers.add(vector);
            return new MapContent(RasterSourcesTest.GK, layers);
        }
    }

    @Test
    void windowFrameDrawsImageryUnderVectors() {
        MapContent c = content();
        assertTrue(c.layers().get(0).isImagery(), "imagery is listed as a layer, drawn first");
        RasterFrame f = RasterFrame.paint(c, VP, List.of(), Color.WHITE, () -> false);
        int centre = f.image().getRGB(100, 80);
        assertEquals(0xFFFF0000, centre, Integer.toHexString(centre));
        // the square (40 px west of the centre) is blue, over the checkerboard
        int square = f.image().getRGB(60, 80);
        assertEquals(0xFF0000FF, square | 0xFF000000, Integer.toHexString(square));
        // elsewhere the checkerboard's greys
        int grey = f.image().getRGB(10, 10);
        assertTrue(grey == 0xFF3C3C3C || grey == 0xFF969696, Integer.toHexString(grey));
    }

    @Test
    void hiddenAndHalfTransparentImagery() {
        MapContent c = content();
        MapContent hidden = c.with(0, c.layers().get(0).withVisible(false));
        assertEquals(0xFFFFFFFF, RasterFrame.paint(hidden, VP, List.of(), Color.WHITE, () -> false).image().getRGB(100, 80));
        MapContent half = c.with(0, c.layers().get(0).withOpacity(0.5));
        int p = RasterFrame.paint(half, VP, List.of(), Color.WHITE, () -> false).image().getRGB(100, 80);
        assertEquals(255, (p >> 16) & 0xFF);
        assertTrue(Math.abs(((p >> 8) & 0xFF) - 128) <= 2, Integer.toHexString(p));
    }

    @Test
    void printedPageIncludesTheImagery() throws Exception {
        MapContent c = content();
        Path pdf = dir.resolve("print.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(200, 160));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, 200, 160);
            MapRenderer.paint(g, c, VP, List.of(), () -> false, true);
            g.dispose();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(g.getXFormObject());
            }
            doc.save(pdf.toFile());
        }
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            int centre = page.getRGB(100, 80);
            assertTrue(((centre >> 16) & 0xFF) > 200 && ((centre >> 8) & 0xFF) < 60, Integer.toHexString(centre));
            int square = page.getRGB(60, 80);
            assertTrue((square & 0xFF) > 200 && ((square >> 16) & 0xFF) < 60, Integer.toHexString(square));
        }
    }
}
