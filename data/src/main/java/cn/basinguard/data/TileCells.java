package cn.basinguard.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The Voronoi cells of one tile's seeds, each clipped to the unit(s) it lies in. The tile's seeds are triangulated
 * together with {@link TiledLayout#HALO} rings of their neighbours', so every cell of the tile is the one the whole
 * mosaic would have, and no tile needs another's result.
 */
final class TileCells {
    /** Cell pieces smaller than this (m²) are dropped, as in the in-memory mosaic. */
    static final double MIN_CELL_AREA = 2_000;

    /** One cell (or one unit's piece of it): grid position, unit, piece number, geometry and the position's draws. */
    record TCell(int i, int j, int unit, int part, Polygon polygon, CellGrid.Draws draws) {
        /** A number unique in the file, for linking a basic-farmland patch to its cultivated patch. */
        long key(CellGrid g) {
            return (((long) i * g.ny + j) * 2 + unit) * 16 + Math.min(part, 15);
        }

        /** An independent 64-bit value of this piece for one purpose. */
        long hash(int salt) {
            return draws.hash(salt * 64 + unit * 16 + Math.min(part, 15));
        }
    }

    private TileCells() {
    }

    static List<TCell> of(TiledLayout tl, Tile t) {
        return of(tl, t, null);
    }

    /**
     * @param crumbs if not null, receives the pieces too small to be a cell (below {@link #MIN_CELL_AREA}), which the
     *               land-use layer still needs to tile the district
     */
    static List<TCell> of(TiledLayout tl, Tile t, List<TCell> crumbs) {
        CellGrid g = tl.grid;
        Map<Coordinate, long[]> sites = new HashMap<>();
        List<Coordinate> coords = new ArrayList<>();
        int h = TiledLayout.HALO;
        for (int j = Math.max(0, t.j0() - h); j < Math.min(g.ny, t.j1() + h); j++) {
            for (int i = Math.max(0, t.i0() - h); i < Math.min(g.nx, t.i1() + h); i++) {
                CellGrid.Draws d = g.draws(i, j);
                if (tl.seeded(d.x(), d.y())) {
                    Coordinate c = new Coordinate(d.x(), d.y());
                    sites.put(c, new long[] {i, j});
                    coords.add(c);
                }
            }
        }
        List<TCell> out = new ArrayList<>();
        if (coords.size() < 3) {
            return out;
        }
        Envelope clip = t.extent(g, (h + 1) * g.spacing);
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(coords);
        vb.setClipEnvelope(clip);
        Geometry diagram = vb.getDiagram(tl.gf);
        Geometry[] unitPieces = tl.unitsWithin(t.extent(g, 3 * g.spacing));
        PreparedGeometry[] units = new PreparedGeometry[2];
        for (int u = 0; u < 2; u++) {
            units[u] = unitPieces[u] == null ? null : PreparedGeometryFactory.prepare(unitPieces[u]);
        }
        for (int k = 0; k < diagram.getNumGeometries(); k++) {
            Polygon cell = (Polygon) diagram.getGeometryN(k);
            long[] ij = sites.get((Coordinate) cell.getUserData());
            if (ij == null || !t.owns((int) ij[0], (int) ij[1])) {
                continue;
            }
            CellGrid.Draws d = g.draws((int) ij[0], (int) ij[1]);
            for (int u = 0; u < 2; u++) {
                if (units[u] == null || !units[u].intersects(cell)) {
                    continue;
                }
                Geometry piece = units[u].containsProperly(cell) ? cell
                        : OverlayNGRobust.overlay(unitPieces[u], cell, OverlayNG.INTERSECTION);
                List<Polygon> parts = new ArrayList<>();
                List<Polygon> small = new ArrayList<>();
                for (int p = 0; p < piece.getNumGeometries(); p++) {
                    if (piece.getGeometryN(p) instanceof Polygon poly && !poly.isEmpty()) {
                        (poly.getArea() >= MIN_CELL_AREA ? parts : small).add(poly);
                    }
                }
                if (crumbs != null) {
                    small.sort(Comparator.<Polygon>comparingDouble(q -> q.getEnvelopeInternal().getMinX())
                            .thenComparingDouble(q -> q.getEnvelopeInternal().getMinY()));
                    for (int p = 0; p < small.size(); p++) {
                        small.get(p).setUserData(null);
                        crumbs.add(new TCell((int) ij[0], (int) ij[1], u, 16 + p, small.get(p), d));
                    }
                }
                // a stable part order, independent of the overlay's
                parts.sort(Comparator.<Polygon>comparingDouble(q -> q.getEnvelopeInternal().getMinX())
                        .thenComparingDouble(q -> q.getEnvelopeInternal().getMinY()));
                for (int p = 0; p < parts.size(); p++) {
                    Polygon poly = parts.get(p);
                    poly.setUserData(null);
                    out.add(new TCell((int) ij[0], (int) ij[1], u, p, poly, d));
                }
            }
        }
        Comparator<TCell> order = Comparator.comparingInt(TCell::j).thenComparingInt(TCell::i)
                .thenComparingInt(TCell::unit).thenComparingInt(TCell::part);
        out.sort(order);
        if (crumbs != null) {
            crumbs.sort(order);
        }
        return out;
    }
}
