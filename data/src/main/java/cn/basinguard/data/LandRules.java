package cn.basinguard.data;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Decides what a cell of the tiled generator carries, as the in-memory {@link LandPlanner} does by sorting: red line
 * on the hilly north-west (ranked by west + north + noise, small-patch shapes), cultivated land ranked south-east
 * first with more noise, basic farmland on most cultivated patches. In the big-polygon shape the red line is given
 * ({@link RedCorridors}): cells whose seed lies in it carry nothing, and farmland ranks higher in the valleys along
 * the corridors. The thresholds are bins of a {@link ScoreHistogram}, chosen by the planning passes from the cells'
 * exact areas; a cell is compared by its score's bin, so planning and building agree to the last cell.
 */
final class LandRules {
    /** What a cell carries. */
    enum Use { RED, CULTIVATED, FREE, COVERED }

    /** Cells are chosen until their area is this much above the target, so patches shrink to ~85 % in area. */
    static final double CELL_SURPLUS = 1 / 0.85;
    private static final double VALLEY_BONUS = 2.0;

    private final TiledLayout tl;
    private final Envelope[] unitEnvelopes = new Envelope[2];
    /** Per unit: the lowest score bin that is red line (small patches) / cultivated land. */
    final int[] redBin = {Integer.MAX_VALUE, Integer.MAX_VALUE};
    final int[] cultivatedBin = {Integer.MAX_VALUE, Integer.MAX_VALUE};

    LandRules(TiledLayout tl) {
        this.tl = tl;
        for (int u = 0; u < 2; u++) {
            unitEnvelopes[u] = tl.layout.unit(u).getEnvelopeInternal();
        }
    }

    boolean bigPolygons() {
        return tl.corridors != null;
    }

    double hill(int u, double x, double y, CellGrid.Draws d) {
        Envelope env = unitEnvelopes[u];
        double west = (env.getMaxX() - x) / env.getWidth();
        double north = (y - env.getMinY()) / env.getHeight();
        return west + north + 0.5 * d.hillNoise();
    }

    double cultivatedScore(int u, double x, double y, CellGrid.Draws d) {
        double s = -hill(u, x, y, d) + 1.2 * d.restNoise();
        if (bigPolygons()) {
            s += VALLEY_BONUS * (1 - tl.corridors.distance(x, y) / RedCorridors.VALLEY_REACH);
        }
        return s;
    }

    boolean covered(double x, double y) {
        return bigPolygons() && tl.corridors.covering(new Coordinate(x, y), tl.gf) >= 0;
    }

    boolean red(int u, double hill) {
        return !bigPolygons() && ScoreHistogram.bin(hill) >= redBin[u];
    }

    boolean cultivated(int u, double cultivatedScore) {
        return ScoreHistogram.bin(cultivatedScore) >= cultivatedBin[u];
    }

    /** The use of a seed point alone (for placing sites): nearWater as estimated, containers not considered. */
    Use useOfSeed(int u, double x, double y, CellGrid.Draws d, boolean nearWater) {
        if (covered(x, y)) {
            return Use.COVERED;
        }
        if (nearWater) {
            return Use.FREE;
        }
        if (red(u, hill(u, x, y, d))) {
            return Use.RED;
        }
        return cultivated(u, cultivatedScore(u, x, y, d)) ? Use.CULTIVATED : Use.FREE;
    }
}
