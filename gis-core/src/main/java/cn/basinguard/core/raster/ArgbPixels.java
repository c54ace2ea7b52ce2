package cn.basinguard.core.raster;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.util.Arrays;

/**
 * Decoded image pixels to non-premultiplied ARGB ints, as {@link BufferedImage#getRGB} gives them but without its
 * per-pixel colour-model calls, which cost most of a block's read (a 256² RGB block: ~10 ms through getRGB, under 1 ms
 * here). Byte rasters with one sample per pixel component are read straight: 8-bit sRGB, sRGB with straight alpha, and
 * one-band images (grey, palette) through a 256-entry table the colour model itself fills, so grey keeps Java's own
 * conversion. Anything else (16-bit, packed bits, premultiplied, other colour spaces) goes through the colour model.
 */
final class ArgbPixels {
    private ArgbPixels() {
    }

    /** The whole image, {@code getWidth() × getHeight()} ints, row by row. */
    static int[] of(RenderedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] out = new int[w * h];
        Rectangle bounds = new Rectangle(img.getMinX(), img.getMinY(), w, h);
        ColorModel cm = img.getColorModel();
        for (int ty = img.getMinTileY(); ty < img.getMinTileY() + img.getNumYTiles(); ty++) {
            for (int tx = img.getMinTileX(); tx < img.getMinTileX() + img.getNumXTiles(); tx++) {
                Raster tile = img.getTile(tx, ty);
                Rectangle r = tile.getBounds().intersection(bounds);
                if (!r.isEmpty()) {
                    copy(tile, cm, r.x, r.y, r.width, r.height, out, (r.y - bounds.y) * w + (r.x - bounds.x), w);
                }
            }
        }
        return out;
    }

    /** Rectangle ({@code x, y, w, h}) of {@code raster}, in its own coordinates, into {@code out} from {@code offset}, {@code scan} ints a row. */
    static void copy(Raster raster, ColorModel cm, int x, int y, int w, int h, int[] out, int offset, int scan) {
        if (!direct(raster, cm, x, y, w, h, out, offset, scan)) {
            Object pixel = null;
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    pixel = raster.getDataElements(x + i, y + j, pixel);
                    out[offset + j * scan + i] = cm.getRGB(pixel);
                }
            }
        }
    }

    private static boolean direct(Raster raster, ColorModel cm, int x, int y, int w, int h, int[] out, int offset, int scan) {
        if (!(raster.getSampleModel() instanceof ComponentSampleModel sm) || !(raster.getDataBuffer() instanceof DataBufferByte db)
                || cm.isAlphaPremultiplied()) {
            return false;
        }
        int bands = sm.getNumBands();
        int[] banks = sm.getBankIndices();
        if (Arrays.stream(banks).anyMatch(b -> b != banks[0])) {
            return false;
        }
        byte[] data = db.getData(banks[0]);
        int[] band = sm.getBandOffsets();
        int ps = sm.getPixelStride();
        int ss = sm.getScanlineStride();
        int base = db.getOffsets()[banks[0]] + (x - raster.getSampleModelTranslateX()) * ps + (y - raster.getSampleModelTranslateY()) * ss;
        if (bands == 1 && (cm instanceof IndexColorModel || cm instanceof ComponentColorModel) && cm.getPixelSize() <= 8
                && cm.getTransferType() == DataBuffer.TYPE_BYTE) {
            int[] lut = new int[256];
            for (int v = 0; v < (1 << cm.getPixelSize()); v++) {
                lut[v] = cm.getRGB(new byte[] {(byte) v});
            }
            for (int j = 0; j < h; j++) {
                int s = base + j * ss + band[0];
                int o = offset + j * scan;
                for (int i = 0; i < w; i++, s += ps) {
                    out[o + i] = lut[data[s] & 0xFF];
                }
            }
            return true;
        }
        boolean srgb = cm instanceof ComponentColorModel && cm.getColorSpace().isCS_sRGB()
                && Arrays.stream(cm.getComponentSize()).allMatch(b -> b == 8) && cm.getTransferType() == DataBuffer.TYPE_BYTE;
        if (srgb && bands == 3 && !cm.hasAlpha()) {
            int r0 = band[0], g0 = band[1], b0 = band[2];
            for (int j = 0; j < h; j++) {
                int s = base + j * ss;
                int o = offset + j * scan;
                for (int i = 0; i < w; i++, s += ps) {
                    out[o + i] = 0xFF000000 | (data[s + r0] & 0xFF) << 16 | (data[s + g0] & 0xFF) << 8 | (data[s + b0] & 0xFF);
                }
            }
            return true;
        }
        if (srgb && bands == 4 && cm.hasAlpha()) {
            int r0 = band[0], g0 = band[1], b0 = band[2], a0 = band[3];
            for (int j = 0; j < h; j++) {
                int s = base + j * ss;
                int o = offset + j * scan;
                for (int i = 0; i < w; i++, s += ps) {
                    out[o + i] = (data[s + a0] & 0xFF) << 24 | (data[s + r0] & 0xFF) << 16 | (data[s + g0] & 0xFF) << 8 | (data[s + b0] & 0xFF);
                }
            }
            return true;
        }
        return false;
    }
}
