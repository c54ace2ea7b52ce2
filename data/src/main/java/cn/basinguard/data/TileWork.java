package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The cells of one tile with what each carries and the polygon its patch is shrunk from, shared by the planning pass
 * (which sums areas) and the building pass (which makes the patches), so both see exactly the same cells.
 *
 * <p>Conflicts between basic farmland and the red line (三线冲突) are made where deliveries have them: in the
 * small-patch shapes a strip of red line, {@link #CONFLICT_DEPTH} deep, drawn into the edge of a farmland cell (a red
 * line digitised on another base map than the parcels); in the big-polygon shape a farmland patch that runs that deep
 * into the corridor it borders instead of stopping at its edge.
 */
final class TileWork {
    /** How far (m) a conflict reaches across the line it should have respected. */
    static final double CONFLICT_DEPTH = 10;
    /** A farmland container smaller than this (m²) after the corridor is cut away is left free. */
    static final double MIN_CONTAINER = 400;

    /** Salts of the per-cell hashes. */
    static final int SALT_CONFLICT = 1;
    static final int SALT_FAULT_CULTIVATED = 2;
    static final int SALT_FAULT_FARMLAND = 3;
    static final int SALT_FAULT_RED = 4;
    static final int SALT_FAULT_BAND = 5;

    /**
     * A cell with what decides its use: near a reservoir, seed under a big red-line polygon, its two scores, whether
     * it would host basic farmland, the polygon a farmland patch would be shrunk from (null where none can be) and
     * the corridor that polygon borders (−1: none).
     */
    record Classified(TileCells.TCell cell, boolean nearWater, boolean covered, double hill, double score,
                      boolean host, Polygon container, int corridor) {
        long conflictHash() {
            return cell.hash(SALT_CONFLICT) >>> 1;
        }

        int unit() {
            return cell.unit();
        }
    }

    /** One tile's cells and, in the big-polygon shape, the corridors cut to the tile. */
    static final class Context {
        final List<Classified> cells = new ArrayList<>();
        /** The pieces too small to be cells: land use only. */
        final List<TileCells.TCell> crumbs = new ArrayList<>();
        private final List<Integer> pieceCorridor = new ArrayList<>();
        private final List<PreparedGeometry> pieces = new ArrayList<>();
        private final List<Geometry> shapes = new ArrayList<>();
    }

    private final TiledLayout tl;
    private final LandRules rules;

    TileWork(TiledLayout tl, LandRules rules) {
        this.tl = tl;
        this.rules = rules;
    }

    TiledLayout layout() {
        return tl;
    }

    Context classify(Tile t) {
        Context ctx = new Context();
        if (rules.bigPolygons()) {
            cutCorridors(t, ctx);
        }
        for (TileCells.TCell c : TileCells.of(tl, t, ctx.crumbs)) {
            CellGrid.Draws d = c.draws();
            int u = c.unit();
            boolean covered = rules.covered(d.x(), d.y());
            boolean nearWater = !covered && tl.nearWater(c.polygon());
            Polygon container = null;
            int corridor = -1;
            if (!covered && !nearWater) {
                container = c.polygon();
                if (rules.bigPolygons()) {
                    corridor = borderingCorridor(ctx, c.polygon());
                    if (corridor >= 0) {
                        // the patch, shrunk inside this, keeps a gap of its own from the corridor
                        container = cut(c.polygon(), ctx.shapes);
                    }
                }
                if (container != null && container.getArea() < MIN_CONTAINER) {
                    container = null;
                }
            }
            ctx.cells.add(new Classified(c, nearWater, covered, rules.hill(u, d.x(), d.y(), d),
                    rules.cultivatedScore(u, d.x(), d.y(), d), d.host(), container, corridor));
        }
        return ctx;
    }

    /** The use the thresholds give a classified cell. */
    LandRules.Use use(Classified c) {
        if (c.covered()) {
            return LandRules.Use.COVERED;
        }
        if (c.nearWater()) {
            return LandRules.Use.FREE;
        }
        if (rules.red(c.unit(), c.hill())) {
            return LandRules.Use.RED;
        }
        return c.container() != null && rules.cultivated(c.unit(), c.score()) ? LandRules.Use.CULTIVATED
                : LandRules.Use.FREE;
    }

