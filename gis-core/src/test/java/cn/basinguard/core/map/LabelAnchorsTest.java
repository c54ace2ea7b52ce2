package cn.basinguard.core.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.LayerRole;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** A label's place is found once per feature, not at every frame (an interior point walks the whole outline). */
class LabelAnchorsTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void anAnchorIsFoundAtTheFirstFrameOnlyAndSharedByRestyledCopies() {
        Polygon unit = GF.createPolygon(new Coordinate[] {new Coordinate(500_000, 3_500_000), new Coordinate(510_000, 3_500_000),
                new Coordinate(510_000, 3_508_000), new Coordinate(500_000, 3_500_000)});
        MapLayer layer = new MapLayer("单元", "u", LayerRole.UNITS, DefaultStyles.forRole(LayerRole.UNITS), List.of(new MapFeature(1, unit, "涢水片区")));
        assertTrue(layer.style().labelled());
        MapContent c = new MapContent(MapRendererTest.GK, List.of(layer));
        Viewport vp = Viewport.fit(c.fullExtent(), 640, 480, 10);
        RasterFrame.paint(c, vp, List.of(), Color.WHITE, () -> false, 2);
        LabelAnchors.Anchor first = layer.labelAnchor(0);
        for (int i = 0; i < 3; i++) {
            RasterFrame.paint(c, vp, List.of(), Color.WHITE, () -> false, 2);
            RasterFrame.paint(c, vp.zoomAt(100, 100, 1.5), List.of(), Color.WHITE, () -> false, 1);
        }
        assertSame(first, layer.labelAnchor(0), "the anchor found at the first frame is kept, not found again");
        MapLayer restyled = layer.withOpacity(0.5).withStyle(layer.style().withFill(Color.ORANGE));
        RasterFrame.paint(new MapContent(MapRendererTest.GK, List.of(restyled)), vp, List.of(), Color.WHITE, () -> false, 2);
        assertSame(first, restyled.labelAnchor(0), "a restyled copy has the same geometry, so the same anchors");
        Point expected = unit.getInteriorPoint();
        assertEquals(expected.getX(), layer.labelAnchor(0).x(), 1e-6);
        assertEquals(expected.getY(), layer.labelAnchor(0).y(), 1e-6);
    }

    /**
     * A screen frame copies each label from an image drawn once, placed at whole pixels: the same label as the vector
     * drawing (print, PDF) draws, at most half a pixel away.
     */
    @Test
    void aScreenFramesLabelIsTheVectorLabelWithinHalfAPixel() {
        MapLayer sites = new MapLayer("选址", "s", LayerRole.SITES, DefaultStyles.forRole(LayerRole.SITES).withFill(null).withStroke(null, 0),
                List.of(new MapFeature(1, MapRendererTest.box(500_000, 3_500_000, 10), "曾都区㵐水片区项目（地块7）")));
        MapContent c = new MapContent(MapRendererTest.GK, List.of(sites));
        Viewport vp = new Viewport(500_005.37, 3_500_005.81, 1, 400, 100);
        for (int round = 0; round < 2; round++) {
            java.awt.image.BufferedImage screen = RasterFrame.paint(c, vp, List.of(), Color.WHITE, () -> false, 1).image();
            java.awt.image.BufferedImage vector = new java.awt.image.BufferedImage(400, 100, java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
            java.awt.Graphics2D g = vector.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 400, 100);
            MapRenderer.paint(g, c, vp, List.of(), () -> false, true);
            g.dispose();
            double[] a = ink(screen);
            double[] b = ink(vector);
            assertTrue(a[4] > 1000, "the label has ink: " + a[4]);
            assertEquals(b[4], a[4], b[4] * 0.03, "ink of the label");
            for (int i = 0; i < 4; i++) {
                assertEquals(b[i], a[i], 1.0, "edge " + i + " of the label's ink");
            }
        }
    }

    /** The bounds of the non-white pixels (min x, min y, max x, max y) and the sum of their darkness. */
    private static double[] ink(java.awt.image.BufferedImage img) {
        double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, -1, -1, 0};
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int dark = 765 - ((p >> 16) & 0xFF) - ((p >> 8) & 0xFF) - (p & 0xFF);
                if (dark > 30) {
                    r[0] = Math.min(r[0], x);
                    r[1] = Math.min(r[1], y);
                    r[2] = Math.max(r[2], x);
                    r[3] = Math.max(r[3], y);
                }
                r[4] += dark;
            }
        }
        return r;
    }
}
