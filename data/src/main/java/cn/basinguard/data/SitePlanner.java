package cn.basinguard.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Places key projects of the seed's 专栏 1–9 as site polygons: some clean, some on basic farmland, on the
 * red line, on ordinary cultivated land, next to a reservoir, and some across the unit boundary.
 */
final class SitePlanner {
    private static final double CLEARANCE = 30;
    private record Project(String name, String column, String category, String intent, int unit, double hectares,
                           double aspect) {
    }

    private static final List<Project> PROJECTS = List.of(
            new Project("白果河水库除险加固工程", "专栏1", "水安全底线", Site.NEAR_RESERVOIR, 0, 12, 2),
            new Project("曾都区清水河系统治理工程", "专栏1", "水安全底线", Site.SPANS_UNITS, -1, 60, 8),
            new Project("鄂北地区水资源配置二期曾都区配套工程", "专栏1", "水安全底线", Site.SPANS_UNITS, -1, 45, 10),
            new Project("曾都区漳水流域同兴河段河道治理工程", "专栏1", "水安全底线", Site.CULTIVATED, 1, 25, 6),
            new Project("桃园河饮用水源地保护工程", "专栏1", "水安全底线", Site.NEAR_RESERVOIR, 0, 20, 3),
            new Project("府河流域农村生活污水治理一期工程", "专栏2", "水环境安全", Site.CLEAN, 0, 6, 1.5),
            new Project("曾都区高标准农田建设项目（示范片）", "专栏3", "粮食安全", Site.CULTIVATED, 1, 40, 1.5),
            new Project("随城山森林公园建设项目", "专栏4", "生态修复", Site.RED_LINE, 0, 35, 1.5),
            new Project("国华湖北随州市曾都区主城区100MW分布式光储充项目", "专栏5", "新型工业化",
                    Site.BASIC_FARMLAND, 1, 30, 1.8),
            new Project("随州专用汽车和应急装备检测研发基地", "专栏5", "新型工业化", Site.CLEAN, 1, 18, 1.4),
            new Project("随州高新技术开发区曾都园区南郊创业孵化园", "专栏5", "新型工业化", Site.BASIC_FARMLAND, 1, 15, 1.2),
            new Project("随州高新技术开发区曾都园区北郊创业孵化园", "专栏5", "新型工业化", Site.CLEAN, 0, 15, 1.2),
            new Project("随州千年银杏谷景区（一期）", "专栏7", "新型城镇化", Site.RED_LINE, 0, 50, 2),
            new Project("曾都区洛阳镇小岭冲民宿（裸心隐）", "专栏7", "新型城镇化", Site.RED_LINE, 0, 4, 1.3),
            new Project("曾都区洛阳镇九口堰红色培训教育基地", "专栏7", "新型城镇化", Site.CLEAN, 0, 5, 1.3),
            new Project("随州市何店高质量发展示范区农产品仓储物流中心项目", "专栏8", "农业现代化",
                    Site.BASIC_FARMLAND, 1, 20, 1.5),
            new Project("府河镇卫生院整体搬迁", "专栏9", "强县工程", Site.CLEAN, 0, 3, 1.2));

    private SitePlanner() {
    }

    /**
     * @param cleanAttempts how many random spots to try for a clean site; at county density clean spots hardly
     *                      exist, so a small number keeps generation fast there
     */
    static List<Site> plan(DistrictLayout layout, LandPlan land, List<Reservoir> reservoirs, int copies,
                           int cleanAttempts, SplittableRandom rnd, GeometryFactory gf) {
        STRtree occupied = new STRtree();
        for (List<LandPatch> layer : List.of(land.cultivated(), land.basicFarmland(), land.redLine())) {
            for (LandPatch p : layer) {
                occupied.insert(p.geometry().getEnvelopeInternal(),
                        p.geometry().isValid() ? p.geometry() : p.geometry().getEnvelope());
            }
        }
        for (Reservoir r : reservoirs) {
            occupied.insert(r.surface().getEnvelopeInternal(), r.surface());
        }
        Set<Integer> farmlandCells = new HashSet<>();
        for (LandPatch f : land.basicFarmland()) {
            farmlandCells.add(f.cell().id());
        }
        List<Site> out = new ArrayList<>();
        int serial = 1;
        for (int copy = 0; copy < copies; copy++) {
            for (Project p : PROJECTS) {
                String name = copies == 1 ? p.name() : p.name() + "（地块" + (copy + 1) + "）";
                double area = p.hectares() * 1e4 * (0.8 + 0.4 * rnd.nextDouble());
                double rot = rnd.nextDouble(Math.PI);
                Polygon shape = Site.CLEAN.equals(p.intent())
                        ? clearFootprint(layout.unit(p.unit()), occupied, area, p.aspect(), rot, cleanAttempts, rnd, gf)
                        : footprint(centre(p, layout, land, reservoirs, farmlandCells, rnd), area, p.aspect(), rot,
                                rnd, gf);
                out.add(new Site(String.format("XM-%05d", serial++), name, p.column(), p.category(), p.intent(),
                        shape));
            }
        }
        return out;
    }

