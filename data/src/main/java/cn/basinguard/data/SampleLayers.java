package cn.basinguard.data;

/** Table names of the sample GeoPackage; the 三调 / 三区三线 layer names where the standards define one. */
public final class SampleLayers {
    public static final String UNITS = "LYZLDY";
    public static final String CULTIVATED = "DLTB";
    public static final String BASIC_FARMLAND = "YJJBNTTB";
    public static final String RED_LINE = "STBHHX";
    public static final String RESERVOIRS = "SKSM";
    public static final String SECTIONS = "JCDM";
    public static final String SITES = "XMXZ";
    public static final String TARGETS = "DXZB";
    public static final String NOTES = "SJSM";
    public static final String DEFECTS = "YLQX";

    private SampleLayers() {
    }
}
