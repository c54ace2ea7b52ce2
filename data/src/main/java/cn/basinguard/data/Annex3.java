package cn.basinguard.data;

/**
 * Figures of the seed's annex 3 (曾都区流域治理单元底线管控清单) per basin unit, index 0 = 涢水片区,
 * 1 = 㵐水片区. Areas in 万亩.
 */
final class Annex3 {
    static final String[] UNIT_NAMES = {"涢水片区", "㵐水片区"};
    static final String[] UNIT_CODES = {"421303-LY-01", "421303-LY-02"};
    static final String[] UNIT_CLAUSES = {"附件3 一、涢水片区", "附件3 二、㵐水片区"};
    static final double[] CULTIVATED_WANMU = {31.26, 29.51};
    static final double[] BASIC_FARMLAND_WANMU = {24.76, 21.87};
    static final double[] RED_LINE_WANMU = {13.72, 1.39};
    static final int[] MEDIUM_RESERVOIRS = {2, 1};
    static final int[] SMALL_RESERVOIRS = {66, 25};

    /** 1 万亩 = 10 000 亩 × 10 000/15 m². */
    static final double M2_PER_WANMU = 1e4 * 1e4 / 15.0;

    /**
     * Deliberate calibration offset so a demo shows a failing unit: 㵐水片区 holds 1.5 % less cultivated land
     * than annex 3 requires. Every other figure is hit within ±0.3 %.
     */
    static final double ZHANGSHUI_CULTIVATED_SHORTFALL = 0.015;

    /**
     * Every total meant to pass is calibrated this much above its target. The generator calibrates planar
     * Gauss–Krüger areas, while the checks compare the ellipsoidal area (about 1e-4 smaller here) rounded to
     * 0.01 万亩; a total placed exactly on 31.26 would show as 31.25 and fail. +0.1 % leaves room on both sides:
     * far above the ellipsoidal loss, far below the ±0.3 % a total may deviate.
     */
    static final double PASS_MARGIN = 0.001;

    private Annex3() {
    }

    static double wanmuToM2(double wanmu) {
        return wanmu * M2_PER_WANMU;
    }

    /** The planar area (m²) a passing total is calibrated to: the target plus {@link #PASS_MARGIN}. */
    static double passingM2(double wanmu) {
        return wanmuToM2(wanmu) * (1 + PASS_MARGIN);
    }
}
