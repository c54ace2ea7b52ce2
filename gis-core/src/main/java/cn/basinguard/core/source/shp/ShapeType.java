package cn.basinguard.core.source.shp;

/** The shape types of the ESRI Shapefile Technical Description (1998), with what each carries. */
enum ShapeType {
    NULL(0, "NONE", false, false),
    POINT(1, "POINT", false, false),
    POLYLINE(3, "LINESTRING", false, false),
    POLYGON(5, "POLYGON", false, false),
    MULTIPOINT(8, "MULTIPOINT", false, false),
    POINTZ(11, "POINT", true, true),
    POLYLINEZ(13, "LINESTRING", true, true),
    POLYGONZ(15, "POLYGON", true, true),
    MULTIPOINTZ(18, "MULTIPOINT", true, true),
    POINTM(21, "POINT", false, true),
    POLYLINEM(23, "LINESTRING", false, true),
    POLYGONM(25, "POLYGON", false, true),
    MULTIPOINTM(28, "MULTIPOINT", false, true),
    MULTIPATCH(31, "POLYGON", true, true);

    final int code;
    /** The geometry type the layer declares, in GeoPackage words (a polygon layer may hold multipolygons). */
    final String geometryType;
    final boolean z;
    /** Z types carry an optional M too. */
    final boolean m;

    ShapeType(int code, String geometryType, boolean z, boolean m) {
        this.code = code;
        this.geometryType = geometryType;
        this.z = z;
        this.m = m;
    }

    static ShapeType of(int code) {
        for (ShapeType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** Point, line or area: a layer's records must all be of one family (NULL fits all). */
    int family() {
        return switch (this) {
            case NULL -> -1;
            case POINT, POINTZ, POINTM, MULTIPOINT, MULTIPOINTZ, MULTIPOINTM -> 0;
            case POLYLINE, POLYLINEZ, POLYLINEM -> 1;
            case POLYGON, POLYGONZ, POLYGONM, MULTIPATCH -> 2;
        };
    }
}
