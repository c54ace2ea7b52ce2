package cn.basinguard.core.gpkg;

import cn.basinguard.core.crs.Crs;

/**
 * A row of gpkg_spatial_ref_sys, and the CRS the program takes it to be.
 *
 * @param srsId the file's own id (srs_id), as geometries refer to it
 * @param definition the WKT definition, may be "undefined"
 * @param undefined srs_id −1 (undefined Cartesian) or 0 (undefined geographic): the file does not say
 * @param crs the CRS matched by EPSG code or by WKT; null when undefined or not recognised
 */
public record SrsInfo(int srsId, String name, String organization, int organizationCoordsysId, String definition,
                      String description, boolean undefined, Crs crs) {

    /** "EPSG:4526" when the file gives an EPSG code, else the organization and id, else "srs_id N". */
    public String code() {
        if (organization != null && !organization.isBlank() && organizationCoordsysId > 0) {
            return organization.toUpperCase(java.util.Locale.ROOT) + ":" + organizationCoordsysId;
        }
        if (crs != null && crs.epsg() > 0) {
            return "EPSG:" + crs.epsg();
        }
        return "srs_id " + srsId;
    }
}
