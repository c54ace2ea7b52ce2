package cn.basinguard.core.raster;

import cn.basinguard.core.i18n.Messages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** A tile's encoded image (PNG, JPEG) to ARGB ints of the tile's size, or null with the fault said once. */
final class TileImages {
    private TileImages() {
    }

    static int[] decode(byte[] data, int width, int height, Problems problems, String layer, String where) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException | RuntimeException e) {
            problems.once("corrupt", Messages.get("raster.tileCorrupt", layer, where));
            return null;
        }
        if (img == null) {
            problems.once("format", Messages.get("raster.tileFormat", layer, where, magic(data)));
            return null;
        }
        return argb(img, width, height);
    }

    /** The image's pixels as ARGB, {@code width × height} (a smaller image leaves the rest transparent). */
    static int[] argb(BufferedImage img, int width, int height) {
        int[] out = new int[width * height];
        int w = Math.min(width, img.getWidth());
        int h = Math.min(height, img.getHeight());
        ArgbPixels.copy(img.getRaster(), img.getColorModel(), 0, 0, w, h, out, 0, width);
        return out;
    }

    /** What the bytes look like, for the message: the image format's name where the signature is known. */
    private static String magic(byte[] d) {
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F' && d[8] == 'W' && d[9] == 'E' && d[10] == 'B' && d[11] == 'P') {
            return "WebP";
        }
        if (d.length >= 4 && (d[0] & 0xFF) == 0x89 && d[1] == 'P') {
            return "PNG";
        }
        if (d.length >= 2 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8) {
            return "JPEG";
        }
        return "?";
    }
}
