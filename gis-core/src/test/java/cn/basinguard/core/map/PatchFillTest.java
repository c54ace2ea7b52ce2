package cn.basinguard.core.map;

import cn.basinguard.core.loaded.BoxIndex;
import cn.basinguard.core.loaded.PackedShapes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.LayerRole;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

/** The area-coverage fill of a screen frame's tiling patches: what each pixel gets, and that it matches Java2D's fill. */
class PatchFillTest {
    private static final GeometryFactory GF = new GeometryFactory();
    /** One map unit a pixel, y up: pixel (px, py) covers x px…px+1, y 100-py-1…100-py. */
    private static final Viewport VP = new Viewport(50, 50, 1, 100, 100);

    private static int[] paint(List<Geometry> gs, int rowFrom, int rowTo, int[] pixels) {
        PatchFill f = PatchFill.forBand(100, rowFrom, rowTo);
        Path2D.Float path = new Path2D.Float();
        PackedShapes shapes = packed(gs);
        for (int i = 0; i < shapes.size(); i++) {
            PixelPaths.to(path, VP, f, new Path2D.Float()).append(shapes, i);
        }
        f.paint(pixels, Color.BLACK, null, 1);
        return pixels;
    }

    private static PackedShapes packed(List<Geometry> gs) {
        PackedShapes.Builder b = PackedShapes.Builder.forDrawing();
        gs.forEach(b::add);
        return b.build();
    }

    private static int[] white() {
        int[] px = new int[100 * 100];
        java.util.Arrays.fill(px, 0xFFFFFFFF);
        return px;
    }

    /** How much black a pixel got, 0…255. */
    private static int ink(int[] px, int x, int y) {
        return 255 - (px[y * 100 + x] & 0xFF);
    }

    private static Geometry poly(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) {
            c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        c[c.length - 1] = c[0];
        return GF.createPolygon(c);
    }

    @Test
    void eachPixelGetsTheShareOfItsAreaThePatchCovers() {
        // x 10.25…20.5, y 30.75…40: pixel columns 10 (three quarters) to 20 (half), rows 60 to 69 (the last a quarter)
        int[] px = paint(List.of(poly(10.25, 30.75, 20.5, 30.75, 20.5, 40, 10.25, 40)), 0, 100, white());
        assertEquals(255, ink(px, 15, 65));
        assertEquals(191, ink(px, 10, 65), 1);
        assertEquals(128, ink(px, 20, 65), 1);
        assertEquals(64, ink(px, 15, 69), 1);
        assertEquals(48, ink(px, 10, 69), 1);
        assertEquals(0, ink(px, 9, 65));
        assertEquals(0, ink(px, 21, 65));
        assertEquals(0, ink(px, 15, 59));
        assertEquals(0, ink(px, 15, 70));
        // a diagonal edge: the triangle under y = x in the square 40…50 covers each pixel it cuts by half
        int[] tri = paint(List.of(poly(40, 40, 50, 40, 50, 50)), 0, 100, white());
        for (int i = 0; i < 10; i++) {
            assertEquals(128, ink(tri, 40 + i, 59 - i), 1, "pixel on the diagonal");
            if (i < 9) {
                assertEquals(255, ink(tri, 41 + i, 59 - i));
                assertEquals(0, ink(tri, 40 + i, 58 - i));
            }
        }
    }

    @Test
    void holesStayEmptyWhicheverWayTheirRingsRun() {
        Coordinate[] shell = {new Coordinate(10, 10), new Coordinate(90, 10), new Coordinate(90, 90), new Coordinate(10, 90), new Coordinate(10, 10)};
        Coordinate[] same = {new Coordinate(40, 40), new Coordinate(60, 40), new Coordinate(60, 60), new Coordinate(40, 60), new Coordinate(40, 40)};
        Coordinate[] reversed = same.clone();
        java.util.Collections.reverse(java.util.Arrays.asList(reversed));
        for (Coordinate[] hole : List.of(same, reversed)) {
            Geometry g = GF.createPolygon(GF.createLinearRing(shell), new LinearRing[] {GF.createLinearRing(hole)});
            int[] px = paint(List.of(g), 0, 100, white());
            assertEquals(0, ink(px, 50, 50), "inside the hole");
            assertEquals(255, ink(px, 20, 50), "inside the patch");
            assertEquals(0, ink(px, 5, 50), "outside");
        }
    }