    private static Coordinate centre(Project p, DistrictLayout layout, LandPlan land, List<Reservoir> reservoirs,
                                     Set<Integer> farmlandCells, SplittableRandom rnd) {
        switch (p.intent()) {
            case Site.BASIC_FARMLAND:
                return interiorOf(pickPatch(land.basicFarmland(), p.unit(), rnd));
            case Site.RED_LINE:
                return interiorOf(pickPatch(land.redLine(), p.unit(), rnd));
            case Site.CULTIVATED:
                return cultivatedOutsideFarmland(land, farmlandCells, p.unit(), rnd);
            case Site.NEAR_RESERVOIR: {
                List<Reservoir> inUnit = reservoirs.stream().filter(r -> r.unit() == p.unit() && r.medium()).toList();
                Reservoir r = inUnit.get(rnd.nextInt(inUnit.size()));
                Coordinate[] ring = r.surface().getExteriorRing().getCoordinates();
                return ring[rnd.nextInt(ring.length - 1)];
            }
            case Site.SPANS_UNITS: {
                Geometry inside = layout.divide().intersection(layout.outline().buffer(-3_000, 2));
                Coordinate[] cs = inside.getCoordinates();
                return cs[cs.length / 4 + rnd.nextInt(cs.length / 2)];
            }
            default:
                throw new IllegalArgumentException(p.intent());
        }
    }

    private static LandPatch pickPatch(List<LandPatch> patches, int unit, SplittableRandom rnd) {
        List<LandPatch> inUnit = patches.stream().filter(x -> x.unit() == unit).toList();
        return inUnit.get(rnd.nextInt(inUnit.size()));
    }

    private static Coordinate interiorOf(LandPatch p) {
        return p.geometry().getInteriorPoint().getCoordinate();
    }

    /** A point in the ring of cultivated land around a basic-farmland patch, or a patch with none. */
    private static Coordinate cultivatedOutsideFarmland(LandPlan land, Set<Integer> farmlandCells, int unit,
                                                        SplittableRandom rnd) {
        List<LandPatch> cult = land.cultivated().stream().filter(x -> x.unit() == unit).toList();
        for (int attempt = 0; attempt < 10_000; attempt++) {
            LandPatch c = cult.get(rnd.nextInt(cult.size()));
            if (!farmlandCells.contains(c.cell().id()) && c.geometry().isValid()) {
                return interiorOf(c);
            }
        }
        return interiorOf(cult.get(0));
    }

    /**
     * A footprint at least {@link #CLEARANCE} from every patch and reservoir. At county scale the patches are too
     * dense for that; after maxAttempts the last candidate is taken, so the label there is only the intent.
     */
    private static Polygon clearFootprint(Polygon unit, STRtree occupied, double area, double aspect, double rot,
                                          int maxAttempts, SplittableRandom rnd, GeometryFactory gf) {
        Envelope e = unit.getEnvelopeInternal();
        Polygon inner = (Polygon) unit.buffer(-500, 2);
        Polygon candidate = null;
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            Coordinate c = new Coordinate(e.getMinX() + rnd.nextDouble(e.getWidth()),
                    e.getMinY() + rnd.nextDouble(e.getHeight()));
            if (!inner.contains(gf.createPoint(c))) {
                continue;
            }
            candidate = footprint(c, area, aspect, rot, rnd, gf);
            Envelope probe = new Envelope(candidate.getEnvelopeInternal());
            probe.expandBy(CLEARANCE);
            boolean clear = true;
            for (Object o : occupied.query(probe)) {
                if (((Geometry) o).isWithinDistance(candidate, CLEARANCE)) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                return candidate;
            }
        }
        return candidate;
    }

    private static Polygon footprint(Coordinate c, double area, double aspect, double rot, SplittableRandom rnd,
                                     GeometryFactory gf) {
        double w = Math.sqrt(area * aspect);
        double h = area / w;
        double[][] corners = {{-w / 2, -h / 2}, {0.1 * w, -h / 2 - 0.08 * h * rnd.nextDouble()}, {w / 2, -h / 2},
            {w / 2 + 0.05 * w * rnd.nextDouble(), h / 2}, {-w / 2, h / 2}};
        Coordinate[] ring = new Coordinate[corners.length + 1];
        for (int i = 0; i < corners.length; i++) {
            double x = corners[i][0];
            double y = corners[i][1];
            ring[i] = new Coordinate(c.x + x * Math.cos(rot) - y * Math.sin(rot), c.y + x * Math.sin(rot) + y * Math.cos(rot));
        }
        ring[corners.length] = ring[0].copy();
        return gf.createPolygon(ring);
    }
}
