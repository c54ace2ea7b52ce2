package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Adds the defects real 三调 / 三区三线 deliveries have, so the data-quality and red-line-conflict checks have
 * something to find: a bow-tie ring, a duplicate consecutive vertex and a sliver in 耕地, and basic-farmland
 * patches overlapped by an extended ecological red-line patch.
 */
final class DefectInjector {
    static final int CONFLICTS = 2;
    private static final double CONFLICT_DEPTH = 60;

    private DefectInjector() {
    }

    record Result(LandPlan plan, List<Defect> defects) {
    }

    static Result inject(LandPlan plan, GeometryFactory gf) {
        List<LandPatch> cult = new ArrayList<>(plan.cultivated());
        List<LandPatch> red = new ArrayList<>(plan.redLine());
        List<Cell> free = new ArrayList<>(plan.freeCells());
        List<Defect> defects = new ArrayList<>();

        int dupIndex = cult.size() / 3;
        cult.set(dupIndex, new LandPatch(cult.get(dupIndex).cell(), withDuplicateVertex(cult.get(dupIndex).geometry())));
        defects.add(new Defect(SampleLayers.CULTIVATED, dupIndex, Defect.DUPLICATE_VERTEX,
                "外环第2个节点重复出现一次（连续重复坐标）"));

        Cell bowCell = takeFreeCell(free, 0);
        double bowHalf = Math.min(40, Math.sqrt(bowCell.polygon().getArea()) / 6);
        cult.add(new LandPatch(bowCell, bowTie(bowCell.polygon(), bowHalf, gf)));
        defects.add(new Defect(SampleLayers.CULTIVATED, cult.size() - 1, Defect.SELF_INTERSECTION,
                String.format("外环两条边交叉成蝴蝶结形（约%.0f米见方），JTS isValid() = false", 2 * bowHalf)));

        Cell sliverCell = takeFreeCell(free, 1);
        double sliverLength = Math.min(120, Math.sqrt(sliverCell.polygon().getArea()) / 2);
        cult.add(new LandPatch(sliverCell, sliver(sliverCell.polygon(), sliverLength, 0.25, gf)));
        defects.add(new Defect(SampleLayers.CULTIVATED, cult.size() - 1, Defect.SLIVER,
                String.format("长约%.0f米、宽约0.25米的细长碎片图斑", sliverLength)));

        STRtree farmlandByCell = new STRtree();
        for (int f = 0; f < plan.basicFarmland().size(); f++) {
            LandPatch pbf = plan.basicFarmland().get(f);
            if (pbf.unit() == 0) {
                farmlandByCell.insert(pbf.cell().polygon().getEnvelopeInternal(), f);
            }
        }
        int found = 0;
        // one red-line patch per farmland cell: two grown into one cell would overlap each other
        java.util.Set<Integer> usedCells = new java.util.TreeSet<>();
        for (int r = 0; r < red.size() && found < CONFLICTS; r++) {
            LandPatch rp = red.get(r);
            if (rp.unit() != 0) {
                continue;
            }
            double cellSize = Math.sqrt(rp.cell().polygon().getArea());
            List<Integer> candidates = new ArrayList<>();
            for (Object o : farmlandByCell.query(rp.cell().polygon().getEnvelopeInternal())) {
                candidates.add((Integer) o);
            }
            candidates.sort(null); // the tree's order is not part of the contract; fids are
            for (int f : candidates) {
                LandPatch pbf = plan.basicFarmland().get(f);
                if (usedCells.contains(pbf.cell().id()) || !sharesEdge(rp.cell(), pbf.cell(), 0.25 * cellSize)) {
                    continue;
                }
                double reach = rp.geometry().distance(pbf.geometry()) + Math.min(CONFLICT_DEPTH, 0.1 * cellSize);
                // grow only towards the neighbouring cell, so the red line gains little area elsewhere
                Geometry grown = rp.geometry().union(rp.geometry().buffer(reach, 2)
                        .intersection(pbf.cell().polygon().buffer(reach, 2))
                        .intersection(rp.cell().polygon().union(pbf.cell().polygon())));
                if (!(grown instanceof Polygon g) || g.intersection(pbf.geometry()).getArea() < 0.01 * cellSize * cellSize) {
                    continue;
                }
                red.set(r, new LandPatch(rp.cell(), g));
                usedCells.add(pbf.cell().id());
                defects.add(new Defect(SampleLayers.BASIC_FARMLAND, f, Defect.RED_LINE_CONFLICT,
                        "该永久基本农田图斑被生态保护红线图斑（STBHHX fid " + (r + 1) + "）部分覆盖，违反三线不交叉不重叠"));
                found++;
                break;
            }
        }
        if (found < CONFLICTS) {
            throw new IllegalStateException("no red-line patch borders basic farmland; cannot place the conflict");
        }
        return new Result(new LandPlan(cult, plan.basicFarmland(), red, free), defects);
    }

    private static boolean sharesEdge(Cell a, Cell b, double minLength) {
        return a.polygon().getEnvelopeInternal().intersects(b.polygon().getEnvelopeInternal())
                && a.polygon().intersection(b.polygon()).getLength() > minLength;
    }

    /** The largest free cell of the unit, so the defect patch fits at any scale. */
    private static Cell takeFreeCell(List<Cell> free, int unit) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            Cell c = free.get(i);
            if (c.unit() == unit && (best < 0 || c.polygon().getArea() > free.get(best).polygon().getArea())) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no free cell in unit " + unit);
        }
        return free.remove(best);
    }

    static Polygon withDuplicateVertex(Polygon p) {
        Coordinate[] cs = p.getExteriorRing().getCoordinates();
        Coordinate[] out = new Coordinate[cs.length + 1];
        out[0] = cs[0];
        out[1] = cs[1];
        out[2] = cs[1].copy();
        System.arraycopy(cs, 2, out, 3, cs.length - 2);
        return p.getFactory().createPolygon(out);
    }

    private static Polygon bowTie(Polygon cell, double half, GeometryFactory gf) {
        // corners and crossing on whole millimetres, as the land-use layer around it is (LandUseMosaic)
        Coordinate p = cell.getInteriorPoint().getCoordinate();
        Coordinate c = new Coordinate(Math.round(p.x * 1000) / 1000.0, Math.round(p.y * 1000) / 1000.0);
        half = Math.floor(half);
        return gf.createPolygon(new Coordinate[] {
            new Coordinate(c.x - half, c.y - half), new Coordinate(c.x + half, c.y + half),
            new Coordinate(c.x + half, c.y - half), new Coordinate(c.x - half, c.y + half),
            new Coordinate(c.x - half, c.y - half)});
    }

    private static Polygon sliver(Polygon cell, double length, double width, GeometryFactory gf) {
        Coordinate c = cell.getInteriorPoint().getCoordinate();
        double dx = length / 2 * Math.cos(0.3);
        double dy = length / 2 * Math.sin(0.3);
        double nx = -width / 2 * Math.sin(0.3);
        double ny = width / 2 * Math.cos(0.3);
        return gf.createPolygon(new Coordinate[] {
            new Coordinate(c.x - dx + nx, c.y - dy + ny), new Coordinate(c.x - dx - nx, c.y - dy - ny),
            new Coordinate(c.x + dx - nx, c.y + dy - ny), new Coordinate(c.x + dx + nx, c.y + dy + ny),
            new Coordinate(c.x - dx + nx, c.y - dy + ny)});
    }
}
