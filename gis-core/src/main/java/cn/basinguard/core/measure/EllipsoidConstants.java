package cn.basinguard.core.measure;

/**
 * The constants of 国土调查办发〔2008〕32号 for one ellipsoid, exactly as the document (IAG-75 for Xi'an 1980) and
 * the 三调 evaluation tools (CGCS2000) print them, plus the trapezoid series coefficients derived from the FIRST
 * eccentricity (the 32号 pseudocode's use of e'² makes areas 2.5e-5 too large; cn-standards §1.5).
 */
public final class EllipsoidConstants {
    public static final EllipsoidConstants CGCS2000 = new EllipsoidConstants("CGCS2000", 6378137, 6356752.31414036,
        0.0066943800229, 0.00673949677548, 6399593.62586,
        1.57048761144159E-07, 5.05250178820567E-03, 2.98472900956587E-05, 2.41626669230084E-07, 2.22241238938534E-09);

    public static final EllipsoidConstants XIAN1980 = new EllipsoidConstants("IAG-75 (Xian 1980)", 6378140, 6356755.29,
        6.69438499958795E-03, 6.73950181947292E-03, 6399596.65198801,
        1.57048687472752E-07, 5.05250559291393E-03, 2.98473350966158E-05, 2.41627215981336E-07, 2.22241909461273E-09);

    /** ρ″ of the 32号 text: arc-seconds per radian. */
    public static final double RHO_SECONDS = 206264.8062471;

    final String name;
    final double a;
    final double b;
    final double e2;
    final double ep2;
    final double c;
    final double k0;
    final double k1;
    final double k2;
    final double k3;
    final double k4;
    // trapezoid series
    final double twoBSquared;
    final double sa;
    final double sb;
    final double sc;
    final double sd;
    final double se;

    private EllipsoidConstants(String name, double a, double b, double e2, double ep2, double c,
                               double k0, double k1, double k2, double k3, double k4) {
        this.name = name;
        this.a = a;
        this.b = b;
        this.e2 = e2;
        this.ep2 = ep2;
        this.c = c;
        this.k0 = k0;
        this.k1 = k1;
        this.k2 = k2;
        this.k3 = k3;
        this.k4 = k4;
        double e4 = e2 * e2;
        double e6 = e4 * e2;
        double e8 = e6 * e2;
        this.twoBSquared = 2 * b * b;
        this.sa = 1 + 3.0 / 6 * e2 + 30.0 / 80 * e4 + 35.0 / 112 * e6 + 630.0 / 2304 * e8;
        this.sb = 1.0 / 6 * e2 + 15.0 / 80 * e4 + 21.0 / 112 * e6 + 420.0 / 2304 * e8;
        this.sc = 3.0 / 80 * e4 + 7.0 / 112 * e6 + 180.0 / 2304 * e8;
        this.sd = 1.0 / 112 * e6 + 45.0 / 2304 * e8;
        this.se = 5.0 / 2304 * e8;
    }

    public String name() {
        return name;
    }

    public double semiMajorAxis() {
        return a;
    }

    public double semiMinorAxis() {
        return b;
    }

    /** First eccentricity squared, (a² − b²)/a². */
    public double firstEccentricitySquared() {
        return e2;
    }

    /**
     * 32号 formula 2: the area of the ellipsoidal trapezoid between latitudes b1 and b2 (radians) over a longitude
     * span dL (radians), signed like dL·(b2 − b1).
     */
    public double trapezoid(double b1, double b2, double dL) {
        double half = 0.5 * (b2 - b1);
        double bm = 0.5 * (b1 + b2);
        // sin(kx) and cos(kx) for k = 1, 3, 5, 7, 9 by the Chebyshev recurrence: 2 trig calls per edge instead of 10
        // half an edge's span of latitude: under 1e-3 rad for any edge the 32号 sum is given (densified to 70 m), where
        // the series to the fifth power is the sine to the last bit; a longer one (a check of far-apart points) calls it
        double h2 = half * half;
        double s1 = Math.abs(half) < 1e-3 ? half * (1 - h2 / 6 * (1 - h2 / 20)) : Math.sin(half);
        double twoCos2x = 2 * (1 - 2 * s1 * s1);
        double s3 = s1 * (twoCos2x + 1);
        double s5 = twoCos2x * s3 - s1;
        double s7 = twoCos2x * s5 - s3;
        double s9 = twoCos2x * s7 - s5;
        double c1 = Math.cos(bm);
        double twoCos2b = 2 * (2 * c1 * c1 - 1);
        double c3 = c1 * (twoCos2b - 1);
        double c5 = twoCos2b * c3 - c1;
        double c7 = twoCos2b * c5 - c3;
        double c9 = twoCos2b * c7 - c5;
        return twoBSquared * dL * (sa * s1 * c1 - sb * s3 * c3 + sc * s5 * c5 - sd * s7 * c7 + se * s9 * c9);
    }
}
