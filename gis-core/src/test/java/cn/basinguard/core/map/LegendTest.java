package cn.basinguard.core.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.LayerRole;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A legend taller than the room it is given (a sheet's location map) flows into columns instead of running off the
 * map's foot; given room, it is the one column it always was.
 */
class LegendTest {
    private static final float TEXT = 16f;
    private static final double ROW = TEXT * 1.7;

    @Test
    void rowsBeyondTheRoomFlowIntoColumnsToTheRight() {
        List<MapLayer> layers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            layers.add(new MapLayer("图层 " + i, "t" + i, LayerRole.BASIC_FARMLAND, DefaultStyles.forRole(LayerRole.BASIC_FARMLAND), List.of()));
        }
        BufferedImage one = new BufferedImage(2000, 2000, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g1 = one.createGraphics();
        double tall = Legend.paint(g1, layers, null, 10, 10, TEXT);
        g1.dispose();
        assertEquals(ROW * 30 + 10 + ROW, tall, 1e-9, "one column with room enough");

        BufferedImage three = new BufferedImage(2000, 2000, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g3 = three.createGraphics();
        double room = ROW * 11 + 10 + ROW; // eleven rows a column
        double h = Legend.paint(g3, layers, null, 10, 10, TEXT, room);
        g3.dispose();
        assertTrue(h <= room, h + " > " + room);
        assertEquals(ROW * 11 + 10 + ROW, h, 1e-9);
        int wideOne = rightmostInk(one);
        int wideThree = rightmostInk(three);
        assertTrue(wideThree > 2.5 * (wideOne - 10), "three columns side by side: " + wideThree + " against " + wideOne);
        assertTrue(lowestInk(three) <= 10 + h + 1, "nothing drawn below the legend's box");
    }

    private static int rightmostInk(BufferedImage img) {
        for (int x = img.getWidth() - 1; x >= 0; x--) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) >>> 24) != 0) {
                    return x;
                }
            }
        }
        return -1;
    }

    private static int lowestInk(BufferedImage img) {
        for (int y = img.getHeight() - 1; y >= 0; y--) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) != 0) {
                    return y;
                }
            }
        }
        return -1;
    }
}
