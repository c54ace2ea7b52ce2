package cn.basinguard.data;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * Made-up 坐落单位 (village) names and 19-character codes (421303 + town + village + 0000000) derived from a
 * patch's position, so neighbouring patches share a village as in real 三调 data.
 */
final class Villages {
    private static final String[][] TOWNS = {{"洛阳镇", "府河镇", "北郊街道"}, {"万店镇", "何店镇", "南郊街道", "东城街道"}};
    private static final String[] A = {"大", "小", "黄", "石", "龙", "柳", "杨", "马", "松", "金", "桃", "双"};
    private static final String[] B = {"冲", "岗", "湾", "店", "畈", "坡", "寨", "堰", "庙", "岭"};
    private static final double VILLAGE_SIZE = 2_500;

    private final Envelope[] units;

    Villages(DistrictLayout layout) {
        units = new Envelope[] {layout.yunshui().getEnvelopeInternal(), layout.zhangshui().getEnvelopeInternal()};
    }

    /** {code, name} of the village a patch lies in. */
    String[] of(int unit, Polygon patch) {
        return at(unit, patch.getEnvelopeInternal());
    }

    /** {code, name} of the village of a patch with this envelope. */
    String[] at(int unit, Envelope patch) {
        Envelope u = units[unit];
        double x = patch.centre().x;
        double y = patch.centre().y;
        String[] towns = TOWNS[unit];
        int town = Math.min(towns.length - 1, (int) ((u.getMaxY() - y) / u.getHeight() * towns.length));
        int vx = (int) ((x - u.getMinX()) / VILLAGE_SIZE);
        int vy = (int) ((y - u.getMinY()) / VILLAGE_SIZE);
        int village = Math.floorMod(vx * 31 + vy * 17, 120);
        String name = towns[town] + A[village % A.length] + B[village / A.length % B.length] + "村";
        String code = String.format("421303%03d%03d0000000", 100 + unit * 10 + town, village + 200);
        return new String[] {code, name};
    }
}
