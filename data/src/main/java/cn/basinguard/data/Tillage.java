package cn.basinguard.data;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * What the 耕地 of a cell is: 水田 / 水浇地 / 旱地, its slope class (耕地坡度级别 GDPDJB 1–5: ≤2°, 2–6°, 6–15°, 15–25°,
 * >25°), its 田坎 coefficient (KCXS) and its kind (GDLX: TT 梯田, PD 坡地; none on flat land). The slope follows the
 * land: the hilly north-west is steeper, as the red line's placement has it. KCXS rises with the slope as the
 * provinces' 三调 tables do (0 on flat land, about 0.05 more per class); these values are illustrative, not Hubei's
 * published table. A pure function of the cell's place, so the writer and the planner agree.
 */
record Tillage(String dlbm, String dlmc, int slopeClass, double kcxs, String gdlx) {
    static final double[] KCXS_BY_SLOPE = {0.0, 0.05, 0.10, 0.15, 0.20};

    static Tillage of(Polygon cell, Envelope unit) {
        Coordinate c = cell.getEnvelopeInternal().centre();
        double west = (unit.getMaxX() - c.x) / unit.getWidth();
        double north = (c.y - unit.getMinY()) / unit.getHeight();
        long h = CellGrid.mix(Double.doubleToLongBits(c.x) * 31 + Double.doubleToLongBits(c.y));
        double noise = CellGrid.unit(h);
        int slope = (int) Math.max(1, Math.min(5, Math.floor(1 + (west + north) * 1.6 + 1.6 * noise - 0.6)));
        double kind = CellGrid.unit(CellGrid.mix(h + 0x9E3779B97F4A7C15L));
        String dlbm;
        if (slope <= 2) {
            dlbm = kind < 0.75 ? "0101" : kind < 0.80 ? "0102" : "0103";
        } else {
            dlbm = kind < 0.40 ? "0101" : "0103";
        }
        String dlmc = switch (dlbm) {
            case "0101" -> "水田";
            case "0102" -> "水浇地";
            default -> "旱地";
        };
        String gdlx = slope == 1 ? null : "0103".equals(dlbm) ? "PD" : "TT";
        return new Tillage(dlbm, dlmc, slope, KCXS_BY_SLOPE[slope - 1], gdlx);
    }

    /** The share of the patch's area that is 耕地 (the rest is 田坎). */
    double net() {
        return 1 - kcxs;
    }
}
