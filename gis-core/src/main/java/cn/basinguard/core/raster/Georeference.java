package cn.basinguard.core.raster;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a GeoTIFF's full-resolution pixels lie: the affine map from a pixel's top-left corner to the CRS and the CRS,
 * from the GeoTIFF tags (ModelTiepoint + ModelPixelScale, or ModelTransformation; GeoKeys for the EPSG code) or else
 * from a world file (.tfw, .tifw, .wld) and a .prj beside it, as GDAL reads them.
 *
 * @param crs null when the CRS is not given or not known ({@code crsNote} says what was found)
 */
record Georeference(AffineTransform pixelToCrs, Crs crs, String crsNote) {
    private static final int RASTER_TYPE = 1025;
    private static final int GEOGRAPHIC = 2048;
    private static final int PROJECTED = 3072;
    private static final int PIXEL_IS_POINT = 2;

    /** The georeference of {@code tiff}, empty when neither its tags nor a world file place it. */
    static Optional<Georeference> of(Path tiff, TiffLayout t) {
        AffineTransform fromTags = fromTags(t);
        Crs crs = null;
        String note = null;
        int code = t.geoKey(PROJECTED) != 0 ? t.geoKey(PROJECTED) : t.geoKey(GEOGRAPHIC);
        if (code > 0 && code != 32767 && CrsRegistry.isKnown(code)) {
            crs = CrsRegistry.fromEpsg(code);
        } else if (code != 0) {
            note = code == 32767 ? "user-defined" : "EPSG:" + code;
        }
        if (crs == null) {
            Optional<Crs> prj = prj(tiff);
            if (prj.isPresent()) {
                crs = prj.get();
                note = null;
            }
        }
        if (fromTags != null) {
            return Optional.of(new Georeference(fromTags, crs, note));
        }
        return worldFile(tiff).map(w -> new Georeference(w, prj(tiff).orElse(null), null));
    }

    private static AffineTransform fromTags(TiffLayout t) {
        AffineTransform a = null;
        double[] m = t.transformation();
        if (m != null && m.length >= 16) {
            a = new AffineTransform(m[0], m[4], m[1], m[5], m[3], m[7]);
        } else if (t.tiePoints() != null && t.tiePoints().length >= 6 && t.pixelScale() != null && t.pixelScale().length >= 2) {
            double[] tp = t.tiePoints();
            double sx = t.pixelScale()[0];
            double sy = t.pixelScale()[1];
            a = new AffineTransform(sx, 0, 0, -sy, tp[3] - tp[0] * sx, tp[4] + tp[1] * sy);
        }
        if (a == null || Math.abs(a.getDeterminant()) == 0 || !Double.isFinite(a.getDeterminant())) {
            return null;
        }
        if (t.geoKey(RASTER_TYPE) == PIXEL_IS_POINT) {
            // the tie point names the centre of the pixel, not its corner
            a.translate(-0.5, -0.5);
        }
        return a;
    }

    /** A world file's six numbers: x size, row rotation, column rotation, y size, x and y of the top-left pixel's centre. */
    private static Optional<AffineTransform> worldFile(Path tiff) {
        for (String ext : List.of(".tfw", ".tifw", ".wld", ".TFW", ".TIFW", ".WLD")) {
            Path w = sibling(tiff, ext);
            if (!Files.isRegularFile(w)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(w, StandardCharsets.US_ASCII).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
                if (lines.size() < 6) {
                    return Optional.empty();
                }
                double[] v = new double[6];
                for (int i = 0; i < 6; i++) {
                    v[i] = Double.parseDouble(lines.get(i));
                }
                AffineTransform a = new AffineTransform(v[0], v[1], v[2], v[3], v[4], v[5]);
                if (!(Math.abs(a.getDeterminant()) > 0)) {
                    return Optional.empty();
                }
                a.translate(-0.5, -0.5);
                return Optional.of(a);
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Crs> prj(Path tiff) {
        for (String ext : List.of(".prj", ".PRJ")) {
            Path p = sibling(tiff, ext);
            if (Files.isRegularFile(p)) {
                try {
                    return CrsRegistry.fromWkt(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Path sibling(Path file, String ext) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ext);
    }
}
