package cn.basinguard.core.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.LandClasses;
import cn.basinguard.core.check.LayerRole;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The land-use layer drawn by land class in the national scheme's colours, and its legend by class. */
class LandClassMapTest {
    private static final Color PADDY = new Color(248, 208, 114);

    /** Four DLTB patches side by side: 0101 水田, 0301 乔木林地, 1003 公路用地 and a code no table has. */
    private static MapLayer dltb() {
        List<MapFeature> fs = new ArrayList<>();
        String[] codes = {"0101", "0301", "1003", "9999"};
        for (int i = 0; i < codes.length; i++) {
            fs.add(new MapFeature(i, MapRendererTest.box(500_000 + i * 100, 3_500_000, 100), null));
        }
        return new MapLayer("DLTB", "DLTB", LayerRole.LAND_USE, DefaultStyles.forRole(LayerRole.LAND_USE), fs, List.of(codes));
    }

    @Test
    void aPatchWithDlbm0101IsDrawnInThePaddyColourAndEachClassInItsOwn() {
        MapContent c = new MapContent(MapRendererTest.GK, List.of(dltb()));
        BufferedImage img = new BufferedImage(400, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        Viewport vp = Viewport.fit(c.fullExtent(), 400, 100, 0);
        MapRenderer.paint(g, c, vp, List.of(), () -> false);
        g.dispose();
        int y = (int) vp.pixelY(3_500_050);
        assertEquals(PADDY.getRGB(), img.getRGB((int) vp.pixelX(500_050), y), "0101 水田 in 248,208,114");
        assertEquals(new Color(49, 173, 105).getRGB(), img.getRGB((int) vp.pixelX(500_150), y), "0301 乔木林地 green");
        assertEquals(new Color(210, 216, 201).getRGB(), img.getRGB((int) vp.pixelX(500_250), y), "1003 公路用地 grey");
        assertEquals(LandClassColours.UNKNOWN.getRGB(), img.getRGB((int) vp.pixelX(500_350), y), "an unknown code in the neutral grey");
    }

    @Test
    void theVectorPathForPdfDrawsTheSameColours() {
        MapContent c = new MapContent(MapRendererTest.GK, List.of(dltb()));
        BufferedImage img = new BufferedImage(400, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        Viewport vp = Viewport.fit(c.fullExtent(), 400, 100, 0);
        MapRenderer.paint(g, c, vp, List.of(), () -> false, true);
        g.dispose();
        assertEquals(PADDY.getRGB(), img.getRGB((int) vp.pixelX(500_050), (int) vp.pixelY(3_500_050)));
    }

    @Test
    void theLegendListsTheClassesPresentByFirstLevelClassAndUnknownCodesOnTheirOwnLine() {
        List<LandClassLegend.Group> all = LandClassLegend.of(dltb(), null);
        assertEquals(List.of("01 耕地", "03 林地", "10 交通运输用地", "未知地类编码"), all.stream().map(LandClassLegend.Group::title).toList());
        assertEquals("0101 水田", all.get(0).lines().get(0).text());
        assertEquals(PADDY, all.get(0).lines().get(0).colour());
        assertEquals(1, all.get(0).lines().size(), "only the classes present: no 水浇地, no 旱地");
        assertEquals("地类编码 9999", all.get(3).lines().get(0).text());
        assertEquals(LandClassColours.UNKNOWN, all.get(3).lines().get(0).colour());

        List<LandClassLegend.Group> inView = LandClassLegend.of(dltb(), new Envelope(500_010, 500_090, 3_500_010, 3_500_090));
        assertEquals(List.of("01 耕地"), inView.stream().map(LandClassLegend.Group::title).toList(), "only what the view shows");

        // the printed legend grows by a heading and a line per class present
        BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        double withClasses = Legend.paint(g, List.of(dltb()), 10, 10, 12);
        double plain = Legend.paint(g, List.of(MapRendererTest.layer(LayerRole.LAND_USE)), 10, 10, 12);
        g.dispose();
        assertEquals(8 * 12 * 1.7, withClasses - plain, 1e-9, "4 headings and 4 class lines");
    }

    @Test
    void everyLandClassHasAColourAndAFirstLevelClassAndTheFarmlandKindsDiffer() throws Exception {
        LandClassColours colours = LandClassColours.standard();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LandClasses.class.getResourceAsStream("land-classes.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String code = line.split("\t")[0];
                assertNotNull(colours.colour(code), "a colour for " + code);
                assertNotNull(colours.division(code), "a first-level class for " + code);
            }
        }
        assertNotEquals(colours.colour("0101"), colours.colour("0102"));
        assertNotEquals(colours.colour("0102"), colours.colour("0103"));
        assertNotEquals(colours.colour("0101"), colours.colour("0103"));
        assertEquals(colours.colour("0101"), colours.colour("011"), "二调 水田 as 三调 水田");
        assertEquals(colours.colour("0201"), colours.colour("0201k"), "written in any case");
        Color water = colours.colour("1101");
        assertTrue(water.getBlue() > water.getRed() && water.getBlue() > water.getGreen(), "water is blue");
        Color forest = colours.colour("0301");
        assertTrue(forest.getGreen() > forest.getRed() && forest.getGreen() > forest.getBlue(), "forest is green");
        Color housing = colours.colour("0701");
        assertTrue(housing.getRed() > housing.getGreen() + 80, "housing is red");
    }
}
