package cn.basinguard.data;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.raster.RasterWarp;
import cn.basinguard.core.raster.TilePyramid;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * A synthetic orthophoto (示意影像) of the sample district, made from the sample's own layers so that what a planner
 * sees under the red lines agrees with them: the land-use patches (DLTB) by their DLBM — 耕地 as paddy, irrigated or dry
 * fields, 园地 as dry fields, 林地 as forest, 11xx as water —, the reservoirs (SKSM) as water, the ecological red line
 * (STBHHX) as forest, and elsewhere (towns, villages, roads, grass) a mosaic of woodland, grass, fields and hamlets. Colours carry noise at several wavelengths, fields get furrows and bunds, so that it reads as
 * imagery, not as a coloured map. It is not imagery: the table's identifier says 示意影像 and its description says it
 * is made up, so no one mistakes it for a licensed orthophoto.
 *
 * <p>Written as a GeoPackage tile pyramid in EPSG:4547 by gis-core's {@link TilePyramid} (JPEG tiles, each coarser
 * level painted at its own resolution, not shrunk from the finer one). Deterministic: same sample, same bytes.
 *
 * <pre>usage: SyntheticOrthophoto SAMPLE.gpkg OUT.gpkg [--pixel METRES]</pre>
 */
public final class SyntheticOrthophoto {
    /** The tile table; its identifier is what the map and the legend show. */
    public static final String TABLE = "SYYX";
    public static final String IDENTIFIER = "示意影像";
    public static final String DESCRIPTION = "示意影像（合成，非真实影像）：由曾都区示例数据的地类图斑、水库水面和生态保护红线按地类着色并加纹理生成，"
            + "仅供演示界面，不得用于审批、量测或任何正式用途。Synthetic demonstration imagery made from the sample's layers; not a real orthophoto.";
    /** Finest pixel (m): fields and bunds still show at township zoom, and the file stays a few megabytes. */
    public static final double DEFAULT_PIXEL = 5;
    private static final Crs GK = SampleCrs.GK_CM114;
    /** Below ImageIO's 0.75: the noise is smooth, and at 0.75 it cost ~6 KB a tile, 10 MB in all, for no visible gain. */
    private static final float JPEG_QUALITY = 0.5f;

    /** What the class map of a tile holds in its top byte: the kind of ground; the low bits vary it patch by patch. */
    private static final int BACKGROUND = 0;
    private static final int FOREST = 1;
    private static final int PADDY = 2;
    private static final int IRRIGATED = 3;
    private static final int DRY = 4;
    private static final int WATER = 5;

    private final STRtree index = new STRtree();
    private final Envelope area = new Envelope();

    /** A polygon of the sample in EPSG:4547 and the kind of ground it is, with a variant (0–255) of its own. */
    private record Patch(Geometry geometry, int kind, int variant) {
    }

