package cn.basinguard.data;

import org.locationtech.jts.geom.Polygon;

/**
 * The building pass of the tiled generator: one tile's patches, each shrunk inside its container to the area its
 * layer's factor gives (so the layer totals come out as planned), with the conflicts chosen by the plan and, in the
 * invalid-patch shape, the faults of {@link PatchDefects}.
 */
final class TileBuilder {
    private final TiledLayout tl;
    private final TileWork work;
    private final TiledPlan plan;
    private final boolean faults;
    private final boolean bigPolygons;

    TileBuilder(TiledLayout tl, TileWork work, TiledPlan plan, boolean faults, boolean bigPolygons) {
        this.tl = tl;
        this.work = work;
        this.plan = plan;
        this.faults = faults;
        this.bigPolygons = bigPolygons;
    }

    TileOutput build(Tile t) {
        TileOutput out = new TileOutput();
        TileWork.Context ctx = work.classify(t);
        for (TileWork.Classified c : ctx.cells) {
            int u = c.cell().unit();
            LandRules.Use use = work.use(c);
            if (use == LandRules.Use.RED) {
                Polygon cell = c.cell().polygon();
                Polygon patch = AreaCalibrator.shrinkTo(cell, plan.redFactor[u] * cell.getArea());
                out.red.add(new TileOutput.Patch(u, store(patch, c, TileWork.SALT_FAULT_RED), 0, TileOutput.NONE));
            } else if (use == LandRules.Use.CULTIVATED) {
                boolean conflict = work.conflictCandidate(c) && c.conflictHash() <= plan.conflictLimit[u];
                Polygon container = conflict && bigPolygons ? work.conflictContainer(ctx, c) : c.container();
                long key = c.cell().key(tl.grid);
                Polygon cult = AreaCalibrator.shrinkTo(container, plan.cultivatedFactor[u] * container.getArea());
                out.cultivated.add(new TileOutput.Patch(u, store(cult, c, TileWork.SALT_FAULT_CULTIVATED), key,
                        TileOutput.NONE));
                if (!c.host()) {
                    continue;
                }
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
        }
        return out;
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
