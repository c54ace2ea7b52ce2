package cn.basinguard.data;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * The 坐落单位 (village) of a place and its code, and the 权属单位 (owner) of collective land there, derived from the
 * position so neighbouring patches share a village as in real 三调 data. The townships are the real ones of 曾都区 (public
 * names): the four 街道 (东城、西城、南郊、北郊) around the city centre ({@link LandUseMosaic#CITY_X}), 洛阳镇 and 府河镇
 * in 涢水片区, 万店镇 and 何店镇 in 㵐水片区 (the towns' extents here are invented). Village and community names are
 * made up. Codes: 421303 + township (3) + village (3) + 0000000, 19 characters; townships 001–004 for the 街道, 101–104
 * for the 镇; villages 2xx (村民委员会), communities 0xx (社区居民委员会).
 */
final class Villages {
    private static final String[] STREETS = {"东城街道", "西城街道", "南郊街道", "北郊街道"};
    private static final String[][] TOWNS = {{"洛阳镇", "府河镇"}, {"万店镇", "何店镇"}};
    private static final int[][] TOWN_CODES = {{102, 103}, {104, 101}};
    private static final String[] A = {"大", "小", "黄", "石", "龙", "柳", "杨", "马", "松", "金", "桃", "双"};
    private static final String[] B = {"冲", "岗", "湾", "店", "畈", "坡", "寨", "堰", "庙", "岭"};
    private static final double VILLAGE_SIZE = 2_500;

    private final Envelope[] units;
    private final Coordinate city;
    /** How far from the city centre the 街道 reach (the land-use layer's town land lies inside). */
    private final double streetReach;

    Villages(DistrictLayout layout) {
        units = new Envelope[] {layout.yunshui().getEnvelopeInternal(), layout.zhangshui().getEnvelopeInternal()};
        Envelope d = layout.outline().getEnvelopeInternal();
        city = new Coordinate(d.getMinX() + LandUseMosaic.CITY_X * d.getWidth(), d.getMinY() + LandUseMosaic.CITY_Y * d.getHeight());
        streetReach = LandUseMosaic.CITY_RADIUS * 1.8;
    }

    /** {code, name} of the village a patch lies in. */
    String[] of(int unit, Polygon patch) {
        return at(unit, patch.getEnvelopeInternal());
    }

    /** {code, name} of the village of a patch with this envelope. */
    String[] at(int unit, Envelope patch) {
        String[] t = township(unit, patch.centre());
        Envelope u = units[unit];
        int vx = (int) ((patch.centre().x - u.getMinX()) / VILLAGE_SIZE);
        int vy = (int) ((patch.centre().y - u.getMinY()) / VILLAGE_SIZE);
        int village = Math.floorMod(vx * 31 + vy * 17, 120);
        boolean street = t[1].endsWith("街道");
        String name = t[1] + A[village % A.length] + B[village / A.length % B.length] + (street ? "社区" : "村");
        String code = String.format("421303%s%03d0000000", t[0], street ? village % 100 : 200 + village);
        return new String[] {code, name};
    }

    /** {code, name} of the owner of collective land in a village: its 村民委员会 / 社区居民委员会. */
    static String[] collectiveOwner(String[] village) {
        return new String[] {village[0], village[1] + (village[1].endsWith("社区") ? "居民委员会" : "民委员会")};
    }

    /** {code, name} of the owner of state land in a village: the township's state land (国有土地). */
    static String[] stateOwner(String[] village) {
        String town = village[1].substring(0, village[1].indexOf(village[1].contains("街道") ? "街道" : "镇") + (village[1].contains("街道") ? 2 : 1));
        return new String[] {village[0].substring(0, 9) + "0000000000", town + "国有土地"};
    }

    /** {code (3 digits), name} of the township at a point. */
    private String[] township(int unit, Coordinate c) {
        if (c.distance(city) < streetReach) {
            int quadrant = Math.abs(c.x - city.x) > Math.abs(c.y - city.y) ? (c.x > city.x ? 0 : 1) : (c.y < city.y ? 2 : 3);
            return new String[] {String.format("%03d", quadrant + 1), STREETS[quadrant]};
        }
        Envelope u = units[unit];
        int town = Math.min(1, (int) ((u.getMaxY() - c.y) / u.getHeight() * 2));
        return new String[] {String.valueOf(TOWN_CODES[unit][town]), TOWNS[unit][town]};
    }
}
