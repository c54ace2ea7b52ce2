package cn.basinguard.core.check;

/**
 * An area as Chinese land surveys report it: the ellipsoidal area on the CGCS2000 ellipsoid (国土调查办发〔2008〕32号,
 * the 三调 method) with the planar Gauss–Krüger area alongside. Both in m², unrounded: rounding happens once, where a
 * figure is shown, so that the window, the JSON and the printed sheet agree.
 */
public record MeasuredArea(double m2, double planarM2) {
    public static final MeasuredArea ZERO = new MeasuredArea(0, 0);
    /** 1 亩 = 10000/15 m². */
    public static final double M2_PER_MU = 10000.0 / 15.0;

    public MeasuredArea plus(MeasuredArea other) {
        return new MeasuredArea(m2 + other.m2, planarM2 + other.planarM2);
    }

    public double hectares() {
        return m2 / 10_000.0;
    }

    public double mu() {
        return m2 / M2_PER_MU;
    }

    public double wanMu() {
        return mu() / 10_000.0;
    }

    public boolean isZero() {
        return m2 == 0 && planarM2 == 0;
    }
}