    /**
     * Whether a conflict can be given to this cell if it is cultivated: any cell that would host basic farmland (small
     * patches), or one whose polygon borders a corridor (big polygons).
     */
    boolean conflictCandidate(Classified c) {
        // big polygons: the corridor must take a tenth of the cell, or the patch would not reach it once shrunk
        return c.host() && c.container() != null && (!rules.bigPolygons()
                || c.corridor() >= 0 && c.container().getArea() < 0.9 * c.cell().polygon().getArea());
    }

    /**
     * Big polygons: the container of a conflicting cell, which runs {@link #CONFLICT_DEPTH} into the corridor: the
     * part of the cell within that distance of its free part (small geometries only, never a buffer of a corridor).
     */
    Polygon conflictContainer(Context ctx, Classified c) {
        Geometry reach = c.container().buffer(reach(c.cell().polygon()), 4);
        return FractalField.largest(OverlayNGRobust.overlay(c.cell().polygon(), reach, OverlayNG.INTERSECTION));
    }

    /**
     * Small patches: the red strip drawn into a farmland cell, along the cell's longest edge and
     * {@link #CONFLICT_DEPTH} deep; it stays inside the cell, so it overlaps no other cell's patch.
     */
    static Polygon band(Polygon cell) {
        Coordinate[] cs = cell.getExteriorRing().getCoordinates();
        int best = 0;
        for (int i = 1; i + 1 < cs.length; i++) {
            if (cs[i].distance(cs[i + 1]) > cs[best].distance(cs[best + 1])) {
                best = i;
            }
        }
        LineSegment edge = new LineSegment(cs[best], cs[best + 1]);
        BufferParameters flat = new BufferParameters(2, BufferParameters.CAP_FLAT, BufferParameters.JOIN_MITRE, 5);
        Geometry strip = BufferOp.bufferOp(edge.toGeometry(cell.getFactory()), reach(cell), flat);
        return FractalField.largest(OverlayNGRobust.overlay(cell, strip, OverlayNG.INTERSECTION));
    }

    /**
     * How far a conflict is drawn: {@link #CONFLICT_DEPTH} beyond where the basic-farmland patch ends. Patches are
     * shrunk towards their middle (cultivated ~0.92, basic farmland ~0.95 of the size), so their edge lies up to a
     * fifth of the cell's radius inside the cell; the conflict reaches that much further.
     */
    static double reach(Polygon cell) {
        Coordinate centre = cell.getCentroid().getCoordinate();
        double r = 0;
        for (Coordinate c : cell.getExteriorRing().getCoordinates()) {
            r = Math.max(r, c.distance(centre));
        }
        return CONFLICT_DEPTH + 0.2 * r;
    }

    private void cutCorridors(Tile t, Context ctx) {
        double margin = 3 * tl.grid.spacing; // a cell reaches about one spacing beyond its node
        Envelope box = t.extent(tl.grid, margin);
        Geometry boxGeom = tl.gf.toGeometry(box);
        for (int k : tl.corridors.within(box)) {
            Geometry piece = OverlayNGRobust.overlay(tl.corridors.corridors.get(k).polygon(), boxGeom,
                    OverlayNG.INTERSECTION);
            if (piece.isEmpty()) {
                continue;
            }
            ctx.pieceCorridor.add(k);
            ctx.pieces.add(PreparedGeometryFactory.prepare(piece));
            ctx.shapes.add(piece);
        }
    }

    private static int borderingCorridor(Context ctx, Polygon cell) {
        for (int p = 0; p < ctx.pieces.size(); p++) {
            if (ctx.pieces.get(p).intersects(cell)) {
                return ctx.pieceCorridor.get(p);
            }
        }
        return -1;
    }

    /** The cell minus the given corridor shapes, its largest part; null if nothing is left. */
    private static Polygon cut(Polygon cell, List<Geometry> shapes) {
        Geometry left = cell;
        for (Geometry s : shapes) {
            // the overlay clips the corridor to the cell's envelope first, so a big piece costs little
            if (s.getEnvelopeInternal().intersects(left.getEnvelopeInternal())) {
                left = OverlayNGRobust.overlay(left, s, OverlayNG.DIFFERENCE);
            }
        }
        return left.isEmpty() ? null : FractalField.largest(left);
    }
}
