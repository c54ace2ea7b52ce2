package cn.basinguard.core.raster;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * What a TIFF's directories say, read by TwelveMonkeys' TIFF directory reader (TIFF and BigTIFF) without touching the
 * pixels: the full image's size and tiling, the sizes of its overviews (reduced-resolution directories, as gdaladdo
 * writes them) and the GeoTIFF tags that place it.
 *
 * @param tiePoints ModelTiepointTag (33922) or null
 * @param pixelScale ModelPixelScaleTag (33550) or null
 * @param transformation ModelTransformationTag (34264), 16 numbers row by row, or null
 * @param geoKeys GeoKeyDirectoryTag (34735) or null
 */
record TiffLayout(int width, int height, int tileWidth, int tileHeight, List<int[]> overviews, double[] tiePoints,
                  double[] pixelScale, double[] transformation, int[] geoKeys, int compression) {
    private static final int NEW_SUBFILE_TYPE = 254;
    private static final int WIDTH = 256;
    private static final int HEIGHT = 257;
    private static final int COMPRESSION = 259;
    private static final int TILE_WIDTH = 322;
    private static final int TILE_LENGTH = 323;

    static TiffLayout read(Path file) throws IOException {
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            Directory dir = new TIFFReader().read(in);
            Directory first = dir instanceof CompoundDirectory c ? c.getDirectory(0) : dir;
            List<int[]> overviews = new ArrayList<>();
            if (dir instanceof CompoundDirectory c) {
                for (int i = 1; i < c.directoryCount(); i++) {
                    Directory d = c.getDirectory(i);
                    int type = integer(d, NEW_SUBFILE_TYPE, 0);
                    // bit 0: a reduced-resolution version of the image; bit 2: a transparency mask, not an image
                    if ((type & 1) != 0 && (type & 4) == 0) {
                        overviews.add(new int[] {integer(d, WIDTH, 0), integer(d, HEIGHT, 0), i});
                    }
                }
            }
            return new TiffLayout(integer(first, WIDTH, 0), integer(first, HEIGHT, 0), integer(first, TILE_WIDTH, 0),
                    integer(first, TILE_LENGTH, 0), overviews, numbers(first, 33922), numbers(first, 33550), numbers(first, 34264),
                    ints(numbers(first, 34735)), integer(first, COMPRESSION, 1));
        }
    }

    /** The value of a GeoKey (1024 model type, 1025 raster type, 2048 geographic CRS, 3072 projected CRS), or 0. */
    int geoKey(int key) {
        if (geoKeys == null || geoKeys.length < 4) {
            return 0;
        }
        int n = geoKeys[3];
        for (int i = 0; i < n && 4 + 4 * i + 3 < geoKeys.length; i++) {
            int at = 4 + 4 * i;
            // location 0: the value is in the entry itself; other locations point into double or ASCII tags
            if (geoKeys[at] == key && geoKeys[at + 1] == 0) {
                return geoKeys[at + 3];
            }
        }
        return 0;
    }

    private static int integer(Directory d, int tag, int otherwise) {
        double[] v = numbers(d, tag);
        return v == null || v.length == 0 ? otherwise : (int) v[0];
    }

    private static double[] numbers(Directory d, int tag) {
        Entry e = d.getEntryById(tag);
        if (e == null || e.getValue() == null) {
            return null;
        }
        Object v = e.getValue();
        if (v instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (!v.getClass().isArray()) {
            return null;
        }
        double[] out = new double[Array.getLength(v)];
        for (int i = 0; i < out.length; i++) {
            Object x = Array.get(v, i);
            // TIFF SHORT and LONG are unsigned; Java's short and int are not
            out[i] = x instanceof Short s ? s & 0xFFFF : x instanceof Integer k ? k & 0xFFFFFFFFL : ((Number) x).doubleValue();
        }
        return out;
    }

    private static int[] ints(double[] v) {
        if (v == null) {
            return null;
        }
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }
}
