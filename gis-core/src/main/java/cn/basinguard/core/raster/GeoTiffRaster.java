package cn.basinguard.core.raster;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.i18n.Messages;
import java.awt.Point;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.ColorModel;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.event.WarningEvent;
import org.apache.sis.storage.geotiff.GeoTiffStoreProvider;
import org.locationtech.jts.geom.Envelope;
import org.opengis.referencing.datum.PixelInCell;

/**
 * A GeoTIFF or BigTIFF orthophoto (tiled or striped; 8-bit RGB, RGBA, grey or palette) read window by window. Apache
 * SIS decodes the pixels of a window, taking them from the overview that matches the subsampling when the file has
 * overviews, so a 2 GB file opens in milliseconds and a frame reads only what it shows. Where the pixels lie comes from
 * {@link Georeference} (our reading of the GeoTIFF keys), not from SIS, whose EPSG dataset here lacks the Chinese grids.
 *
 * <p>A SIS store reads one window at a time, so the file is opened by up to {@link #READERS} stores, each lent to one
 * thread for one block: the bands of a frame decode their blocks at the same time instead of queueing for one store
 * (decoding a block is most of the time a pan over new ground takes).
 */
public final class GeoTiffRaster implements RasterSource {
    /** Blocks of this many pixels a side: big enough that SIS's per-read cost is small, small enough to pan smoothly. */
    private static final int BLOCK = 256;
    /** SIS logs through java.util.logging; its complaints (no EPSG database, no SIS_DATA) are not the user's business. */
    private static final Logger SIS_LOG = Logger.getLogger("org.apache.sis");
    /** Stores open at most on one file: as many as threads paint a frame's bands (one per core, up to 4), and one more. */
    static final int READERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()) + 1);

    static {
        SIS_LOG.setLevel(Level.OFF);
    }

    private final Path file;
    /** The stores not lent out; a thread takes one for a block's read and gives it back. */
    private final java.util.concurrent.LinkedBlockingDeque<Reader> idle = new java.util.concurrent.LinkedBlockingDeque<>();
    /** Every store opened, to close them; guarded by itself. */
    private final List<Reader> opened = new ArrayList<>();
    /** Set once by {@link #close}; written under {@code opened}, read without it by {@link #block}. */
    private volatile boolean closed;
    private final GridGeometry grid;
    private final AffineTransform fullToCrs;
    private final Crs crs;
    private final List<RasterLevel> levels;
    private final double[] scales;
    private final Problems problems = new Problems();
    private volatile boolean undecodable;

    /**
     * One SIS store on the file and its image, used by one thread at a time. {@code unplaced} is the whole image of a
     * TIFF placed by a world file (see {@link #readUnplaced}), made on the store's first read of one.
     */
    private static final class Reader {
        final DataStore store;
        final GridCoverageResource coverage;
        RenderedImage unplaced;

        Reader(DataStore store, GridCoverageResource coverage) {
            this.store = store;
            this.coverage = coverage;
        }
    }

    private GeoTiffRaster(Path file, DataStore store, GridCoverageResource coverage, Georeference geo, TiffLayout layout) throws DataStoreException {
        this.file = file;
        Reader first = new Reader(store, coverage);
        opened.add(first);
        idle.add(first);
        this.grid = coverage.getGridGeometry();
        this.fullToCrs = geo.pixelToCrs();
        this.crs = geo.crs();
        List<int[]> sizes = new ArrayList<>();
        sizes.add(new int[] {layout.width(), layout.height()});
        layout.overviews().stream().sorted(Comparator.comparingInt((int[] o) -> o[0]).reversed()).forEach(sizes::add);
        List<RasterLevel> ls = new ArrayList<>();
        List<Double> sc = new ArrayList<>();
        for (int[] s : sizes) {
            if (s[0] <= 0 || s[1] <= 0) {
                continue;
            }
            double fx = (double) layout.width() / s[0];
            double fy = (double) layout.height() / s[1];
            AffineTransform t = new AffineTransform(fullToCrs);
            t.scale(fx, fy);
            ls.add(new RasterLevel(s[0], s[1], BLOCK, BLOCK, t));
            sc.add(fx);
            sc.add(fy);
        }
        this.levels = List.copyOf(ls);
        this.scales = sc.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Opens {@code file}.
     *
     * @throws GisException {@code raster.unreadable} when it is not a TIFF that can be read, {@code raster.noGeoreference}
     *     when nothing places it on the ground
     */
    public static GeoTiffRaster open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        TiffLayout layout;
        try {
            layout = TiffLayout.read(path);
        } catch (IOException | RuntimeException e) {
            throw new GisException(e, "raster.unreadable", path.getFileName(), String.valueOf(e.getMessage()));
        }
        Georeference geo = Georeference.of(path, layout)
                .orElseThrow(() -> new GisException("raster.noGeoreference", path.getFileName()));
        if (geo.crs() == null) {
            throw new GisException("raster.unknownCrs", path.getFileName(), geo.crsNote() == null ? "—" : geo.crsNote());
        }
        DataStore store = null;
        try {
            store = new GeoTiffStoreProvider().open(new StorageConnector(path));
            List<String> warnings = new ArrayList<>();
            store.addListener(WarningEvent.class, e -> warnings.add(String.valueOf(e.getDescription().getMessage())));
            GridCoverageResource gc = first(store);
            if (gc == null) {
                throw new GisException("raster.unreadable", path.getFileName(), "no image");
            }
            GeoTiffRaster r = new GeoTiffRaster(path, store, gc, geo, layout);
            if (layout.compression() != 1 && warnings.stream().anyMatch(w -> w.contains("Compression"))) {
                r.undecodable(String.valueOf(layout.compression()));
            }
            return r;
        } catch (DataStoreException | RuntimeException e) {
            closeQuietly(store);
            if (e instanceof GisException g) {
                throw g;
            }
            throw new GisException(e, "raster.unreadable", path.getFileName(), String.valueOf(e.getMessage()));
        }
    }

    private static GridCoverageResource first(Resource r) throws DataStoreException {
        if (r instanceof GridCoverageResource g) {
            return g;
        }
        if (r instanceof Aggregate a) {
            for (Resource c : a.components()) {
                GridCoverageResource g = first(c);
                if (g != null) {
                    return g;
                }
            }
        }
        return null;
    }

    private void undecodable(String what) {
        undecodable = true;
        problems.once("decode", Messages.get("raster.undecodable", file.getFileName(), what));
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public Crs crs() {
        return crs;
    }

    @Override
    public List<RasterLevel> levels() {
        return levels;
    }

    @Override
    public Envelope extent() {
        RasterLevel l = levels.get(0);
        double[] c = {0, 0, l.width(), 0, 0, l.height(), l.width(), l.height()};
        fullToCrs.transform(c, 0, c, 0, 4);
        Envelope e = new Envelope();
        for (int i = 0; i < 8; i += 2) {
            e.expandToInclude(c[i], c[i + 1]);
        }
        return e;
    }

    @Override
    public int[] block(int level, int column, int row) {
        RasterLevel l = levels.get(level);
        if (undecodable || closed || column < 0 || row < 0 || column >= l.blocksAcross() || row >= l.blocksDown()) {
            return null;
        }
        return BlockCache.shared().get(new BlockCache.Key(this, level, column, row), () -> read(level, column, row));
    }

    /** Reads one block of a level: the full-resolution window under it, subsampled, which SIS serves from the overview. */
    private int[] read(int level, int column, int row) {
        RasterLevel l = levels.get(level);
        double fx = scales[2 * level];
        double fy = scales[2 * level + 1];
        int u0 = column * BLOCK;
        int v0 = row * BLOCK;
        int w = Math.min(BLOCK, l.width() - u0);
        int h = Math.min(BLOCK, l.height() - v0);
        int full = levels.get(0).width();
        int fullH = levels.get(0).height();
        long x0 = (long) Math.floor(u0 * fx);
        long y0 = (long) Math.floor(v0 * fy);
        long x1 = Math.min(full - 1L, (long) Math.ceil((u0 + w) * fx) - 1);
        long y1 = Math.min(fullH - 1L, (long) Math.ceil((v0 + h) * fy) - 1);
        int sub = (int) Math.max(1, Math.round(Math.min(fx, fy)));
        Reader reader = null;
        try {
            reader = borrow();
            if (reader == null) {
                return null;
            }
            if (!grid.isDefined(GridGeometry.GRID_TO_CRS)) {
                return readUnplaced(reader, u0, v0, w, h, fx, fy, x0, y0, x1, y1);
            }
            GridExtent ext = new GridExtent(null, new long[] {x0, y0}, new long[] {x1, y1}, true);
            GridCoverage cov = reader.coverage.read(grid.derive().subgrid(ext, sub, sub).build());
            RenderedImage img = cov.render(null);
            GridGeometry g = cov.getGridGeometry();
            AffineTransform covToCrs = affine(g);
            // coverage grid index → full-resolution pixel: SIS may have picked another subsampling or widened the window
            AffineTransform covToFull = fullToCrs.createInverse();
            covToFull.concatenate(covToCrs);
            AffineTransform fullToCov = covToFull.createInverse();
            long lowX = g.getExtent().getLow(0);
            long lowY = g.getExtent().getLow(1);
            int[] src = ArgbPixels.of(img);
            int iw = img.getWidth();
            int ih = img.getHeight();
            int[] out = new int[BLOCK * BLOCK];
            if (fullToCov.getShearX() == 0 && fullToCov.getShearY() == 0) {
                // the usual case, no rotation: a block pixel's column depends on u only and its row on v only
                int[] col = new int[w];
                for (int u = 0; u < w; u++) {
                    col[u] = (int) Math.floor(fullToCov.getScaleX() * (u0 + u + 0.5) * fx + fullToCov.getTranslateX() - lowX);
                }
                for (int v = 0; v < h; v++) {
                    int j = (int) Math.floor(fullToCov.getScaleY() * (v0 + v + 0.5) * fy + fullToCov.getTranslateY() - lowY);
                    if (j < 0 || j >= ih) {
                        continue;
                    }
                    for (int u = 0; u < w; u++) {
                        int i = col[u];
                        if (i >= 0 && i < iw) {
                            out[v * BLOCK + u] = src[j * iw + i];
                        }
                    }
                }
                return out;
            }
            double[] p = new double[2];
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    p[0] = (u0 + u + 0.5) * fx;
                    p[1] = (v0 + v + 0.5) * fy;
                    fullToCov.transform(p, 0, p, 0, 1);
                    int i = (int) Math.floor(p[0] - lowX);
                    int j = (int) Math.floor(p[1] - lowY);
                    if (i >= 0 && j >= 0 && i < iw && j < ih) {
                        out[v * BLOCK + u] = src[j * iw + i];
                    }
                }
            }
            return out;
        } catch (DataStoreException | RuntimeException | NoninvertibleTransformException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("ompression") || e.getClass().getSimpleName().contains("Unsupported")) {
                undecodable(m);
            } else {
                problems.once("read", Messages.get("raster.readFailed", file.getFileName(), m));
            }
            return null;
        } finally {
            if (reader != null) {
                giveBack(reader);
            }
        }
    }

    /**
     * A store for this thread's read: an idle one, else a new one while fewer than {@link #READERS} are open, else the
     * first given back. Null once the raster is closed (a frame still painting draws nothing more).
     */
    private Reader borrow() throws DataStoreException {
        Reader r = idle.poll();
        if (r != null) {
            return r;
        }
        synchronized (opened) {
            if (closed) {
                return null;
            }
            if (opened.size() < READERS) {
                DataStore store = new GeoTiffStoreProvider().open(new StorageConnector(file));
                GridCoverageResource gc = first(store);
                if (gc == null) {
                    closeQuietly(store);
                    throw new DataStoreException("no image");
                }
                r = new Reader(store, gc);
                opened.add(r);
                return r;
            }
        }
        try {
            // every store is lent out: wait for one, looking now and then whether the raster was closed meanwhile
            while (true) {
                r = idle.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (r != null) {
                    return r;
                }
                synchronized (opened) {
                    if (closed) {
                        return null;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void giveBack(Reader r) {
        synchronized (opened) {
            if (closed) {
                closeQuietly(r.store);
            } else {
                idle.push(r);
            }
        }
    }

    /** How many stores are open on the file (for tests: never more than {@link #READERS}). */
    int readersOpen() {
        synchronized (opened) {
            return opened.size();
        }
    }

    /**
     * A TIFF placed by a world file has no grid-to-CRS for SIS, which then cannot take a window by subgrid: the whole
     * image is opened (SIS reads its tiles only when asked) and the window's tiles asked for; no overview is used.
     */
    private int[] readUnplaced(Reader reader, int u0, int v0, int w, int h, double fx, double fy, long x0, long y0, long x1, long y1)
            throws DataStoreException {
        int rw = (int) (x1 - x0 + 1);
        int rh = (int) (y1 - y0 + 1);
        if (reader.unplaced == null) {
            reader.unplaced = reader.coverage.read(null).render(null);
        }
        RenderedImage img = reader.unplaced;
        ColorModel cm = img.getColorModel();
        WritableRaster r = cm.createCompatibleWritableRaster(rw, rh);
        img.copyData(r.createWritableTranslatedChild(img.getMinX() + (int) x0, img.getMinY() + (int) y0));
        int[] src = new int[rw * rh];
        ArgbPixels.copy(r, cm, 0, 0, rw, rh, src, 0, rw);
        int[] out = new int[BLOCK * BLOCK];
        for (int v = 0; v < h; v++) {
            int j = (int) Math.floor((v0 + v + 0.5) * fy) - (int) y0;
            for (int u = 0; u < w; u++) {
                int i = (int) Math.floor((u0 + u + 0.5) * fx) - (int) x0;
                if (i >= 0 && j >= 0 && i < rw && j < rh) {
                    out[v * BLOCK + u] = src[j * rw + i];
                }
            }
        }
        return out;
    }

    private static AffineTransform affine(GridGeometry g) {
        var m = g.getGridToCRS(PixelInCell.CELL_CORNER);
        if (m instanceof AffineTransform a) {
            return a;
        }
        var matrix = org.apache.sis.referencing.operation.transform.MathTransforms.getMatrix(m);
        if (matrix == null) {
            throw new IllegalStateException("non-affine grid");
        }
        return new AffineTransform(matrix.getElement(0, 0), matrix.getElement(1, 0), matrix.getElement(0, 1), matrix.getElement(1, 1),
                matrix.getElement(0, 2), matrix.getElement(1, 2));
    }

    @Override
    public List<String> problems() {
        return problems.list();
    }

    @Override
    public void close() {
        BlockCache.shared().forget(this);
        synchronized (opened) {
            closed = true;
            // taken one by one (a reading thread may take one at the same moment, and then closes it when it gives it
            // back, as it does a store lent out now)
            for (Reader r = idle.poll(); r != null; r = idle.poll()) {
                closeQuietly(r.store);
            }
        }
    }

    private static void closeQuietly(DataStore s) {
        if (s != null) {
            try {
                s.close();
            } catch (DataStoreException ignored) {
                // read-only: nothing to lose
            }
        }
    }
}
