package cn.basinguard.core.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Definitions as GDAL, ArcGIS and PROJ write them into gpkg_spatial_ref_sys.definition. */
class WktMatchTest {
    static final String EPSG_4490_WKT1 = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\","
        + "SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
        + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
        + "AUTHORITY[\"EPSG\",\"4490\"]]";

    static final String EPSG_4547_WKT1 = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 114E\","
        + "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,"
        + "AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
        + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]],"
        + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",114],"
        + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
        + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],"
        + "AUTHORITY[\"EPSG\",\"4547\"]]";

    static String arcgis(String name, String datum, String spheroid, String a, String invF, double fe, double cm) {
        return "PROJCS[\"" + name + "\",GEOGCS[\"GCS_" + datum + "\",DATUM[\"D_" + datum + "\",SPHEROID[\"" + spheroid
            + "\"," + a + "," + invF + "]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
            + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\"," + fe + "],PARAMETER[\"False_Northing\",0.0],"
            + "PARAMETER[\"Central_Meridian\"," + cm + "],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    }

    static String arcgisCgcs(String name, double fe, double cm) {
        return arcgis(name, "China_Geodetic_Coordinate_System_2000", "CGCS2000", "6378137.0", "298.257222101", fe, cm)
            .replace("D_China_Geodetic_Coordinate_System_2000", "D_China_2000");
    }

    static String wkt2Zone38(boolean withId) {
        return "PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger zone 38\",\n"
            + "  BASEGEOGCRS[\"China Geodetic Coordinate System 2000\",\n"
            + "    DATUM[\"China 2000\",ELLIPSOID[\"CGCS2000\",6378137,298.257222101,LENGTHUNIT[\"metre\",1]]],\n"
            + "    PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],ID[\"EPSG\",4490]],\n"
            + "  CONVERSION[\"3-degree Gauss-Kruger zone 38\",METHOD[\"Transverse Mercator\",ID[\"EPSG\",9807]],\n"
            + "    PARAMETER[\"Latitude of natural origin\",0,ANGLEUNIT[\"degree\",0.0174532925199433],ID[\"EPSG\",8801]],\n"
            + "    PARAMETER[\"Longitude of natural origin\",114,ANGLEUNIT[\"degree\",0.0174532925199433],ID[\"EPSG\",8802]],\n"
            + "    PARAMETER[\"Scale factor at natural origin\",1,SCALEUNIT[\"unity\",1],ID[\"EPSG\",8805]],\n"
            + "    PARAMETER[\"False easting\",38500000,LENGTHUNIT[\"metre\",1],ID[\"EPSG\",8806]],\n"
            + "    PARAMETER[\"False northing\",0,LENGTHUNIT[\"metre\",1],ID[\"EPSG\",8807]]],\n"
            + "  CS[Cartesian,2],AXIS[\"northing (X)\",north,ORDER[1],LENGTHUNIT[\"metre\",1]],\n"
            + "  AXIS[\"easting (Y)\",east,ORDER[2],LENGTHUNIT[\"metre\",1]],\n"
            + "  USAGE[SCOPE[\"Cadastre, engineering survey, topographic mapping (large scale).\"],"
            + "AREA[\"China - 112.5°E to 115.5°E\"],BBOX[21.52,112.5,45.45,115.5]]"
            + (withId ? ",\n  ID[\"EPSG\",4526]]" : "]");
    }

    private static int code(String wkt) {
        return CrsRegistry.fromWkt(wkt).map(Crs::epsg).orElse(-1);
    }

    @Test
    void epsgWkt1ByAuthorityTag() {
        assertEquals(4490, code(EPSG_4490_WKT1));
        assertEquals(4547, code(EPSG_4547_WKT1), "the CRS's tag, not the base CRS's 4490");
    }

    @Test
    void epsgWkt1WithoutTagsByParameters() {
        String untagged = EPSG_4547_WKT1.replaceAll(",AUTHORITY\\[\"EPSG\",\"\\d+\"\\]", "");
        assertTrue(!untagged.contains("AUTHORITY"));
        assertEquals(4547, code(untagged));
        assertEquals(4490, code(EPSG_4490_WKT1.replaceAll(",AUTHORITY\\[\"EPSG\",\"\\d+\"\\]", "")));
    }

    @Test
    void arcgisGaussKrugerNames() {
        assertEquals(4547, code(arcgisCgcs("CGCS2000_3_Degree_GK_CM_114E", 500000, 114)));
        assertEquals(4526, code(arcgisCgcs("CGCS2000_3_Degree_GK_Zone_38", 38500000, 114)));
        assertEquals(4508, code(arcgisCgcs("CGCS2000_GK_CM_111E", 500000, 111)));
        assertEquals(4497, code(arcgisCgcs("CGCS2000_GK_Zone_19", 19500000, 111)));
        assertEquals(4545, code(arcgisCgcs("CGCS2000_3_Degree_GK_CM_108E", 500000, 108)));
        assertEquals(2383, code(arcgis("Xian_1980_3_Degree_GK_CM_114E", "Xian_1980", "Xian_1980", "6378140.0", "298.257", 500000, 114)));
        assertEquals(2414, code(arcgis("Beijing_1954_3_Degree_GK_Zone_38", "Beijing_1954", "Krasovsky_1940", "6378245.0", "298.3", 38500000, 114)));
    }

    @Test
    void wkt2ByIdAndByParameters() {
        assertEquals(4526, code(wkt2Zone38(true)));
        assertEquals(4526, code(wkt2Zone38(false)));
        String geog2 = "GEOGCRS[\"China Geodetic Coordinate System 2000\",DATUM[\"China 2000\",ELLIPSOID[\"CGCS2000\","
            + "6378137,298.257222101,LENGTHUNIT[\"metre\",1]]],PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],"
            + "CS[ellipsoidal,2],AXIS[\"geodetic latitude (Lat)\",north,ORDER[1],ANGLEUNIT[\"degree\",0.0174532925199433]],"
            + "AXIS[\"geodetic longitude (Lon)\",east,ORDER[2],ANGLEUNIT[\"degree\",0.0174532925199433]]]";
        assertEquals(4490, code(geog2));
    }

    @Test
    void wrappedAndMistaggedDefinitions() {
        String bound = "BOUNDCRS[SOURCECRS[" + wkt2Zone38(false) + "],TARGETCRS[GEOGCRS[\"WGS 84\",DATUM[\"World Geodetic System 1984\","
            + "ELLIPSOID[\"WGS 84\",6378137,298.257223563]],CS[ellipsoidal,2]]],ABRIDGEDTRANSFORMATION[\"Transformation to WGS84\","
            + "METHOD[\"Position Vector transformation (geog2D domain)\"],PARAMETER[\"X-axis translation\",0]]]";
        assertEquals(4526, code(bound));
        String compound = "COMPD_CS[\"CGCS2000 + height\"," + EPSG_4547_WKT1 + ",VERT_CS[\"Yellow Sea 1985 height\","
            + "VERT_DATUM[\"Yellow Sea 1985\",2005],UNIT[\"metre\",1],AXIS[\"Up\",UP]]]";
        assertEquals(4547, code(compound));
        // a code nobody knows does not hide parameters that identify the grid
        assertEquals(4547, code(EPSG_4547_WKT1.replace("AUTHORITY[\"EPSG\",\"4547\"]]", "AUTHORITY[\"EPSG\",\"999999\"]]")));
    }

    @Test
    void webMercator() {
        String esri = "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
            + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
            + "PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
            + "PARAMETER[\"Central_Meridian\",0.0],PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],"
            + "UNIT[\"Meter\",1.0]]";
        assertEquals(3857, code(esri));
    }

    @Test
    void notGuessed() {
        String utm49 = "PROJCS[\"WGS 84 / UTM zone 49N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
            + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",111],PARAMETER[\"scale_factor\",0.9996],"
            + "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";
        assertEquals(Optional.empty(), CrsRegistry.fromWkt(utm49));
        assertEquals(Optional.empty(), CrsRegistry.fromWkt("undefined"));
        assertEquals(Optional.empty(), CrsRegistry.fromWkt(""));
        assertEquals(Optional.empty(), CrsRegistry.fromWkt(null));
        assertEquals(Optional.empty(), CrsRegistry.fromWkt("PROJCS[\"broken\",GEOGCS["));
        assertEquals(Optional.empty(), CrsRegistry.fromWkt(arcgisCgcs("odd", 500000, 113)));
    }
}
