package cn.basinguard.data;

import cn.basinguard.core.measure.EllipsoidalArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The building pass of the tiled generator: one tile's patches, each shrunk inside its container to the area its
 * layer's factor gives (so the layer totals come out as planned), with the conflicts chosen by the plan and, in the
 * invalid-patch shape, the faults of {@link PatchDefects}.
 *
 * <p>The land-use layer (DLTB) tiles the district cell by cell, with the classes {@link LandUseMosaic} gives the small
 * sample: a cultivated cell is its 耕地 patch plus the rest of the cell as a field margin, a red-line cell (or, with
 * big polygons, a cell under a corridor) is forest, any other cell takes a class by its place; every cell less the
 * reservoir surfaces (written whole as 1103 by {@link TiledGpkgWriter#writeFixed}), the pieces too small to be cells as
 * grass or road. Each patch is cut from its own cell only, so no global noding is needed (neighbours' shared edges are
 * the Voronoi edges, the same doubles on both sides) and the pass stays tile by tile.
 */
final class TileBuilder {
    private static final EllipsoidalArea ELLIPSOIDAL = EllipsoidalArea.standard();

    private final TiledLayout tl;
    private final TileWork work;
    private final TiledPlan plan;
    private final boolean faults;
    private final boolean bigPolygons;
    private final Envelope[] unitEnvelopes = new Envelope[2];
    private final Coordinate city;

    TileBuilder(TiledLayout tl, TileWork work, TiledPlan plan, boolean faults, boolean bigPolygons) {
        this.tl = tl;
        this.work = work;
        this.plan = plan;
        this.faults = faults;
        this.bigPolygons = bigPolygons;
        for (int u = 0; u < 2; u++) {
            unitEnvelopes[u] = tl.layout.unit(u).getEnvelopeInternal();
        }
        this.city = LandUseMosaic.city(tl.layout.outline().getEnvelopeInternal());
    }

    /** The 耕地 kind, slope and 田坎 coefficient of a cell, as the small sample and {@link TiledPlan} take them. */
    static Tillage tillage(TiledLayout tl, TileCells.TCell cell) {
        return Tillage.of(cell.polygon(), tl.layout.unit(cell.unit()).getEnvelopeInternal());
    }

    TileOutput build(Tile t) {
        TileOutput out = new TileOutput();
        TileWork.Context ctx = work.classify(t);
        for (TileWork.Classified c : ctx.cells) {
            int u = c.cell().unit();
            Polygon cell = c.cell().polygon();
            // every cell, not only those near water by the planning rule: a cell under a corridor is not tested there
            Geometry region = tl.lessWater(cell);
            long h = LandUseMosaic.hash(cell);
            String dlbm;
            LandRules.Use use = work.use(c);
            if (use == LandRules.Use.RED) {
                Polygon patch = AreaCalibrator.shrinkTo(cell, plan.redFactor[u] * cell.getArea());
                out.red.add(new TileOutput.Patch(u, store(patch, c, TileWork.SALT_FAULT_RED), 0, TileOutput.NONE));
                dlbm = LandUseMosaic.forestClass(h);
            } else if (use == LandRules.Use.CULTIVATED) {
                Polygon cult = cultivated(c, ctx, out);
                region = SampleTables.differenceAsWritten(region, cult);
                dlbm = LandUseMosaic.marginClass(h);
            } else if (use == LandRules.Use.COVERED) {
                dlbm = LandUseMosaic.forestClass(h);
            } else {
                dlbm = LandUseMosaic.freeClass(cell, h, unitEnvelopes[u], city, region != cell);
            }
            addOthers(out, u, region, dlbm);
        }
        for (TileCells.TCell k : ctx.crumbs) {
            addOthers(out, k.unit(), tl.lessWater(k.polygon()), LandUseMosaic.crumbClass(LandUseMosaic.hash(k.polygon())));
        }
        return out;
    }

    /** The 耕地 patch of a cultivated cell (added to the land use) and its basic farmland and conflict strip, if any. */
    private Polygon cultivated(TileWork.Classified c, TileWork.Context ctx, TileOutput out) {
        int u = c.cell().unit();
        boolean conflict = work.conflictCandidate(c) && c.conflictHash() <= plan.conflictLimit[u];
        Polygon container = conflict && bigPolygons ? work.conflictContainer(ctx, c) : c.container();
        long key = c.cell().key(tl.grid);
        Polygon cult = AreaCalibrator.shrinkTo(container, plan.cultivatedFactor[u] * container.getArea());
        PatchDefects.Stored stored = store(cult, c, TileWork.SALT_FAULT_CULTIVATED);
        out.landUse.add(new TileOutput.LandUse(u, stored, null, tillage(tl, c.cell()), key, ellipsoidal(cult, stored)));
        if (c.host()) {
            Polygon pbf = AreaCalibrator.shrinkTo(cult, plan.farmlandFactor[u] * cult.getArea());
            int link = TileOutput.NONE;
            if (conflict && bigPolygons) {
                link = -2 - c.corridor();
            } else if (conflict) {
                Polygon band = TileWork.band(c.cell().polygon());
                link = out.red.size();
                out.red.add(new TileOutput.Patch(u, store(band, c, TileWork.SALT_FAULT_BAND), key, TileOutput.NONE));
            }
            out.farmland.add(new TileOutput.Patch(u, store(pbf, c, TileWork.SALT_FAULT_FARMLAND), key, link));
        }
        return cult;
    }

    /** The polygons of a region, one land-use patch each, all of one class. */
    private void addOthers(TileOutput out, int unit, Geometry region, String dlbm) {
        for (int k = 0; k < region.getNumGeometries(); k++) {
            if (region.getGeometryN(k) instanceof Polygon p && !p.isEmpty() && p.getArea() > 0) {
                PatchDefects.Stored s = PatchDefects.plain(p);
                out.landUse.add(new TileOutput.LandUse(unit, s, dlbm, null, -1, ellipsoidal(p, s)));
            }
        }
    }

    /** The ellipsoidal area (32号) in zone 38 of what is stored: of the repaired shape for a faulty patch. */
    private double ellipsoidal(Polygon p, PatchDefects.Stored s) {
        double a = ELLIPSOIDAL.area(SampleTables.zone38(p, tl.gf), SampleCrs.GK_ZONE38);
        return s.fault() == null ? a : a * s.area() / p.getArea();
    }

    private PatchDefects.Stored store(Polygon p, TileWork.Classified c, int salt) {
        if (faults) {
            long h = c.cell().hash(salt);
            if (CellGrid.unit(h) < PatchDefects.SHARE) {
                return PatchDefects.faulty(p, CellGrid.mix(h));
            }
        }
        return PatchDefects.plain(p);
    }
}
