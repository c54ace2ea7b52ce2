package cn.basinguard.core.raster;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.i18n.Messages;
import java.awt.geom.AffineTransform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.locationtech.jts.geom.Envelope;

/**
 * A GeoPackage tile pyramid ({@code gpkg_tile_matrix_set}, {@code gpkg_tile_matrix}) in whatever tile matrix set it
 * was cut in — Web Mercator, CGCS2000 geographic, a Gauss–Krüger grid. A tile is read from SQLite only when a frame
 * needs it and is decoded by ImageIO (PNG, JPEG). Tiles absent from a sparse cache are simply absent; a tile whose
 * image is corrupt or in a format ImageIO cannot decode is skipped and said once.
 */
public final class GpkgTileSource implements RasterSource {
    /** Opens a SQLite connection to the GeoPackage, read-only, as its source opens its own. */
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final String table;
    private final String label;
    private final Crs crs;
    private final Envelope extent;
    private final List<RasterLevel> levels;
    private final int[] zooms;
    private final Connector connector;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Problems problems = new Problems();
    private final String sql;

    private GpkgTileSource(String table, String label, Crs crs, Envelope extent, List<RasterLevel> levels, int[] zooms, Connector connector) {
        this.table = table;
        this.label = label;
        this.crs = crs;
        this.extent = extent;
        this.levels = List.copyOf(levels);
        this.zooms = zooms;
        this.connector = connector;
        this.sql = "SELECT tile_data FROM \"" + table.replace("\"", "\"\"") + "\" WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?";
    }

    /**
     * The pyramid of tile table {@code table}; {@code catalog} reads the tile matrix tables, {@code crs} is the CRS its
     * tile matrix set's srs_id resolves to.
     *
     * @throws GisException {@code raster.noTileMatrix} when the pyramid has no usable zoom level
     */
    public static GpkgTileSource open(Connection catalog, String table, String label, Crs crs, Connector connector) throws SQLException {
        Envelope set;
        try (PreparedStatement ps = catalog.prepareStatement(
                "SELECT min_x, min_y, max_x, max_y FROM gpkg_tile_matrix_set WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new GisException("raster.noTileMatrix", table, label);
                }
                set = new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
            }
        }
        List<RasterLevel> levels = new ArrayList<>();
        List<Integer> zooms = new ArrayList<>();
        try (PreparedStatement ps = catalog.prepareStatement(
                "SELECT zoom_level, matrix_width, matrix_height, tile_width, tile_height, pixel_x_size, pixel_y_size "
                        + "FROM gpkg_tile_matrix WHERE table_name = ? ORDER BY pixel_x_size ASC, zoom_level DESC")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int mw = rs.getInt(2);
                    int mh = rs.getInt(3);
                    int tw = rs.getInt(4);
                    int th = rs.getInt(5);
                    double px = rs.getDouble(6);
                    double py = rs.getDouble(7);
                    if (mw <= 0 || mh <= 0 || tw <= 0 || th <= 0 || tw > 4096 || th > 4096 || !(px > 0) || !(py > 0)
                            || (long) mw * tw > Integer.MAX_VALUE || (long) mh * th > Integer.MAX_VALUE) {
                        continue;
                    }
                    // the tile matrix set's top-left corner is the origin of every zoom level (GeoPackage 1.3, 2.2.7)
                    AffineTransform t = new AffineTransform(px, 0, 0, -py, set.getMinX(), set.getMaxY());
                    levels.add(new RasterLevel(mw * tw, mh * th, tw, th, t));
                    zooms.add(rs.getInt(1));
                }
            }
        }
        if (levels.isEmpty()) {
            throw new GisException("raster.noTileMatrix", table, label);
        }
        return new GpkgTileSource(table, label, crs, set, levels, zooms.stream().mapToInt(Integer::intValue).toArray(), connector);
    }

    @Override
    public String name() {
        return table;
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
        return new Envelope(extent);
    }

    /** The GeoPackage zoom_level of level {@code level}. */
    public int zoom(int level) {
        return zooms[level];
    }

    @Override
    public int[] block(int level, int column, int row) {
        RasterLevel l = levels.get(level);
        if (column < 0 || row < 0 || column >= l.blocksAcross() || row >= l.blocksDown()) {
            return null;
        }
        return BlockCache.shared().get(new BlockCache.Key(this, level, column, row), () -> read(level, column, row));
    }

    private int[] read(int level, int column, int row) {
        byte[] data;
        Connection c = null;
        try {
            c = borrow();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, zooms[level]);
                ps.setInt(2, column);
                ps.setInt(3, row);
                try (ResultSet rs = ps.executeQuery()) {
                    data = rs.next() ? rs.getBytes(1) : null;
                }
            }
        } catch (SQLException e) {
            problems.once("sql", Messages.get("raster.readFailed", label + " / " + table, e.getMessage()));
            return null;
        } finally {
            if (c != null) {
                idle.push(c);
            }
        }
        if (data == null) {
            return null;
        }
        RasterLevel l = levels.get(level);
        return TileImages.decode(data, l.blockWidth(), l.blockHeight(), problems, label + " / " + table,
                Messages.get("raster.tileAt", zooms[level], column, row));
    }

    private Connection borrow() throws SQLException {
        Connection c = idle.poll();
        if (c == null) {
            c = connector.connect();
            opened.add(c);
        }
        return c;
    }

    @Override
    public List<String> problems() {
        return problems.list();
    }

    @Override
    public void close() {
        BlockCache.shared().forget(this);
        synchronized (opened) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a read-only connection loses nothing
                }
            }
            opened.clear();
        }
        idle.clear();
    }
}
