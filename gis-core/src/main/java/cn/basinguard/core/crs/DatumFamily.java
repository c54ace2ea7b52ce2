package cn.basinguard.core.crs;

/**
 * The geodetic datums Chinese planning data comes in. What matters to the checks is how well a coordinate can be
 * moved to CGCS2000: WGS84 agrees with it to well under a metre (treated as identity); the two older national datums
 * differ by tens of metres and their official conversion parameters are not public.
 */
public enum DatumFamily {
    CGCS2000("CGCS2000", "2000国家大地坐标系", DatumShift.NONE),
    WGS84("WGS 84", "WGS84坐标系", DatumShift.IDENTITY_SUB_METRE),
    XIAN1980("Xian 1980", "1980西安坐标系", DatumShift.APPROXIMATE),
    BEIJING1954("Beijing 1954", "1954北京坐标系", DatumShift.APPROXIMATE),
    OTHER("other", "其他坐标系", DatumShift.APPROXIMATE);

    private final String nameEn;
    private final String nameZh;
    private final DatumShift toCgcs2000;

    DatumFamily(String nameEn, String nameZh, DatumShift toCgcs2000) {
        this.nameEn = nameEn;
        this.nameZh = nameZh;
        this.toCgcs2000 = toCgcs2000;
    }

    public String nameEn() {
        return nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    /** How trustworthy a move from this datum to CGCS2000 is. */
    public DatumShift shiftToCgcs2000() {
        return toCgcs2000;
    }
}
