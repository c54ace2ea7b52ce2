package cn.basinguard.core.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Test rasters made by GDAL from one known pattern: a grey checkerboard of 40-pixel squares, 400 × 400 pixels of 5 m in
 * CGCS2000 GK CM 114°E (EPSG:4547) inside the sample district, with a pure red 6 × 6 marker whose centre is at
 * {@link #MARKER_X}, {@link #MARKER_Y}. GDAL then warps it to Web Mercator and CGCS2000 geographic tile pyramids.
 */
final class GdalRasters {
    static final double MIN_X = 438_000;
    static final double MAX_Y = 3_521_000;
    static final double PIXEL = 5;
    static final int SIZE = 400;
    static final int MARKER_COL = 250;
    static final int MARKER_ROW = 120;
    static final int MARKER = 6;
    /** The marker's centre in EPSG:4547. */
    static final double MARKER_X = MIN_X + (MARKER_COL + MARKER / 2.0) * PIXEL;
    static final double MARKER_Y = MAX_Y - (MARKER_ROW + MARKER / 2.0) * PIXEL;

    private GdalRasters() {
    }

    /** The pattern as a PNG (no georeferencing). */
    static Path pattern(Path dir) throws IOException {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean dark = ((x / 40) + (y / 40)) % 2 == 0;
                int grey = dark ? 60 : 150;
                boolean marker = x >= MARKER_COL && x < MARKER_COL + MARKER && y >= MARKER_ROW && y < MARKER_ROW + MARKER;
                img.setRGB(x, y, marker ? 0xFF0000 : grey << 16 | grey << 8 | grey);
            }
        }
        Path p = dir.resolve("pattern.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** The pattern as a tiled GeoTIFF in EPSG:4547 with overviews 2 and 4. */
    static Path gkTiff(Path dir) throws Exception {
        Path png = pattern(dir);
        Path tif = dir.resolve("gk.tif");
        run("gdal_translate", "-q", "-a_srs", "EPSG:4547", "-a_ullr", str(MIN_X), str(MAX_Y), str(MIN_X + SIZE * PIXEL), str(MAX_Y - SIZE * PIXEL),
                "-co", "TILED=YES", "-co", "BLOCKXSIZE=128", "-co", "BLOCKYSIZE=128", "-co", "COMPRESS=DEFLATE", png.toString(), tif.toString());
        run("gdaladdo", "-q", "-r", "nearest", tif.toString(), "2", "4");
        return tif;
    }

    static String str(double v) {
        return Double.toString(v);
    }

    /**
     * Where GDAL says the marker is in {@code raster}: the centre of the pixels of band 1 above 200 (red), in the
     * raster's own CRS, from GDAL's XYZ listing of pixel centres.
     */
    static double[] markerByGdal(Path raster, Path dir) throws Exception {
        Path xyz = dir.resolve(raster.getFileName() + ".xyz");
        run("gdal_translate", "-q", "-of", "XYZ", "-b", "1", raster.toString(), xyz.toString());
        double sx = 0;
        double sy = 0;
        int n = 0;
        try (var lines = Files.lines(xyz, StandardCharsets.US_ASCII)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3 && Double.parseDouble(f[2]) > 200) {
                    sx += Double.parseDouble(f[0]);
                    sy += Double.parseDouble(f[1]);
                    n++;
                }
            }
        }
        assertTrue(n > 0, "no marker in " + raster);
        return new double[] {sx / n, sy / n};
    }

    /** GDAL's own transformation of one point. */
    static double[] transform(double x, double y, int from, int to) throws Exception {
        String out = run("bash", "-c", "echo " + x + " " + y + " | gdaltransform -s_srs EPSG:" + from + " -t_srs EPSG:" + to);
        String[] f = out.trim().split("\\s+");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
    }

    /** Runs a GDAL tool; it must exit 0. Skips the calling test where GDAL is not installed. */
    static String run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(args));
        if (!tool.equals("bash")) {
            assumeGdal(tool);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    private static void assumeGdal(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            assumeTrue(false, tool + " not installed; skipping the GDAL raster test");
        }
    }
}
