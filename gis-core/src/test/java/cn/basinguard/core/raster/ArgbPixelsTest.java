package cn.basinguard.core.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct byte paths give what {@link BufferedImage#getRGB} gives, for every image kind a TIFF or a tile decodes to. */
class ArgbPixelsTest {
    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_USHORT_GRAY, BufferedImage.TYPE_BYTE_BINARY})
    void sameAsGetRgb(int type) {
        BufferedImage img = new BufferedImage(70, 50, type);
        Random rnd = new Random(type);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, rnd.nextInt());
            }
        }
        int[] want = img.getRGB(0, 0, 70, 50, null, 0, 70);
        int[] got = new int[70 * 50];
        ArgbPixels.copy(img.getRaster(), img.getColorModel(), 0, 0, 70, 50, got, 0, 70);
        assertArrayEquals(want, got);

        // a window of a raster that starts elsewhere than (0, 0) and shares its parent's buffer, as an image's tiles do
        Raster child = img.getRaster().createChild(10, 5, 40, 30, 110, 205, null);
        int[] part = new int[40 * 30];
        ArgbPixels.copy(child, img.getColorModel(), 112, 207, 30, 20, part, 3 * 40 + 1, 40);
        for (int j = 0; j < 20; j++) {
            for (int i = 0; i < 30; i++) {
                if (img.getRGB(12 + i, 7 + j) != part[(3 + j) * 40 + 1 + i]) {
                    throw new AssertionError("pixel " + i + "," + j + " of the window");
                }
            }
        }
        assertArrayEquals(want, ArgbPixels.of(img));
    }
}
