package cn.basinguard.core.gpkg;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.CrsWkt;
import java.util.Optional;

/**
 * A row of gpkg_spatial_ref_sys. The constants carry the EPSG WKT1 definitions ({@link CrsWkt}) of the CRSs Chinese
 * deliveries use.
 */
public record GpkgSrs(String name, int srsId, String organization, int organizationCoordsysId,
                      String definition, String description) {

    public static final GpkgSrs UNDEFINED_CARTESIAN = new GpkgSrs("Undefined cartesian SRS", -1, "NONE", -1,
            "undefined", "undefined cartesian coordinate reference system");

    public static final GpkgSrs UNDEFINED_GEOGRAPHIC = new GpkgSrs("Undefined geographic SRS", 0, "NONE", 0,
            "undefined", "undefined geographic coordinate reference system");

    public static final GpkgSrs WGS84 = epsg(4326, "WGS 84 geodetic",
            "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");

    public static final GpkgSrs CGCS2000 = epsg(4490, "China Geodetic Coordinate System 2000",
            "CGCS2000 geographic 2D (国家2000大地坐标系)");

    /** 3-degree Gauss–Krüger zone 38 with the zone number prefixed to the easting (FE 38 500 000). */
    public static final GpkgSrs CGCS2000_GK3_ZONE38 = epsg(4526, "CGCS2000 / 3-degree Gauss-Kruger zone 38",
            "CGCS2000 3度带高斯-克吕格投影 第38带（带号前缀），中央经线114°E");

    /** 3-degree Gauss–Krüger with central meridian 114°E, no zone prefix (FE 500 000). */
    public static final GpkgSrs CGCS2000_GK3_CM114 = epsg(4547, "CGCS2000 / 3-degree Gauss-Kruger CM 114E",
            "CGCS2000 3度带高斯-克吕格投影，中央经线114°E（无带号）");

    private static GpkgSrs epsg(int code, String name, String description) {
        String wkt = CrsWkt.of(CrsRegistry.fromEpsg(code)).orElseThrow();
        return new GpkgSrs(name, code, "EPSG", code, wkt, description);
    }

    /** The row for a CRS with an EPSG code and a definition BasinGuard can write (see {@link CrsWkt#of}). */
    public static Optional<GpkgSrs> of(Crs crs) {
        return CrsWkt.of(crs).map(wkt -> new GpkgSrs(crs.nameEn(), crs.epsg(), "EPSG", crs.epsg(), wkt, crs.nameZh()));
    }
}
