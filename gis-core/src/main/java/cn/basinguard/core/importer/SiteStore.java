package cn.basinguard.core.importer;

import cn.basinguard.core.GisException;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgGeometryEncoder;
import cn.basinguard.core.gpkg.GpkgSrs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;

/**
 * Saves imported sites as a GeoPackage layer: into a new file, or as a new layer of the user's working file. The file
 * is changed on a copy that replaces it only when complete, so a failure leaves the user's file as it was.
 */
public final class SiteStore {
    private static final List<String> FIXED = List.of("XMMC", "site_id", "source", "imported_at");
    private static final Set<LayerRole> RED_LINE = Set.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND,
        LayerRole.ECO_REDLINE);

    private SiteStore() {
    }

    public static void save(ImportedSites sites, Crs crs, Path gpkg, String layerName) {
        save(sites, crs, gpkg, layerName, Instant.now());
    }

    /** @param importedAt the import time written to every row (fixed in tests) */
    public static void save(ImportedSites sites, Crs crs, Path gpkg, String layerName, Instant importedAt) {
        if (crs == null) {
            throw new GisException("import.store.noCrs", sites.sourceName());
        }
        Path target = gpkg.toAbsolutePath();
        try {
            if (!Files.exists(target)) {
                try (GeoPackageWriter w = GeoPackageWriter.create(target, importedAt.truncatedTo(ChronoUnit.MILLIS)
                    .toString())) {
                    w.commit();
                }
            }
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
            try {
                Files.copy(target, temp, StandardCopyOption.REPLACE_EXISTING);
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temp)) {
                    c.setAutoCommit(false);
                    refuse(c, target, layerName);
                    write(c, sites, crs, layerName, importedAt);
                    c.commit();
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (SQLException | IOException e) {
            throw new GisException(e, "import.store.failed", target, e.getMessage());
        }
    }

    private static void refuse(Connection c, Path file, String layer) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name FROM gpkg_contents")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String t : tables) {
            // the red-line layers are the user's delivered data; a working file must never hold them
            for (LayerRole role : RED_LINE) {
                if (role.names().stream().anyMatch(n -> n.equalsIgnoreCase(t))) {
                    throw new GisException("import.store.redLineFile", file.getFileName(), t);
                }
            }
            if (t.equalsIgnoreCase(layer)) {
                throw new GisException("import.store.layerExists", file.getFileName(), t);
            }
        }
    }

    private static void write(Connection c, ImportedSites sites, Crs crs, String layer, Instant at) throws SQLException {
        Map<String, String> columns = attributeColumns(sites);
        registerSrs(c, crs);
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + q(layer)
            + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom GEOMETRY, XMMC TEXT, site_id TEXT, source TEXT,"
            + " imported_at DATETIME");
        columns.forEach((name, type) -> ddl.append(", ").append(q(name)).append(' ').append(type));
        Envelope extent = new Envelope();
        sites.sites().forEach(s -> extent.expandToInclude(s.geometry().getEnvelopeInternal()));
        try (Statement st = c.createStatement()) {
            st.execute(ddl.append(')').toString());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier,"
            + " description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?,'features',?,?,?,?,?,?,?,?)")) {
            ps.setString(1, layer);
            ps.setString(2, layer);
            ps.setString(3, sites.sourceName());
            ps.setString(4, at.truncatedTo(ChronoUnit.MILLIS).toString());
            ps.setDouble(5, extent.getMinX());
            ps.setDouble(6, extent.getMinY());
            ps.setDouble(7, extent.getMaxX());
            ps.setDouble(8, extent.getMaxY());
            ps.setInt(9, crs.epsg());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?,'geom','GEOMETRY',?,0,0)")) {
            ps.setString(1, layer);
            ps.setInt(2, crs.epsg());
            ps.executeUpdate();
        }
        insertRows(c, sites, crs, layer, columns, at);
    }

    private static void insertRows(Connection c, ImportedSites sites, Crs crs, String layer, Map<String, String> columns,
                                   Instant at) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO " + q(layer) + " (geom, XMMC, site_id, source, imported_at");
        columns.keySet().forEach(n -> sql.append(", ").append(q(n)));
        sql.append(") VALUES (?,?,?,?,?").append(",?".repeat(columns.size())).append(')');
        GpkgGeometryEncoder encoder = new GpkgGeometryEncoder();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (ImportedSite s : sites.sites()) {
                ps.setBytes(1, encoder.encode(s.geometry(), crs.epsg()));
                ps.setString(2, s.name());
                ps.setString(3, s.id());
                ps.setString(4, sites.sourceName());
                ps.setString(5, at.truncatedTo(ChronoUnit.MILLIS).toString());
                int i = 6;
                for (String name : columns.keySet()) {
                    ps.setObject(i++, s.attributes().get(name));
                }
                ps.executeUpdate();
            }
        }
    }

    /** One column per attribute name, typed by its first non-null value; names clashing with ours are left out. */
    private static Map<String, String> attributeColumns(ImportedSites sites) {
        Set<String> reserved = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        reserved.addAll(FIXED);
        reserved.addAll(List.of("fid", "geom"));
        Map<String, String> columns = new LinkedHashMap<>();
        Set<String> typed = new TreeSet<>();
        for (ImportedSite s : sites.sites()) {
            for (Map.Entry<String, Object> e : s.attributes().entrySet()) {
                Object v = e.getValue();
                if (reserved.contains(e.getKey())) {
                    continue;
                }
                if (v != null && typed.add(e.getKey())) {
                    columns.put(e.getKey(), v instanceof Long || v instanceof Integer ? "INTEGER"
                        : v instanceof Number ? "REAL" : v instanceof Boolean ? "BOOLEAN" : "TEXT");
                } else {
                    columns.putIfAbsent(e.getKey(), "TEXT");
                }
            }
        }
        return columns;
    }

    private static void registerSrs(Connection c, Crs crs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, crs.epsg());
            if (ps.executeQuery().next()) {
                return;
            }
        }
        GpkgSrs known = switch (crs.epsg()) {
            case 4526 -> GpkgSrs.CGCS2000_GK3_ZONE38;
            case 4547 -> GpkgSrs.CGCS2000_GK3_CM114;
            case 4490 -> GpkgSrs.CGCS2000;
            case 4326 -> GpkgSrs.WGS84;
            default -> null;
        };
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id,"
            + " organization, organization_coordsys_id, definition, description) VALUES (?,?,'EPSG',?,?,?)")) {
            ps.setString(1, known != null ? known.name() : crs.nameEn());
            ps.setInt(2, crs.epsg());
            ps.setInt(3, crs.epsg());
            // readers resolve the CRS by its EPSG code; a WKT is given where BasinGuard carries one
            ps.setString(4, known != null ? known.definition() : "undefined");
            ps.setString(5, crs.nameZh());
            ps.executeUpdate();
        }
    }

    private static String q(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

}
