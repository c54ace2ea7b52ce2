package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

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
        cult.add(new LandPatch(bowCell, bowTie(bowCell.polygon(), 40, gf)));
        defects.add(new Defect(SampleLayers.CULTIVATED, cult.size() - 1, Defect.SELF_INTERSECTION,
                "外环两条边交叉成蝴蝶结形，JTS isValid() = false"));

        Cell sliverCell = takeFreeCell(free, 1);
        cult.add(new LandPatch(sliverCell, sliver(sliverCell.polygon(), 120, 0.25, gf)));
        defects.add(new Defect(SampleLayers.CULTIVATED, cult.size() - 1, Defect.SLIVER,
                "长约120米、宽约0.25米的细长碎片图斑"));

        int found = 0;
        for (int r = 0; r < red.size() && found < CONFLICTS; r++) {
            LandPatch rp = red.get(r);
            if (rp.unit() != 0) {
                continue;
            }
            for (int f = 0; f < plan.basicFarmland().size(); f++) {
                LandPatch pbf = plan.basicFarmland().get(f);
                if (pbf.unit() != 0 || !sharesEdge(rp.cell(), pbf.cell())) {
                    continue;
                }
                double reach = rp.geometry().distance(pbf.geometry()) + CONFLICT_DEPTH;
                // grow only towards the neighbouring cell, so the red line gains little area elsewhere
                Geometry grown = rp.geometry().union(rp.geometry().buffer(reach, 2)
                        .intersection(pbf.cell().polygon().buffer(reach, 2))
                        .intersection(rp.cell().polygon().union(pbf.cell().polygon())));
                if (!(grown instanceof Polygon g) || g.intersection(pbf.geometry()).getArea() < 1_000) {
                    continue;
                }
                red.set(r, new LandPatch(rp.cell(), g));
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

    private static boolean sharesEdge(Cell a, Cell b) {
        return a.polygon().getEnvelopeInternal().intersects(b.polygon().getEnvelopeInternal())
                && a.polygon().intersection(b.polygon()).getLength() > 150;
    }

    private static Cell takeFreeCell(List<Cell> free, int unit) {
        for (int i = free.size() / 2; i < free.size(); i++) {
            Cell c = free.get(i);
            if (c.unit() == unit && c.polygon().getArea() > 50_000) {
                free.remove(i);
                return c;
            }
        }
        throw new IllegalStateException("no free cell in unit " + unit);
    }

    private static Polygon withDuplicateVertex(Polygon p) {
        Coordinate[] cs = p.getExteriorRing().getCoordinates();
        Coordinate[] out = new Coordinate[cs.length + 1];
        out[0] = cs[0];
        out[1] = cs[1];
        out[2] = cs[1].copy();
        System.arraycopy(cs, 2, out, 3, cs.length - 2);
        return p.getFactory().createPolygon(out);
    }

    private static Polygon bowTie(Polygon cell, double half, GeometryFactory gf) {
        Coordinate c = cell.getInteriorPoint().getCoordinate();
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