    private SyntheticOrthophoto() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SyntheticOrthophoto SAMPLE.gpkg OUT.gpkg [--pixel METRES]");
            System.exit(2);
        }
        double pixel = DEFAULT_PIXEL;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--pixel")) {
                pixel = Double.parseDouble(args[++i]);
            }
        }
        long t0 = System.nanoTime();
        TilePyramid.Written w = write(Path.of(args[0]), Path.of(args[1]), pixel);
        System.out.printf(Locale.ROOT, "wrote %s (%s, %.1f m pixels): %d levels, %d tiles, %.1f MB in %.1f s%n", args[1], IDENTIFIER, pixel,
                w.levels(), w.tiles(), Files.size(Path.of(args[1])) / 1e6, (System.nanoTime() - t0) / 1e9);
    }

    /** Writes the 示意影像 of the sample {@code sample} to {@code out} (a new GeoPackage, moved into place when complete). */
    public static TilePyramid.Written write(Path sample, Path out, double pixel) throws Exception {
        SyntheticOrthophoto o = new SyntheticOrthophoto();
        o.read(sample);
        // whole pixels of the finest level, so its grid is the obvious one in EPSG:4547
        Envelope a = new Envelope(Math.floor(o.area.getMinX() / pixel) * pixel, Math.ceil(o.area.getMaxX() / pixel) * pixel,
                Math.floor(o.area.getMinY() / pixel) * pixel, Math.ceil(o.area.getMaxY() / pixel) * pixel);
        try (GeoPackageWriter w = GeoPackageWriter.create(out, SampleTables.TIMESTAMP)) {
            TilePyramid.Written written = TilePyramid.write(w, TABLE, IDENTIFIER, DESCRIPTION, GK, a, pixel, o::paint, () -> false, JPEG_QUALITY);
            w.commit();
            return written;
        }
    }

    private void read(Path sample) {
        try (GeoPackageSource src = GeoPackageSource.open(sample)) {
            add(src, "LYZLDY", -1);
            add(src, "STBHHX", FOREST);
            add(src, "DLTB", -2);
            add(src, "SKSM", WATER);
        }
        index.build();
    }

    /** Adds the polygons of {@code table}; kind −1: only the area they cover, −2: the kind from DLBM. */
    private void add(GeoPackageSource src, String table, int kind) {
        LayerInfo info = src.layers().stream().filter(l -> l.name().equals(table)).findFirst().orElse(null);
        if (info == null || info.srs() == null || info.srs().crs() == null) {
            return;
        }
        Crs crs = info.srs().crs();
        src.read(table, f -> {
            if (f.geometry() == null || f.geometry().isEmpty()) {
                return;
            }
            Geometry g = GeometryTransformer.shared().transform(f.geometry(), crs, GK);
            area.expandToInclude(g.getEnvelopeInternal());
            int k = kind == -2 ? kindOf(f.attributes().get("DLBM")) : kind;
            if (k > 0) {
                // a variant per patch from its fid: neighbouring fields differ in crop, moisture and furrow direction
                index.insert(g.getEnvelopeInternal(), new Patch(g, k, (int) (mix(f.fid(), k) & 0xFF)));
            }
        }, p -> { });
    }

    /**
     * The ground a 三调 class shows from above: 耕地 by its kind, 园地 as dry fields, 林地 as forest, water (11xx) as
     * water; towns, villages, roads and grass (0) are left to the background mosaic of woodland, grass and hamlets.
     */
    private static int kindOf(Object dlbm) {
        String c = dlbm == null ? "" : dlbm.toString();
        if (c.startsWith("0101")) {
            return PADDY;
        }
        if (c.startsWith("0102")) {
            return IRRIGATED;
        }
        if (c.startsWith("01") || c.startsWith("02")) {
            return DRY;
        }
        if (c.startsWith("03")) {
            return FOREST;
        }
        return c.startsWith("11") ? WATER : BACKGROUND;
    }

    /** Paints one tile: the sample's patches into a class map, then each pixel's colour from its class and the noise. */
    private boolean paint(RasterWarp.Frame f, int[] pixels) {
        int w = f.width();
        int h = f.height();
        double p = f.unitsPerPixel();
        BufferedImage classes = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = classes.createGraphics();
        Envelope tile = new Envelope(f.minX(), f.minX() + w * p, f.maxY() - h * p, f.maxY());
        @SuppressWarnings("unchecked")
        List<Patch> found = new ArrayList<>(index.query(tile));
        // forest under the fields under the water, as the ground is: a reservoir floods whatever was mapped below it
        found.sort((x, y) -> Integer.compare(rank(x.kind()), rank(y.kind())));
        for (Patch patch : found) {
            g.setColor(new Color(patch.kind() << 8 | patch.variant()));
            g.fill(path(patch.geometry(), f));
        }
        g.dispose();
        int[] cls = ((DataBufferInt) classes.getRaster().getDataBuffer()).getData();
        // rows in parallel: the pixels' noise is most of the generation's time, and every pixel depends on its position only
        // the hill-scale noise is smooth over hundreds of metres: taken every 16 pixels and interpolated, it costs a 256th
        int gw = w / 16 + 1;
        int gh = h / 16 + 1;
        double[] broadGrid = new double[gw * gh];
        for (int gj = 0; gj < gh; gj++) {
            for (int gi = 0; gi < gw; gi++) {
                broadGrid[gj * gw + gi] = fbm(f.minX() + gi * 16 * p, f.maxY() - gj * 16 * p, 1800, p, 3, 11);
            }
        }
        IntStream.range(0, h).parallel().forEach(j -> {
            double y = f.maxY() - (j + 0.5) * p;
            for (int i = 0; i < w; i++) {
                double x = f.minX() + (i + 0.5) * p;
                int c = cls[j * w + i];
                int gi = Math.min(i / 16, gw - 2);
                int gj = Math.min(j / 16, gh - 2);
                double s = (i - gi * 16 + 0.5) / 16;
                double t = (j - gj * 16 + 0.5) / 16;
                int k = gj * gw + gi;
                double broad = (broadGrid[k] * (1 - s) + broadGrid[k + 1] * s) * (1 - t) + (broadGrid[k + gw] * (1 - s) + broadGrid[k + gw + 1] * s) * t;
                int rgb = colour(c >> 8 & 0xFF, c & 0xFF, x, y, p, broad);
                pixels[j * w + i] = 0xFF000000 | rgb;
            }
        });
        return true;
    }

    private static int rank(int kind) {
        return kind == FOREST ? 0 : kind == WATER ? 2 : 1;
    }

    /** A polygon's outline in the tile's pixels (holes cut by the even-odd rule). */
    private static Path2D path(Geometry geom, RasterWarp.Frame f) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int n = 0; n < geom.getNumGeometries(); n++) {
            if (geom.getGeometryN(n) instanceof Polygon poly) {
                ring(path, poly.getExteriorRing().getCoordinates(), f);
                for (int r = 0; r < poly.getNumInteriorRing(); r++) {
                    ring(path, poly.getInteriorRingN(r).getCoordinates(), f);
                }
            }
        }
        return path;
    }

    private static void ring(Path2D path, Coordinate[] cs, RasterWarp.Frame f) {
        double p = f.unitsPerPixel();
        for (int k = 0; k < cs.length; k++) {
            double px = (cs[k].x - f.minX()) / p;
            double py = (f.maxY() - cs[k].y) / p;
            if (k == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        path.closePath();
    }

    /** Paddy colours by crop stage (young green rice, ripening, flooded) and dry-field ones (tilled soil, a green crop). */
    private static final int[][] PADDY_STAGES = {{86, 118, 58}, {86, 118, 58}, {120, 132, 70}, {74, 98, 80}};
    private static final int[][] DRY_STAGES = {{150, 134, 100}, {122, 124, 78}};
    /** Roofs of a hamlet: grey concrete, blue steel sheet, red-brown tile. */
    private static final int[][] ROOFS = {{168, 166, 160}, {104, 128, 150}, {146, 96, 80}};
    private static final int[] YARD = {128, 124, 106};
    /** Cosine and sine of a field's furrow direction, by variant. */
    private static final double[] COS = new double[256];
    private static final double[] SIN = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            COS[v] = Math.cos(v * Math.PI / 256);
            SIN[v] = Math.sin(v * Math.PI / 256);
        }
    }

    /**
     * The colour at ground point (x, y) of a pixel of {@code p} metres on ground of {@code kind}. Detail finer than two
     * pixels is left out at every level (it would only alias, and cost bytes), so coarser levels are the same picture,
     * smoother. {@code broad} is the hill-and-valley noise there (moisture, shade).
     */
    private static int colour(int kind, int variant, double x, double y, double p, double broad) {
        double fine = fbm(x, y, 90, p, 2, 23);        // canopy, crop and soil texture
        double r;
        double g;
        double b;
        switch (kind) {
            case FOREST -> {
                double t = 0.55 * broad + 0.45 * fine;
                r = 32 + 34 * t;
                g = 50 + 40 * t;
                b = 30 + 22 * t;
            }
            case PADDY, IRRIGATED, DRY -> {
                int[] base = kind == PADDY ? PADDY_STAGES[variant & 3] : kind == IRRIGATED ? PADDY_STAGES[2] : DRY_STAGES[variant & 1];
                double shade = 0.86 + 0.18 * broad + 0.10 * (fine - 0.5) + 0.06 * ((variant >> 2) / 63.0 - 0.5);
                double lines = furrows(x, y, variant, p, kind == DRY ? 12 : 40);
                r = base[0] * shade + lines * 10;
                g = base[1] * shade + lines * 9;
                b = base[2] * shade + lines * 6;
            }
            case WATER -> {
                double t = 0.6 * broad + 0.4 * fine;
                r = 28 + 20 * t;
                g = 50 + 26 * t;
                b = 58 + 22 * t;
            }
            default -> {
                // outside the mapped patches: woodland where the broad field is high, grass and scrub lower, hamlets in spots
                double wood = smooth((broad - 0.42) / 0.2);
                r = 114 - 72 * wood + 18 * (fine - 0.5);
                g = 120 - 58 * wood + 18 * (fine - 0.5);
                b = 80 - 46 * wood + 11 * (fine - 0.5);
                if (p <= 10 && wood < 0.5 && fbm(x + 7919, y - 3571, 900, p, 1, 37) > 0.82) {
                    // a hamlet: compounds of 24 × 18 m, most with a house whose roof covers much of it, blended towards
                    // the bare ground around (a 5 m pixel sees house and yard together)
                    int hx = (int) Math.floor(x / 24);
                    int hy = (int) Math.floor(y / 18);
                    double plot = hash(hx, hy, 41);
                    // grey concrete roofs mostly, some red-brown tile, a few blue steel sheets
                    int[] roof = plot < 0.35 ? YARD : plot < 0.8 ? ROOFS[0] : plot < 0.92 ? ROOFS[2] : ROOFS[1];
                    r = 0.6 * roof[0] + 0.4 * YARD[0];
                    g = 0.6 * roof[1] + 0.4 * YARD[1];
                    b = 0.6 * roof[2] + 0.4 * YARD[2];
                }
            }
        }
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    /**
     * Furrows or bunds across a field in the field's own direction, every {@code spacing} m: a faint line, 0 to 1; none
     * where a pixel is too coarse to show them.
     */
    private static double furrows(double x, double y, int variant, double p, double spacing) {
        if (p > spacing / 3) {
            return 0;
        }
        double u = (x * COS[variant] + y * SIN[variant]) / spacing;
        double d = Math.abs(u - Math.rint(u)) * spacing;
        return Math.max(0, 1 - d / p);
    }

    /** Fractal value noise in [0, 1]: octaves from {@code wave} m, halving, stopping before they are finer than two pixels. */
    private static double fbm(double x, double y, double wave, double p, int octaves, int salt) {
        double sum = 0;
        double norm = 0;
        double amp = 1;
        for (int o = 0; o < octaves && wave >= 2 * p; o++) {
            sum += amp * value(x / wave, y / wave, salt + o);
            norm += amp;
            amp *= 0.5;
            wave /= 2.7;
        }
        return norm == 0 ? 0.5 : sum / norm;
    }

    /** Smoothly interpolated noise on the integer lattice. */
    private static double value(double x, double y, int salt) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        double fx = smooth(x - xi);
        double fy = smooth(y - yi);
        double a = hash(xi, yi, salt);
        double b = hash(xi + 1, yi, salt);
        double c = hash(xi, yi + 1, salt);
        double d = hash(xi + 1, yi + 1, salt);
        return (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
    }

    private static double smooth(double t) {
        double c = Math.max(0, Math.min(1, t));
        return c * c * (3 - 2 * c);
    }

    /** A fixed pseudo-random value in [0, 1) for a lattice point: no random state, the same point always gives the same. */
    private static double hash(int x, int y, int salt) {
        long h = mix(x * 0x9E3779B97F4A7C15L + y, salt);
        return (h >>> 11) * 0x1.0p-53;
    }

    private static long mix(long v, long salt) {
        long z = v + salt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }
}
