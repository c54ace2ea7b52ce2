package cn.basinguard.core.gpkg;

/**
 * A row of gpkg_spatial_ref_sys. The constants carry the EPSG WKT1 definitions of the CRSs Chinese
 * deliveries use, with EPSG's axis order declared (GeoPackage still stores x = easting, y = northing).
 */
public record GpkgSrs(String name, int srsId, String organization, int organizationCoordsysId,
                      String definition, String description) {

    private static final String CGCS2000_GEOGCS = "GEOGCS[\"China Geodetic Coordinate System 2000\","
            + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],"
            + "AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";

    public static final GpkgSrs UNDEFINED_CARTESIAN = new GpkgSrs("Undefined cartesian SRS", -1, "NONE", -1,
            "undefined", "undefined cartesian coordinate reference system");

    public static final GpkgSrs UNDEFINED_GEOGRAPHIC = new GpkgSrs("Undefined geographic SRS", 0, "NONE", 0,
            "undefined", "undefined geographic coordinate reference system");

    public static final GpkgSrs WGS84 = new GpkgSrs("WGS 84 geodetic", 4326, "EPSG", 4326,
            "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
                    + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
                    + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                    + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
                    + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]",
            "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");

    public static final GpkgSrs CGCS2000 = new GpkgSrs("China Geodetic Coordinate System 2000", 4490, "EPSG", 4490,
            CGCS2000_GEOGCS + ",AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4490\"]]",
            "CGCS2000 geographic 2D (国家2000大地坐标系)");

    /** 3-degree Gauss–Krüger zone 38 with the zone number prefixed to the easting (FE 38 500 000). */
    public static final GpkgSrs CGCS2000_GK3_ZONE38 = gaussKruger(4526,
            "CGCS2000 / 3-degree Gauss-Kruger zone 38", 38_500_000,
            "CGCS2000 3度带高斯-克吕格投影 第38带（带号前缀），中央经线114°E");

    /** 3-degree Gauss–Krüger with central meridian 114°E, no zone prefix (FE 500 000). */
    public static final GpkgSrs CGCS2000_GK3_CM114 = gaussKruger(4547,
            "CGCS2000 / 3-degree Gauss-Kruger CM 114E", 500_000,
            "CGCS2000 3度带高斯-克吕格投影，中央经线114°E（无带号）");

    private static GpkgSrs gaussKruger(int code, String name, long falseEasting, String description) {
        String wkt = "PROJCS[\"" + name + "\"," + CGCS2000_GEOGCS + ",AUTHORITY[\"EPSG\",\"4490\"]],"
                + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                + "PARAMETER[\"central_meridian\",114],PARAMETER[\"scale_factor\",1],"
                + "PARAMETER[\"false_easting\"," + falseEasting + "],PARAMETER[\"false_northing\",0],"
                + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],"
                + "AUTHORITY[\"EPSG\",\"" + code + "\"]]";
        return new GpkgSrs(name, code, "EPSG", code, wkt, description);
    }
}
