package cn.basinguard.core.gpkg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an offline pack describes itself inside the GeoPackage, with the standard metadata extension: one JSON document
 * for the pack as a whole (reference scope 'geopackage': sources, area, time, counts, fingerprint) and one per
 * layer (reference scope 'table': the role it played, where it came from, its count and digest). A pack is still a
 * plain GeoPackage; these rows are how BasinGuard knows the roles without any --role option.
 */
public final class PackMetadata {
    /** md_standard_uri of the pack's own JSON document. */
    public static final String PACK_URI = "https://basinguard.cn/metadata/offline-pack/1";
    /** md_standard_uri of a packed layer's JSON document. */
    public static final String LAYER_URI = "https://basinguard.cn/metadata/offline-pack-layer/1";
    public static final String JSON = "application/json";

    private PackMetadata() {
    }

    /** The pack's JSON document, or null when the file is not a pack. */
    static String packDocument(Connection c) throws SQLException {
        if (!hasMetadata(c)) {
            return null;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT metadata FROM gpkg_metadata WHERE md_standard_uri = '"
                + PACK_URI + "' ORDER BY id LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Table → role key, from the layers' documents. */
    static Map<String, String> roles(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!hasMetadata(c)) {
            return out;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT r.table_name, m.metadata FROM gpkg_metadata m"
                + " JOIN gpkg_metadata_reference r ON r.md_file_id = m.id WHERE r.reference_scope = 'table' AND m.md_standard_uri = '"
                + LAYER_URI + "' ORDER BY m.id")) {
            while (rs.next()) {
                String role = field(rs.getString(2), "role");
                if (rs.getString(1) != null && role != null && !role.isBlank()) {
                    out.put(rs.getString(1), role);
                }
            }
        }
        return out;
    }

    /** A top-level text field of a JSON document, or null. */
    public static String field(String json, String name) {
        if (json == null) {
            return null;
        }
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                if (f.equals(name) && v.isScalarValue()) {
                    return p.getValueAsString();
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static boolean hasMetadata(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('gpkg_metadata', 'gpkg_metadata_reference')")) {
            return rs.next() && rs.getInt(1) == 2;
        }
    }
}