    @Test
    void aBandPaintsItsRowsAsTheWholeFrameDoes() {
        List<Geometry> gs = randomPatches(new Random(3), 60);
        int[] whole = paint(gs, 0, 100, white());
        int[] banded = white();
        paint(gs, 0, 37, banded);
        paint(gs, 37, 100, banded);
        assertTrue(java.util.Arrays.equals(whole, banded));
    }

    /** Against Java2D's anti-aliased fill of the same path (Marlin samples 8 sub-rows a pixel, this is exact). */
    @Test
    void itMatchesJava2dsAntiAliasedFill() {
        List<Geometry> gs = randomPatches(new Random(11), 60);
        int[] ours = paint(gs, 0, 100, white());
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        Path2D.Float path = new Path2D.Float(Path2D.WIND_EVEN_ODD);
        PackedShapes shapes = packed(gs);
        for (int i = 0; i < shapes.size(); i++) {
            PixelPaths.to(path, VP, null, null).append(shapes, i);
        }
        g.setColor(Color.BLACK);
        g.fill(path);
        g.dispose();
        int[] theirs = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int max = 0;
        long sum = 0;
        int edge = 0;
        for (int i = 0; i < ours.length; i++) {
            int d = Math.abs((ours[i] & 0xFF) - (theirs[i] & 0xFF));
            max = Math.max(max, d);
            sum += d;
            if ((theirs[i] & 0xFF) != 0 && (theirs[i] & 0xFF) != 255) {
                edge++;
            }
        }
        assertTrue(edge > 500, "the patches have edges to compare: " + edge);
        assertTrue(max <= 40, "largest difference of a pixel " + max);
        assertTrue(sum / (double) ours.length < 1.0, "mean difference " + sum / (double) ours.length);
    }

    /** Convex patches of 3–8 corners, each in a cell of its own (patches of a tiling layer never overlap). */
    static List<Geometry> randomPatches(Random r, int n) {
        List<Geometry> gs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cx = 6 + (i % 8) * 12 + r.nextDouble();
            double cy = 6 + (i / 8) * 12 + r.nextDouble();
            double rad = 1 + r.nextDouble() * 4.5;
            int k = 3 + r.nextInt(6);
            double[] xy = new double[2 * k];
            double a0 = r.nextDouble() * Math.PI;
            for (int j = 0; j < k; j++) {
                double a = a0 + 2 * Math.PI * j / k;
                xy[2 * j] = cx + rad * Math.cos(a);
                xy[2 * j + 1] = cy + rad * Math.sin(a);
            }
            gs.add(poly(xy));
        }
        return gs;
    }

    @Test
    void onlyLayersOfTilingPatchesAreFilledSo() {
        assertTrue(PatchFill.suits(new MapLayer("耕地", "t", LayerRole.CULTIVATED, DefaultStyles.forRole(LayerRole.CULTIVATED), List.of())));
        assertTrue(PatchFill.suits(new MapLayer("农田", "t", LayerRole.BASIC_FARMLAND, DefaultStyles.forRole(LayerRole.BASIC_FARMLAND), List.of())));
        // project sites overlap one another: their fill stays Java2D's
        assertFalse(PatchFill.suits(new MapLayer("选址", "t", LayerRole.SITES, DefaultStyles.forRole(LayerRole.SITES), List.of())));
        assertFalse(PatchFill.suits(new MapLayer("其他", "t", null, DefaultStyles.forRole(null), List.of())));
    }
}
