package cn.basinguard.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Places the annex-3 reservoir counts as irregular water surfaces inside each unit, before any land patch, so
 * that farmland and red-line cells can simply avoid them. Names come from the seed where it gives them.
 */
final class ReservoirPlanner {
    private static final double CLEARANCE = 400;

    /** name, alias, unit, medium, algal-bloom watch (二(一)2 5)), drinking-water source level (二(一)2 6)). */
    private record Named(String name, String alias, int unit, boolean medium, boolean bloom, String drinking) {
    }

    private static final List<Named> NAMED = List.of(
            new Named("白果河水库", null, 0, true, true, "乡镇级（千吨万人）"),
            new Named("桃园河水库", "桃源河水库", 0, true, true, "乡镇级（千吨万人）"),
            new Named("先觉庙水库", null, 1, true, true, "县级以上"),
            new Named("两河口水库", null, 0, false, true, null),
            new Named("新庙水库", null, 0, false, true, "乡镇级（千吨万人）"),
            new Named("白云湖水库", "白云湖库区", 0, false, true, null),
            new Named("郑家河水库", "漳河郑家河水库", 1, false, false, null));

    private static final String[] FIRST = {"大", "小", "黄", "石", "龙", "柳", "杨", "马", "松", "金", "严", "何",
            "刘", "陈", "团", "双", "青", "枣", "桐", "熊", "胡", "李", "樊", "雷", "唐", "周", "邓", "罗"};
    private static final String[] SECOND = {"冲", "岗", "湾", "店", "沟", "垭", "畈", "坡", "寨", "堰", "庙", "山",
            "岭", "湖", "桥", "家", "塘", "洼"};

    private ReservoirPlanner() {
    }

    static List<Reservoir> plan(DistrictLayout layout, SplittableRandom rnd, GeometryFactory gf) {
        List<Reservoir> out = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Named n : NAMED) {
            used.add(n.name());
        }
        for (int u = 0; u < 2; u++) {
            PreparedGeometry unit = PreparedGeometryFactory.prepare(layout.unit(u).buffer(-CLEARANCE, 2));
            int serial = 1;
            for (int medium = 1; medium >= 0; medium--) {
                int count = medium == 1 ? Annex3.MEDIUM_RESERVOIRS[u] : Annex3.SMALL_RESERVOIRS[u];
                List<Named> names = new ArrayList<>();
                for (Named n : NAMED) {
                    if (n.unit() == u && n.medium() == (medium == 1)) {
                        names.add(n);
                    }
                }
                for (int i = 0; i < count; i++) {
                    Named n = i < names.size() ? names.get(i)
                            : new Named(freshName(rnd, used), null, u, medium == 1, false, null);
                    Polygon surface = place(unit, out, medium == 1, rnd, gf);
                    String code = String.format("421303-SK-%d%03d", u + 1, serial++);
                    out.add(new Reservoir(code, n.name(), n.alias(), n.medium(), u, surface, n.bloom(), n.drinking()));
                }
            }
        }
        return out;
    }

    private static String freshName(SplittableRandom rnd, Set<String> used) {
        while (true) {
            String s = FIRST[rnd.nextInt(FIRST.length)] + FIRST[rnd.nextInt(FIRST.length)]
                    + SECOND[rnd.nextInt(SECOND.length)] + "水库";
            if (used.add(s)) {
                return s;
            }
        }
    }

    private static Polygon place(PreparedGeometry unit, List<Reservoir> placed, boolean medium,
                                 SplittableRandom rnd, GeometryFactory gf) {
        Envelope env = unit.getGeometry().getEnvelopeInternal();
        double area = medium ? 1.8e6 + rnd.nextDouble(1.5e6) : 2.5e4 + rnd.nextDouble() * rnd.nextDouble() * 3.5e5;
        for (int attempt = 0; ; attempt++) {
            Coordinate c = new Coordinate(env.getMinX() + rnd.nextDouble(env.getWidth()),
                    env.getMinY() + rnd.nextDouble(env.getHeight()));
            Polygon p = lobedEllipse(c, area, rnd, gf);
            if (!unit.contains(p)) {
                continue;
            }
            boolean clear = true;
            for (Reservoir r : placed) {
                if (r.surface().isWithinDistance(p, CLEARANCE)) {
                    clear = false;
                    break;
                }
            }
            if (clear || attempt > 10_000) {
                return p;
            }
        }
    }

    private static Polygon lobedEllipse(Coordinate c, double area, SplittableRandom rnd, GeometryFactory gf) {
        int n = 28;
        double aspect = 1.3 + rnd.nextDouble(1.4);
        double rot = rnd.nextDouble(Math.PI);
        double a = Math.sqrt(area * aspect / Math.PI);
        double b = a / aspect;
        double p1 = rnd.nextDouble(6.28);
        double p2 = rnd.nextDouble(6.28);
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            // branching arms, as dammed valleys have, rather than a smooth oval
            double r = 1 + 0.22 * Math.sin(3 * t + p1) + 0.1 * Math.sin(5 * t + p2);
            double x = a * r * Math.cos(t);
            double y = b * r * Math.sin(t);
            ring[i] = new Coordinate(c.x + x * Math.cos(rot) - y * Math.sin(rot),
                    c.y + x * Math.sin(rot) + y * Math.cos(rot));
        }
        ring[n] = ring[0].copy();
        return gf.createPolygon(ring);
    }
}
