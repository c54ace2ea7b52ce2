package cn.basinguard.core.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class MapRendererTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final Crs GK = CrsRegistry.fromEpsg(4547);

    static Geometry box(double x, double y, double s) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + s, y), new Coordinate(x + s, y + s),
                new Coordinate(x, y + s), new Coordinate(x, y)});
    }

    static MapLayer layer(LayerRole role, Geometry... gs) {
        List<MapFeature> fs = new java.util.ArrayList<>();
        for (int i = 0; i < gs.length; i++) {
            fs.add(new MapFeature(i, gs[i], null));
        }
        return new MapLayer(role == null ? "x" : role.key(), "t", role, DefaultStyles.forRole(role).withLabels(null, 0), fs);
    }

    @Test
    void viewportMathRoundTripsAndZoomKeepsTheCursorPoint() {
        Viewport vp = new Viewport(450_000, 3_510_000, 10, 800, 600);
        var w = vp.toWorld(123, 456);
        assertEquals(123, vp.pixelX(w.x), 1e-9);
        assertEquals(456, vp.pixelY(w.y), 1e-9);
        Viewport z = vp.zoomAt(123, 456, 2.5);
        var w2 = z.toWorld(123, 456);
        assertEquals(w.x, w2.x, 1e-6);
        assertEquals(w.y, w2.y, 1e-6);
        assertEquals(4, z.unitsPerPixel(), 1e-12);
        Viewport p = vp.pan(10, -20);
        assertEquals(vp.toWorld(0, 0).x, p.toWorld(10, -20).x, 1e-9);
    }

    @Test
    void fitContainsTheEnvelopeAndScalesAreRound() {
        Envelope e = new Envelope(440_000, 470_000, 3_490_000, 3_530_000);
        Viewport vp = Viewport.fit(e, 1000, 800, 20);
        assertTrue(vp.envelope().contains(e));
        // 96 dpi: one pixel is 0.2646 mm, so 10 m a pixel is 1:37,795
        assertEquals(37_795.3, new Viewport(0, 0, 10, 10, 10).scaleDenominator(GK, 96), 0.1);
        assertEquals(50_000, Viewport.niceScale(37_795), 1e-9);
        assertEquals(25_000, Viewport.niceScale(25_000), 1e-9);
        assertEquals(100_000, Viewport.niceScale(52_000), 1e-9);
    }

    @Test
    void scaleBarLengthMatchesItsGroundDistance() {
        ScaleBar bar = ScaleBar.fitting(12.5, 200);
        assertEquals(2000, bar.metres());
        assertEquals(bar.metres(), bar.lengthPx() * 12.5, 1e-9);
        assertEquals("2 公里", bar.label());
        assertEquals("500 米", ScaleBar.fitting(3, 200).label());
    }

    @Test
    void aSquareFillsItsPixelsAndHiddenLayersDoNot() {
        MapLayer farm = layer(LayerRole.CULTIVATED, box(440_000, 3_500_000, 1000));
        MapContent c = new MapContent(GK, List.of(farm));
        Viewport vp = new Viewport(440_500, 3_500_500, 10, 200, 200);
        BufferedImage img = RasterFrame.paint(c, vp, List.of(), Color.WHITE, () -> false).image();
        assertEquals(DefaultStyles.forRole(LayerRole.CULTIVATED).fill().getRGB(), img.getRGB(100, 100));
        assertEquals(Color.WHITE.getRGB(), img.getRGB(5, 5));
        BufferedImage hidden = RasterFrame.paint(c.with(0, farm.withVisible(false)), vp, List.of(), Color.WHITE, () -> false).image();
        assertEquals(Color.WHITE.getRGB(), hidden.getRGB(100, 100));
    }

    @Test
    void basicFarmlandIsHatchedAndTheHighlightIsOnTop() {
        MapContent c = new MapContent(GK, List.of(layer(LayerRole.BASIC_FARMLAND, box(440_000, 3_500_000, 1000))));
        Viewport vp = new Viewport(440_500, 3_500_500, 10, 200, 200);
        BufferedImage img = RasterFrame.paint(c, vp, List.of(), Color.WHITE, () -> false).image();
        int fill = DefaultStyles.forRole(LayerRole.BASIC_FARMLAND).fill().getRGB();
        int other = 0;
        for (int x = 60; x < 140; x++) {
            if (img.getRGB(x, 100) != img.getRGB(60, 100)) {
                other++;
            }
        }
        assertTrue(other > 5, "hatch lines cross the fill");
        BufferedImage hl = RasterFrame.paint(c, vp, List.of(box(440_400, 3_500_400, 200)), Color.WHITE, () -> false).image();
        assertNotEquals(img.getRGB(100, 100), hl.getRGB(100, 100), "the highlight veils what is under it");
        assertNotEquals(fill, 0);
    }

    /**
     * In vector output (PDF, print) the hatch lines are drawn inside the patches and never outside the frame the caller
     * clipped to, though the patch runs on past it; the lines are cut to the frame by the renderer, not by the clip.
     */
    @Test
    void vectorHatchingStaysInsideThePatchesAndTheFrame() {
        MapContent c = new MapContent(GK, List.of(layer(LayerRole.BASIC_FARMLAND, box(440_000, 3_500_000, 1000))));
        Viewport vp = new Viewport(440_500, 3_500_500, 10, 200, 200);
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.clip(new java.awt.Rectangle(0, 0, 120, 200)); // the frame ends at x = 120, the patch at x = 150
        assertTrue(MapRenderer.paint(g, c, vp, List.of(), () -> false, true));
        g.dispose();
        int changes = 0;
        for (int x = 55; x < 115; x++) {
            if (img.getRGB(x, 100) != img.getRGB(x - 1, 100)) {
                changes++;
            }
        }
        assertTrue(changes > 5, "hatch lines cross the fill inside the frame: " + changes);
        for (int y = 0; y < 200; y++) {
            for (int x = 120; x < 200; x++) {
                assertEquals(0xFFFFFF, img.getRGB(x, y) & 0xFFFFFF, "nothing drawn outside the frame at " + x + "," + y);
            }
            for (int x = 0; x < 45; x++) {
                assertEquals(0xFFFFFF, img.getRGB(x, y) & 0xFFFFFF, "no hatch outside the patch at " + x + "," + y);
            }
        }
    }

    @Test
    void aCancelledFrameStops() {
        Geometry[] many = new Geometry[20_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = box(440_000 + (i % 200) * 50, 3_500_000 + (i / 200) * 50, 40);
        }
        MapContent c = new MapContent(GK, List.of(layer(LayerRole.CULTIVATED, many), layer(LayerRole.ECO_REDLINE, many)));
        AtomicInteger asked = new AtomicInteger();
        assertNull(RasterFrame.paint(c, Viewport.fit(c.fullExtent(), 300, 300, 0), List.of(), Color.WHITE, () -> asked.incrementAndGet() > 2));
        assertTrue(asked.get() <= 4);
    }

    @Test
    void chineseLabelsIncludingExtensionAHaveAFont() {
        assumeTrue(FontChooser.canDisplay("涢水片区"), "no CJK font installed (apt-get install fonts-noto-cjk)");
        assertTrue(FontChooser.canDisplay("㵐水片区"), "U+3D50 in 㵐水片区 needs a CJK Extension A font");
        Font f = FontChooser.fontFor("㵐水片区", Font.PLAIN, 14);
        assertEquals(-1, f.canDisplayUpTo("㵐水片区"), f.getFamily());
        MapLayer units = new MapLayer("units", "units", LayerRole.UNITS, DefaultStyles.forRole(LayerRole.UNITS),
                List.of(new MapFeature(1, box(440_000, 3_500_000, 1000), "㵐水片区")));
        BufferedImage img = RasterFrame.paint(new MapContent(GK, List.of(units)), new Viewport(440_500, 3_500_500, 10, 200, 200),
                List.of(), Color.WHITE, () -> false).image();
        int ink = 0;
        for (int x = 50; x < 150; x++) {
            for (int y = 85; y < 115; y++) {
                Color p = new Color(img.getRGB(x, y));
                if (p.getRed() < 120 && p.getGreen() < 120) {
                    ink++;
                }
            }
        }
        assertTrue(ink > 40, "the label is drawn: " + ink);
    }

    @Test
    void legendAndNorthArrowDraw() {
        BufferedImage img = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        double h = Legend.paint(g, List.of(layer(LayerRole.BASIC_FARMLAND), layer(LayerRole.ECO_REDLINE).withVisible(false)), 10, 10, 12);
        NorthArrow.paint(g, 250, 20, 40);
        g.dispose();
        assertTrue(h > 20 && h < 100, "two rows: title and the one visible layer");
        assertEquals(Color.BLACK.getRGB(), img.getRGB(244, 50), "the left half of the arrow is black");
    }

    @Test
    void aFramePaintedInBandsIsTheFramePaintedWhole() {
        java.util.Random r = new java.util.Random(7);
        List<MapFeature> farmland = new java.util.ArrayList<>();
        List<MapFeature> units = new java.util.ArrayList<>();
        List<Envelope> taken = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // patches from sub-pixel dots to a few hundred pixels, many across the band edges; never overlapping, as the
            // patches of a farmland layer do not (a screen frame fills such a layer by area coverage, see PatchFill)
            double s = Math.pow(10, 1 + r.nextDouble() * 2.6);
            Geometry b = box(500_000 + r.nextDouble() * 20_000, 3_500_000 + r.nextDouble() * 15_000, s);
            if (taken.stream().noneMatch(e -> e.intersects(b.getEnvelopeInternal()))) {
                taken.add(b.getEnvelopeInternal());
                farmland.add(new MapFeature(i, b, null));
            }
        }
        for (int i = 0; i < 40; i++) {
            units.add(new MapFeature(i, box(500_000 + r.nextDouble() * 18_000, 3_500_000 + r.nextDouble() * 13_000, 1500), "单元" + i));
        }
        MapContent c = new MapContent(GK, List.of(
                new MapLayer("f", "f", LayerRole.BASIC_FARMLAND, DefaultStyles.forRole(LayerRole.BASIC_FARMLAND), farmland),
                new MapLayer("u", "u", LayerRole.UNITS, DefaultStyles.forRole(LayerRole.UNITS), units)));
        Viewport vp = Viewport.fit(c.fullExtent(), 640, 480, 10);
        List<Geometry> hl = List.of(box(505_000, 3_505_000, 3000));
        RasterFrame banded = RasterFrame.paint(c, vp, hl, Color.WHITE, () -> false, 3);
        RasterFrame whole = RasterFrame.paint(c, vp, hl, Color.WHITE, () -> false, 1);
        int differing = 0;
        for (int i = 0; i < whole.pixels().length; i++) {
            if (whole.pixels()[i] != banded.pixels()[i]) {
                differing++;
            }
        }
        assertEquals(0, differing, "pixels that differ between the banded and the whole frame");
        java.awt.image.BufferedImage direct = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
        java.awt.Graphics2D g = direct.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        // without labels: a screen frame copies them from images placed at whole pixels (LabelAnchorsTest compares them)
        MapContent plain = c.with(1, c.layers().get(1).withStyle(c.layers().get(1).style().withLabels(null, 0)));
        whole = RasterFrame.paint(plain, vp, hl, Color.WHITE, () -> false, 1);
        MapRenderer.paint(g, plain, vp, hl, () -> false);
        g.dispose();
        int[] px = ((java.awt.image.DataBufferInt) direct.getRaster().getDataBuffer()).getData();
        int off = 0;
        for (int i = 0; i < px.length; i++) {
            if (px[i] != whole.pixels()[i]) {
                off++;
            }
        }
        // sub-pixel patches are blended straight into the raster instead of drawn as 1-pixel rectangles: same colour, rounding apart
        assertTrue(off < px.length / 100, off + " pixels differ from the renderer drawing through Java2D alone");
    }
}
