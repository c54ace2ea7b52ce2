package cn.basinguard.core.crs;

import java.util.Optional;

/**
 * The EPSG WKT1 definition of a CRS BasinGuard describes, for files that must carry one (gpkg_spatial_ref_sys). Axis
 * order is declared as EPSG has it; files still store x = easting/longitude.
 */
public final class CrsWkt {
    private static final String PRIMEM_AND_DEGREE = "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
        + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";
    private static final String METRE = "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]]";

    private record Datum(String geogName, int geogCode, String datumName, int datumCode, String ellipsoidName,
                         String semiMajor, String inverseFlattening, int ellipsoidCode) {
        String geogcs(String axes) {
            return "GEOGCS[\"" + geogName + "\",DATUM[\"" + datumName + "\",SPHEROID[\"" + ellipsoidName + "\","
                + semiMajor + "," + inverseFlattening + ",AUTHORITY[\"EPSG\",\"" + ellipsoidCode + "\"]],"
                + "AUTHORITY[\"EPSG\",\"" + datumCode + "\"]]," + PRIMEM_AND_DEGREE + axes
                + ",AUTHORITY[\"EPSG\",\"" + geogCode + "\"]]";
        }
    }

    private CrsWkt() {
    }

    /**
     * The WKT of a geographic CRS or a national Gauss–Krüger grid on CGCS2000, WGS 84, Xi'an 1980 or Beijing 1954, or
     * of Web Mercator; empty for CRSs known only through proj4j, whose definitions BasinGuard cannot vouch for.
     */
    public static Optional<String> of(Crs crs) {
        if (crs.epsg() == 3857) {
            return Optional.of(webMercator());
        }
        Datum datum = datum(crs.datum());
        if (datum == null) {
            return Optional.empty();
        }
        if (crs.isGeographic()) {
            return Optional.of(datum.geogcs(",AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST]"));
        }
        return crs.gaussKruger().map(gk -> "PROJCS[\"" + crs.nameEn() + "\"," + datum.geogcs("")
            + ",PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
            + "PARAMETER[\"central_meridian\"," + gk.centralMeridian() + "],PARAMETER[\"scale_factor\",1],"
            + "PARAMETER[\"false_easting\"," + (long) gk.falseEasting() + "],PARAMETER[\"false_northing\",0],"
            + METRE + ",AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],AUTHORITY[\"EPSG\",\"" + crs.epsg() + "\"]]");
    }

    private static Datum datum(DatumFamily family) {
        return switch (family) {
            case CGCS2000 -> new Datum("China Geodetic Coordinate System 2000", 4490, "China_2000", 1043, "CGCS2000",
                "6378137", "298.257222101", 1024);
            case WGS84 -> new Datum("WGS 84", 4326, "WGS_1984", 6326, "WGS 84", "6378137", "298.257223563", 7030);
            case XIAN1980 -> new Datum("Xian 1980", 4610, "Xian_1980", 6610, "IAG 1975", "6378140", "298.257", 7049);
            case BEIJING1954 -> new Datum("Beijing 1954", 4214, "Beijing_1954", 6214, "Krassowsky 1940", "6378245",
                "298.3", 7024);
            case OTHER -> null;
        };
    }

    private static String webMercator() {
        return "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + datum(DatumFamily.WGS84).geogcs("")
            + ",PROJECTION[\"Mercator_1SP\"],PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],"
            + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0]," + METRE
            + ",AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],EXTENSION[\"PROJ4\",\"+proj=merc +a=6378137"
            + " +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs\"],"
            + "AUTHORITY[\"EPSG\",\"3857\"]]";
    }
}
