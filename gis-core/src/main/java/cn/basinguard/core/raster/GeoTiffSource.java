package cn.basinguard.core.raster;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.gpkg.SrsInfo;
import cn.basinguard.core.i18n.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * A GeoTIFF orthophoto as a data source of one raster layer, named after the file. A file that cannot be placed on
 * the ground (no georeferencing, an unknown CRS) still opens: its layer is listed with the reason, which is also the
 * source's warning, so a folder of deliveries shows what is wrong with each file.
 */
public final class GeoTiffSource implements cn.basinguard.core.source.DataSource {
    private final Path path;
    private final GeoTiffRaster raster;
    private final GisException fault;
    private final LayerInfo layer;

    private GeoTiffSource(Path path, GeoTiffRaster raster, GisException fault) {
        this.path = path;
        this.raster = raster;
        this.fault = fault;
        String name = stem(path);
        SrsInfo srs = raster == null ? null
                : new SrsInfo(raster.crs().epsg(), raster.crs().nameZh(), "EPSG", raster.crs().epsg(), null, null, false, raster.crs());
        Envelope extent = raster == null ? null : raster.extent();
        long pixels = raster == null ? -1 : (long) raster.levels().get(0).width() * raster.levels().get(0).height();
        this.layer = new LayerInfo(name, LayerInfo.Kind.TILES, "tiles", name, null, null, null, 0, 0, pixels, extent, srs, true, null,
                List.of(), fault == null ? Messages.get("gpkg.note.imagery") : fault.getMessage());
    }

    /**
     * Opens a GeoTIFF.
     *
     * @throws GisException {@code raster.unreadable} when the file is not a TIFF that can be read
     */
    public static GeoTiffSource open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new GisException("gpkg.notFound", path);
        }
        try {
            return new GeoTiffSource(path, GeoTiffRaster.open(path), null);
        } catch (GisException e) {
            if (e.key().equals("raster.noGeoreference") || e.key().equals("raster.unknownCrs")) {
                return new GeoTiffSource(path, null, e);
            }
            throw e;
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public String label() {
        return path.getFileName().toString();
    }

    @Override
    public String format() {
        return Messages.get("raster.format");
    }

    @Override
    public List<LayerInfo> layers() {
        return List.of(layer);
    }

    @Override
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (fault != null) {
            w.add(fault.getMessage());
        }
        if (raster != null) {
            w.addAll(raster.problems());
        }
        return w;
    }

    @Override
    public void read(String layer, Envelope bbox, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
        throw new GisException("gpkg.unsupportedLayer", layer(layer).name(), "GeoTIFF");
    }

    @Override
    public boolean indexed(String layer) {
        return true;
    }

    @Override
    public Feature feature(String layer, long fid) {
        return null;
    }

    /** The image, opened anew: the caller owns it and it outlives this source (a map keeps drawing it). */
    @Override
    public RasterSource raster(String name) {
        layer(name);
        if (raster == null) {
            throw fault;
        }
        return GeoTiffRaster.open(path);
    }

    @Override
    public List<Path> files() {
        return List.of(path);
    }

    @Override
    public void close() {
        if (raster != null) {
            raster.close();
        }
    }
}
