package cn.basinguard.core.raster;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgSrs;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes a GeoPackage tile pyramid over an area in a CRS: 256-pixel tiles, the finest level at a given pixel size,
 * each coarser level twice the size until the area fits one tile. Each tile is painted by a {@link Painter} into a
 * frame of its own; a tile left fully transparent is not stored (a sparse pyramid), an opaque one is stored as JPEG
 * (a tenth of PNG's bytes for photographs), one with transparency as PNG.
 */
public final class TilePyramid {
    static final int TILE = 256;

    /** Paints the tile whose frame is given into premultiplied ARGB ints (frame width × height), or returns false when cancelled. */
    public interface Painter {
        boolean paint(RasterWarp.Frame frame, int[] pixels);
    }

    /** What was written. */
    public record Written(int levels, int tiles, long bytes) {
    }

    private TilePyramid() {
    }

    /**
     * Writes table {@code table} over {@code area} (in {@code crs}) with pixels of {@code finest} CRS units at the finest level.
     *
     * @throws IllegalArgumentException when the CRS has no definition the GeoPackage can record
     */
    public static Written write(GeoPackageWriter w, String table, String identifier, String description, Crs crs, Envelope area,
                                double finest, Painter painter, BooleanSupplier cancelled) throws SQLException {
        return write(w, table, identifier, description, crs, area, finest, painter, cancelled, -1);
    }

    /**
     * As above, with opaque tiles stored as JPEG of {@code jpegQuality} (0–1; negative: ImageIO's default, 0.75): a
     * picture made for demonstration needs fewer bytes than a cut of a real orthophoto, whose detail is the point.
     */
    public static Written write(GeoPackageWriter w, String table, String identifier, String description, Crs crs, Envelope area,
                                double finest, Painter painter, BooleanSupplier cancelled, float jpegQuality) throws SQLException {
        GpkgSrs srs = GpkgSrs.of(crs).orElseThrow(() -> new IllegalArgumentException("no definition for " + crs));
        w.addSrs(srs);
        List<Double> sizes = new ArrayList<>();
        double px = finest;
        sizes.add(px);
        while (Math.max(area.getWidth(), area.getHeight()) / (px * TILE) > 1 && sizes.size() < 24) {
            px *= 2;
            sizes.add(px);
        }
        // the matrix set is the area grown to whole tiles of the coarsest level, anchored at the area's top-left corner
        double coarsestSpan = sizes.get(sizes.size() - 1) * TILE;
        int across = (int) Math.max(1, Math.ceil(area.getWidth() / coarsestSpan - 1e-9));
        int down = (int) Math.max(1, Math.ceil(area.getHeight() / coarsestSpan - 1e-9));
        Envelope set = new Envelope(area.getMinX(), area.getMinX() + across * coarsestSpan, area.getMaxY() - down * coarsestSpan, area.getMaxY());
        List<GeoPackageWriter.TileMatrix> matrices = new ArrayList<>();
        int levels = sizes.size();
        for (int z = 0; z < levels; z++) {
            double size = sizes.get(levels - 1 - z);
            int factor = 1 << z;
            matrices.add(new GeoPackageWriter.TileMatrix(z, across * factor, down * factor, TILE, TILE, size, size));
        }
        w.createTileTable(table, identifier, description, srs.srsId(), set, matrices);
        int tiles = 0;
        long bytes = 0;
        BufferedImage img = new BufferedImage(TILE, TILE, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (GeoPackageWriter.TileMatrix m : matrices) {
            for (int row = 0; row < m.matrixHeight(); row++) {
                double maxY = set.getMaxY() - row * TILE * m.pixelY();
                if (maxY - TILE * m.pixelY() >= area.getMaxY() || maxY <= area.getMinY()) {
                    continue;
                }
                for (int col = 0; col < m.matrixWidth(); col++) {
                    if (cancelled.getAsBoolean()) {
                        return new Written(levels, tiles, bytes);
                    }
                    double minX = set.getMinX() + col * TILE * m.pixelX();
                    if (minX >= area.getMaxX()) {
                        continue;
                    }
                    java.util.Arrays.fill(pixels, 0);
                    if (!painter.paint(new RasterWarp.Frame(crs, minX, maxY, m.pixelX(), TILE, TILE), pixels)) {
                        return new Written(levels, tiles, bytes);
                    }
                    byte[] data = encode(img, pixels, jpegQuality);
                    if (data != null) {
                        w.insertTile(table, m.zoom(), col, row, data);
                        tiles++;
                        bytes += data.length;
                    }
                }
            }
        }
        return new Written(levels, tiles, bytes);
    }

    /** JPEG when every pixel is opaque, PNG when some are not, null when none is painted. */
    private static byte[] encode(BufferedImage img, int[] pixels, float jpegQuality) {
        boolean any = false;
        boolean opaque = true;
        for (int p : pixels) {
            int a = p >>> 24;
            any |= a != 0;
            opaque &= a == 255;
        }
        if (!any) {
            return null;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (opaque) {
                BufferedImage rgb = new BufferedImage(TILE, TILE, BufferedImage.TYPE_INT_RGB);
                rgb.getRaster().setDataElements(0, 0, TILE, TILE, pixels);
                if (jpegQuality < 0) {
                    ImageIO.write(rgb, "jpeg", out);
                } else {
                    ImageWriter jpeg = ImageIO.getImageWritersByFormatName("jpeg").next();
                    ImageWriteParam param = jpeg.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(jpegQuality);
                    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                        jpeg.setOutput(ios);
                        jpeg.write(null, new IIOImage(rgb, null, null), param);
                    } finally {
                        jpeg.dispose();
                    }
                }
            } else {
                BufferedImage argb = new BufferedImage(TILE, TILE, BufferedImage.TYPE_INT_ARGB);
                argb.createGraphics().drawImage(img, 0, 0, null);
                ImageIO.write(argb, "png", out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A painter that warps {@code src} into each tile (bilinear), for cutting imagery of an area out of a bigger one. */
    public static Painter of(RasterSource src, Crs crs, BooleanSupplier cancelled) {
        Envelope inCrs = RasterWarp.extentIn(src, crs);
        return (frame, pixels) -> RasterWarp.paint(src, inCrs, frame, 0, frame.height(), pixels, 1, RasterWarp.Sampling.BILINEAR, cancelled) != null;
    }

    /** The size in {@code crs} units of the finest pixel of {@code src} near {@code at} (for a pyramid that keeps its detail). */
    public static double finestPixel(RasterSource src, Crs crs, Envelope at) {
        RasterLevel l = src.levels().get(0);
        double r = l.resolution();
        var c = at.centre();
        double[] p = cn.basinguard.core.crs.GeometryTransformer.shared().transform(c.x, c.y, crs, src.crs());
        double[] q = cn.basinguard.core.crs.GeometryTransformer.shared().transform(p[0] + r, p[1], src.crs(), crs);
        double[] o = cn.basinguard.core.crs.GeometryTransformer.shared().transform(p[0], p[1], src.crs(), crs);
        double d = Math.hypot(q[0] - o[0], q[1] - o[1]);
        return d > 0 ? d : r;
    }
}
