package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Places key projects of the seed's 专栏 1–9 as site polygons: some clean, some on basic farmland, on the
 * red line, on ordinary cultivated land, next to a reservoir, and some across the unit boundary.
 */
final class SitePlanner {
    record Project(String name, String column, String category, String intent, int unit, double hectares,
                           double aspect) {
    }

    static final List<Project> PROJECTS = List.of(
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
     * Each site is drawn again (new spot, new rotation; the same stream, so still deterministic) until
     * {@link SiteFit} confirms that its real overlaps match its SLYT.
     *
     * @param attempts candidates per site; at county density a matching spot hardly exists, so a small number keeps
     *                 generation fast there
     * @param strict   when no candidate fits: fail (sample scale, whose SLYT must be true) or keep the last one
     *                 (county scale, where SLYT is only the intent)
     */
    static List<Site> plan(DistrictLayout layout, LandPlan land, List<Reservoir> reservoirs, int copies,
                           int attempts, boolean strict, SplittableRandom rnd, GeometryFactory gf) {
        SiteFit fit = new SiteFit(layout, land, reservoirs);
        Spots spots = new Spots(layout, land, reservoirs, gf);
        List<Site> out = new ArrayList<>();
        int serial = 1;
        for (int copy = 0; copy < copies; copy++) {
            for (Project p : PROJECTS) {
                String name = copies == 1 ? p.name() : p.name() + "（地块" + (copy + 1) + "）";
                double area = p.hectares() * 1e4 * (0.8 + 0.4 * rnd.nextDouble());
                Placement at = place(p, area, fit, spots, attempts, rnd, gf);
                if (!at.fits() && strict) {
                    throw new IllegalStateException("no spot where " + name + " does what its SLYT (" + p.intent()
                            + ") says after " + attempts + " attempts; try another seed");
                }
                out.add(new Site(String.format("XM-%05d", serial++), name, p.column(), p.category(), p.intent(),
                        at.shape()));
            }
        }
        return out;
    }

    private record Placement(Polygon shape, boolean fits) {
    }

    /** The first candidate that fits, or the last one drawn. */
    private static Placement place(Project p, double area, SiteFit fit, Spots spots, int attempts, SplittableRandom rnd,
                                   GeometryFactory gf) {
        Polygon last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            double rot = rnd.nextDouble(Math.PI);
            last = footprint(spots.centre(p.intent(), p.unit(), rnd), area, p.aspect(), rot, rnd, gf);
            if (fit.fits(p.intent(), p.unit(), last)) {
                return new Placement(last, true);
            }
        }
        return new Placement(last, false);
    }

    static Polygon footprint(Coordinate c, double area, double aspect, double rot, SplittableRandom rnd,
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
