package cn.basinguard.core.check;

import cn.basinguard.core.measure.AreaUnits;

/**
 * An area as Chinese land surveys report it: the ellipsoidal area on the CGCS2000 ellipsoid (国土调查办发〔2008〕32号,
 * the 三调 method) with the planar Gauss–Krüger area alongside. Both in m², unrounded: rounding happens once, where a
 * figure is shown ({@link AreaUnits}), so that the window, the JSON and the printed sheet agree.
 */
public record MeasuredArea(double m2, double planarM2) {
    public static final MeasuredArea ZERO = new MeasuredArea(0, 0);

    public MeasuredArea plus(MeasuredArea other) {
        return new MeasuredArea(m2 + other.m2, planarM2 + other.planarM2);
    }

    public MeasuredArea minus(MeasuredArea other) {
        return new MeasuredArea(m2 - other.m2, planarM2 - other.planarM2);
    }

    public double mu() {
        return AreaUnits.toMu(m2);
    }

    public double wanMu() {
        return AreaUnits.toWanMu(m2);
    }

    public boolean isZero() {
        return m2 == 0 && planarM2 == 0;
    }
}
