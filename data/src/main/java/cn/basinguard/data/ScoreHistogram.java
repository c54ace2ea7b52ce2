package cn.basinguard.data;

/**
 * Area by score in fine bins, for choosing "the highest-ranked cells until their area reaches X" without keeping the
 * cells: the streaming counterpart of sorting every cell by its score.
 */
final class ScoreHistogram {
    private static final double MIN = -4;
    private static final double MAX = 4;
    private static final int BINS = 1 << 16;
    private final double[] area = new double[BINS];

    void add(double score, double a) {
        area[bin(score)] += a;
    }

    /**
     * The highest bin B such that cells in bins ≥ B hold at least {@code wanted} m²; throws if all of them together
     * hold less.
     */
    int binFromTop(double wanted, String what) {
        double sum = 0;
        for (int b = BINS - 1; b >= 0; b--) {
            sum += area[b];
            if (sum >= wanted) {
                return b;
            }
        }
        throw new IllegalStateException("unit too small for the " + what + " area: " + sum + " m² < " + wanted + " m²");
    }

    /** The area in bins ≥ {@code from}. */
    double areaFrom(int from) {
        double sum = 0;
        for (int b = BINS - 1; b >= from; b--) {
            sum += area[b];
        }
        return sum;
    }

    static int bin(double score) {
        int b = (int) Math.floor((score - MIN) / (MAX - MIN) * BINS);
        return Math.max(0, Math.min(BINS - 1, b));
    }
}
