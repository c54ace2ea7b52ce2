package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * What every tile of the tiled generator shares, all small and made once: the district and its units, the cell grid,
 * the reservoirs, the big red-line polygons of the big-polygon shape, and the list of tiles.
 */
final class TiledLayout {
    /**
     * Tile side (m): 64 × 64 county cells, ~4 000 cells and a few MB of geometry in flight; big polygons and detailed
     * unit boundaries are cut to pieces of this size before any cell meets them.
     */
    static final double TILE_SIDE = 2_880;
    /** Extra rings of seeds around a tile, so the Voronoi cells of its own seeds are exact. */
    static final int HALO = 4;
    /** Cells within this distance (m) of a reservoir carry no land patch, as in the in-memory generator. */
    static final double RESERVOIR_SETBACK = 60;

    final DistrictLayout layout;
    final CellGrid grid;
    final List<Reservoir> reservoirs;
    final RedCorridors corridors;
    final GeometryFactory gf;
    final PreparedGeometry near;
    final PreparedGeometry[] units = new PreparedGeometry[2];
    private final STRtree water = new STRtree();

    TiledLayout(DistrictLayout layout, CellGrid grid, List<Reservoir> reservoirs, RedCorridors corridors,
                GeometryFactory gf) {
        this.layout = layout;
        this.grid = grid;
        this.reservoirs = reservoirs;
        this.corridors = corridors;
        this.gf = gf;
        this.near = PreparedGeometryFactory.prepare(layout.outline().buffer(2 * grid.spacing, 2));
        for (int u = 0; u < 2; u++) {
            units[u] = PreparedGeometryFactory.prepare(layout.unit(u));
        }
        for (Reservoir r : reservoirs) {
            water.insert(r.surface().getEnvelopeInternal(), r);
        }
        water.build();
    }

    /** The tiles that can hold a cell, row by row from the south. */
    List<Tile> tiles() {
        int side = Math.max(16, (int) Math.round(TILE_SIDE / grid.spacing));
        List<Tile> out = new ArrayList<>();
        for (int j0 = 0; j0 < grid.ny; j0 += side) {
            for (int i0 = 0; i0 < grid.nx; i0 += side) {
                Tile t = new Tile(out.size(), i0, Math.min(grid.nx, i0 + side), j0, Math.min(grid.ny, j0 + side));
                if (near.intersects(gf.toGeometry(t.extent(grid, grid.spacing)))) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Whether a seed point takes part in the mosaic (the in-memory generator's rule: within 2 spacings of the outline). */
    boolean seeded(double x, double y) {
        return near.contains(gf.createPoint(new Coordinate(x, y)));
    }

    /** The unit holding the point, −1 for none. */
    int unitOf(double x, double y) {
        Geometry p = gf.createPoint(new Coordinate(x, y));
        for (int u = 0; u < 2; u++) {
            if (units[u].contains(p)) {
                return u;
            }
        }
        return -1;
    }

    /** Exact: the cell comes within the setback of a reservoir. */
    boolean nearWater(Polygon cell) {
        Envelope e = new Envelope(cell.getEnvelopeInternal());
        e.expandBy(RESERVOIR_SETBACK);
        for (Object o : water.query(e)) {
            if (((Reservoir) o).surface().isWithinDistance(cell, RESERVOIR_SETBACK)) {
                return true;
            }
        }
        return false;
    }

    /** The polygon less the reservoir surfaces it meets (the polygon itself if it meets none). */
    Geometry lessWater(Polygon p) {
        Geometry g = p;
        for (Object o : water.query(p.getEnvelopeInternal())) {
            Polygon w = ((Reservoir) o).surface();
            if (w.intersects(g)) {
                g = SampleTables.differenceAsWritten(g, w);
            }
        }
        return g;
    }

    /** Estimate from the seed point alone (a cell reaches about 0.7 spacing from its seed), for the planning pass. */
    boolean nearWaterEstimate(double x, double y) {
        double reach = RESERVOIR_SETBACK + 0.7 * grid.spacing;
        Envelope e = new Envelope(x - reach, x + reach, y - reach, y + reach);
        Geometry p = gf.createPoint(new Coordinate(x, y));
        for (Object o : water.query(e)) {
            if (((Reservoir) o).surface().isWithinDistance(p, reach)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each unit cut to an envelope (polygonal, possibly several parts; null where the unit does not reach), so per-cell
     * overlays never walk a whole detailed unit boundary.
     */
    Geometry[] unitsWithin(Envelope e) {
        Geometry[] out = new Geometry[2];
        Geometry box = gf.toGeometry(e);
        for (int u = 0; u < 2; u++) {
            Geometry g = layout.unit(u);
            if (!g.getEnvelopeInternal().intersects(e)) {
                continue;
            }
            Geometry piece = e.contains(g.getEnvelopeInternal()) ? g
                    : OverlayNGRobust.overlay(g, box, OverlayNG.INTERSECTION);
            out[u] = piece.isEmpty() ? null : piece;
        }
        return out;
    }
}
