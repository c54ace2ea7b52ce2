package cn.basinguard.data;

import cn.basinguard.core.crs.GeometryTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The six annex-3 sections plus the three that only section 二(一)2 names, with a year of monthly classes.
 * 漂水河出境 is made to miss its ≥ 90 % 优良率 target (10 of 12 months good); all others meet theirs.
 */
final class SectionPlanner {
    static final int YEAR = 2024;
    private static final String[] GOOD = {"II", "III", "III", "II", "III", "I"};

    private record Spec(String name, String level, int unit, boolean annex3, String listedIn, String[] bad) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("涢水大桥", "国控", 0, true, "附件3 一、涢水片区；二(一)2", new String[0]),
            new Spec("洛阳揭家垄村", "国控", 0, true, "附件3 一、涢水片区；二(一)2", new String[0]),
            new Spec("浪河出境", "市控", 0, true, "附件3 一、涢水片区", new String[] {"IV"}),
            new Spec("漂水河大桥", "省控", 1, true, "附件3 二、㵐水片区；二(一)2", new String[0]),
            new Spec("漂水河出境", "市控", 1, true, "附件3 二、㵐水片区", new String[] {"IV", "V"}),
            new Spec("浆溪店河出境", "市控", 1, true, "附件3 二、㵐水片区", new String[0]),
            new Spec("自来水厂", "省控", 0, false, "二(一)2（附件3未列）", new String[0]),
            new Spec("先觉庙库心", "省控", 1, false, "二(一)2（附件3未列）", new String[0]),
            new Spec("漳河郑家河水库", "市控", 1, false, "二(一)2（附件3未列）", new String[0]));

    private SectionPlanner() {
    }

    static List<Section> plan(DistrictLayout layout, List<Reservoir> reservoirs, SplittableRandom rnd,
                              GeometryFactory gf) {
        List<Section> out = new ArrayList<>();
        int serial = 1;
        for (Spec s : SPECS) {
            Coordinate at = location(s, layout, reservoirs, rnd, gf);
            String[] months = new String[12];
            for (int m = 0; m < 12; m++) {
                months[m] = GOOD[rnd.nextInt(GOOD.length)];
            }
            for (int b = 0; b < s.bad().length; b++) {
                months[(3 + 4 * b + rnd.nextInt(3)) % 12] = s.bad()[b];
            }
            double target = "市控".equals(s.level()) ? 0.90 : 1.00;
            String cmp = "市控".equals(s.level()) ? "≥" : "=";
            out.add(new Section(String.format("421303-DM-%02d", serial++), s.name(), s.level(), s.unit(), target, cmp,
                    s.annex3(), s.listedIn(), lonLat(at), months));
        }
        return out;
    }

    private static Coordinate lonLat(Coordinate gk) {
        double[] ll = GeometryTransformer.shared().transform(gk.x, gk.y, SampleCrs.GK_CM114, SampleCrs.LON_LAT);
        return new Coordinate(ll[0], ll[1]);
    }

    private static Coordinate location(Spec s, DistrictLayout layout, List<Reservoir> reservoirs,
                                       SplittableRandom rnd, GeometryFactory gf) {
        for (Reservoir r : reservoirs) {
            if (s.name().startsWith(r.name().replace("水库", "")) || s.name().contains(r.name())
                    || (r.alias() != null && s.name().equals(r.alias()))) {
                return r.surface().getInteriorPoint().getCoordinate();
            }
        }
        Polygon unit = (Polygon) layout.unit(s.unit()).buffer(-1_000, 2);
        Envelope e = unit.getEnvelopeInternal();
        while (true) {
            Coordinate c = new Coordinate(e.getMinX() + rnd.nextDouble(e.getWidth()),
                    e.getMinY() + rnd.nextDouble(e.getHeight()));
            if (unit.contains(gf.createPoint(c))) {
                return c;
            }
        }
    }
}
