package cn.basinguard.data;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * CGCS2000 lon/lat ↔ 3-degree Gauss–Krüger CM 114°E (EPSG:4547, no zone prefix), x = easting.
 * The only place in the data module that touches proj4j, so it can be swapped for the shared CRS API.
 */
final class GkProjection {
    /** Added to x to turn EPSG:4547 eastings into EPSG:4526 (zone 38 prefix). */
    static final double ZONE38_PREFIX = 38_000_000;

    // the ellipsoid is given by a and b = a(1 − 1/298.257222101): this proj4j version mis-handled +rf (NaN/1e24 output)
    private static final String CGCS2000 = "+proj=longlat +a=6378137 +b=6356752.314140356 +no_defs";
    private static final String GK_CM114 =
            "+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +a=6378137 +b=6356752.314140356 +units=m +no_defs";

    private final CoordinateTransform toGk;
    private final CoordinateTransform toLonLat;

    GkProjection() {
        CRSFactory f = new CRSFactory();
        CoordinateReferenceSystem geo = f.createFromParameters("CGCS2000", CGCS2000);
        CoordinateReferenceSystem gk = f.createFromParameters("CGCS2000-GK-CM114", GK_CM114);
        CoordinateTransformFactory tf = new CoordinateTransformFactory();
        toGk = tf.createTransform(geo, gk);
        toLonLat = tf.createTransform(gk, geo);
    }

    Coordinate toGk(double lon, double lat) {
        ProjCoordinate out = new ProjCoordinate();
        toGk.transform(new ProjCoordinate(lon, lat), out);
        return new Coordinate(out.x, out.y);
    }

    Coordinate toLonLat(Coordinate gk) {
        ProjCoordinate out = new ProjCoordinate();
        toLonLat.transform(new ProjCoordinate(gk.x, gk.y), out);
        return new Coordinate(out.x, out.y);
    }
}
