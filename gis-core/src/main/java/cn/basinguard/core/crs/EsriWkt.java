package cn.basinguard.core.crs;

import java.util.Optional;

/**
 * A CRS as ESRI software writes it into a Shapefile's .prj (ESRI's WKT1 dialect: "GCS_…", "D_…" datum names,
 * PROJECTION["Gauss_Kruger"], no AUTHORITY), which is what the .prj files of Chinese bureau deliveries hold. GDAL and
 * {@link CrsRegistry#fromWkt} read it back to the same EPSG code.
 */
public final class EsriWkt {
    private EsriWkt() {
    }

    /** The .prj text for a geographic CRS or a national Gauss–Krüger grid on CGCS2000, Xi'an 1980 or Beijing 1954. */
    public static Optional<String> of(Crs crs) {
        String geogcs = geogcs(crs.datum());
        if (geogcs == null) {
            return Optional.empty();
        }
        if (crs.isGeographic()) {
            return Optional.of(geogcs);
        }
        return crs.gaussKruger().map(gk -> "PROJCS[\"" + projName(crs, gk) + "\"," + geogcs
            + ",PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\"," + (long) gk.falseEasting() + ".0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\"," + gk.centralMeridian() + ".0],"
            + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
    }

    private static String projName(Crs crs, GaussKruger gk) {
        String datum = switch (crs.datum()) {
            case CGCS2000 -> "CGCS2000";
            case XIAN1980 -> "Xian_1980";
            case BEIJING1954 -> "Beijing_1954";
            default -> "WGS_1984";
        };
        String width = gk.zoneWidth() == 3 ? "_3_Degree" : "";
        return datum + width + "_GK_" + (gk.prefixed() ? "Zone_" + gk.zone() : "CM_" + gk.centralMeridian() + "E");
    }

    private static String geogcs(DatumFamily datum) {
        String tail = ",PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
        return switch (datum) {
            case CGCS2000 -> "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
                + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]]" + tail;
            case XIAN1980 -> "GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\",SPHEROID[\"Xian_1980\",6378140.0,298.257]]" + tail;
            case BEIJING1954 -> "GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]]"
                + tail;
            case WGS84 -> "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]" + tail;
            case OTHER -> null;
        };
    }
}
