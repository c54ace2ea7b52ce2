package cn.basinguard.core.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** gpkg_spatial_ref_sys of an existing GeoPackage, which other programs may have numbered their own way. */
public final class SrsTable {
    private SrsTable() {
    }

    /**
     * The srs_id under which the file lists {@code srs} (same organization and code), adding the row when it is
     * missing: under the code itself if that srs_id is free, else under the next free one.
     */
    public static int ensure(Connection c, GpkgSrs srs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT srs_id, definition FROM gpkg_spatial_ref_sys"
            + " WHERE upper(organization) = upper(?) AND organization_coordsys_id = ? ORDER BY srs_id <> ? LIMIT 1")) {
            ps.setString(1, srs.organization());
            ps.setInt(2, srs.organizationCoordsysId());
            ps.setInt(3, srs.srsId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    int id = rs.getInt(1);
                    String definition = rs.getString(2);
                    if (definition == null || "undefined".equalsIgnoreCase(definition.strip())) {
                        // files from earlier BasinGuard versions carry this placeholder; the spec wants the WKT
                        fillDefinition(c, id, srs.definition());
                    }
                    return id;
                }
            }
        }
        int id = srs.srsId();
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, id);
            if (ps.executeQuery().next()) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT max(srs_id) + 1 FROM gpkg_spatial_ref_sys")) {
                    id = rs.getInt(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id,"
            + " organization, organization_coordsys_id, definition, description) VALUES (?,?,?,?,?,?)")) {
            ps.setString(1, srs.name());
            ps.setInt(2, id);
            ps.setString(3, srs.organization());
            ps.setInt(4, srs.organizationCoordsysId());
            ps.setString(5, srs.definition());
            ps.setString(6, srs.description());
            ps.executeUpdate();
        }
        return id;
    }

    private static void fillDefinition(Connection c, int srsId, String definition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE gpkg_spatial_ref_sys SET definition = ? WHERE srs_id = ?")) {
            ps.setString(1, definition);
            ps.setInt(2, srsId);
            ps.executeUpdate();
        }
    }
}
