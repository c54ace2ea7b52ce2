package cn.basinguard.core.raster;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;

/**
 * One resolution of a raster: a GeoPackage zoom level or a GeoTIFF's full image or overview. Its pixels are read in
 * blocks of {@code blockWidth × blockHeight} (a tile, or a window of a TIFF); {@code pixelToCrs} takes a pixel corner
 * (column, row; row 0 at the top) to the raster's CRS.
 */
public record RasterLevel(int width, int height, int blockWidth, int blockHeight, AffineTransform pixelToCrs, AffineTransform crsToPixel) {
    public RasterLevel(int width, int height, int blockWidth, int blockHeight, AffineTransform pixelToCrs) {
        this(width, height, blockWidth, blockHeight, new AffineTransform(pixelToCrs), inverse(pixelToCrs));
    }

    private static AffineTransform inverse(AffineTransform t) {
        try {
            return t.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("raster pixel size is zero", e);
        }
    }

    /** The size of a pixel in CRS units, the geometric mean of its two sides. */
    public double resolution() {
        return Math.sqrt(Math.abs(pixelToCrs.getDeterminant()));
    }

    public int blocksAcross() {
        return (width + blockWidth - 1) / blockWidth;
    }

    public int blocksDown() {
        return (height + blockHeight - 1) / blockHeight;
    }
}
