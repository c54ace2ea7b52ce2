package cn.basinguard.core.importer;

import cn.basinguard.core.GisException;
import cn.basinguard.core.check.LayerCandidate;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.RoleResolver;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.FeatureTableWriter;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import cn.basinguard.core.gpkg.SrsTable;
import cn.basinguard.core.io.OutputFailure;
import cn.basinguard.core.io.TempFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Saves imported sites as a GeoPackage layer: into a new file, or as a new layer of the user's working file. The file
 * is changed on a copy that replaces it only when complete, so a failure — or the process killed at any moment —
 * leaves the user's file as it was, or with the complete new layer.
 */
public final class SiteStore {
    private static final List<String> FIXED = List.of("XMMC", "site_id", "source", "imported_at");
    private static final Set<LayerRole> RED_LINE = Set.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND,
        LayerRole.ECO_REDLINE, LayerRole.LAND_USE);

    private SiteStore() {
    }

    public static void save(ImportedSites sites, Crs crs, Path gpkg, String layerName) {
        save(sites, crs, gpkg, layerName, Instant.now());
    }

    /**
     * @param importedAt the import time written to every row (fixed in tests)
     * @throws GisException {@code import.store.redLineFile} when the file holds a red-line layer,
     *     {@code import.store.layerExists} when the layer name is taken, {@code import.store.badLayerName},
     *     {@code import.store.crsNotWritable} or {@code import.store.failed}; the file is then left as it was
     */
    public static void save(ImportedSites sites, Crs crs, Path gpkg, String layerName, Instant importedAt) {
        if (crs == null) {
            throw new GisException("import.store.noCrs", sites.sourceName());
        }
        GpkgSrs srs = GpkgSrs.of(crs).orElseThrow(() -> new GisException("import.store.crsNotWritable",
            "EPSG:" + crs.epsg()));
        String lower = layerName.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.startsWith("gpkg_") || lower.startsWith("rtree_") || lower.startsWith("sqlite_")) {
            throw new GisException("import.store.badLayerName", layerName);
        }
        String at = GeoPackageWriter.timestamp(importedAt);
        Path target = gpkg.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new GisException("io.isFolder", target);
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new GisException("io.noFolder", target.getParent());
        }
        refuseBusy(target);
        TempFiles.sweep(target);
        Path work = TempFiles.nameBeside(target, ".tmp");
        try {
            // the new layer is written into a copy (or, for a new file, a fresh GeoPackage) under a temporary name,
            // committed there and then renamed over the file: killed at any moment, the file is the earlier one or the
            // complete new one, and a reader never meets a half-written layer or a hot journal
            if (Files.exists(target)) {
                Files.copy(target, work);
            } else {
                try (GeoPackageWriter w = GeoPackageWriter.create(work, at)) {
                    w.commit();
                }
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + work)) {
                c.setAutoCommit(false);
                refuse(c, target, layerName);
                write(c, sites, SrsTable.ensure(c, srs), layerName, at);
                // SQLite forces the file to disk at commit (synchronous=FULL), before the rename below
                c.commit();
            }
            try {
                Files.move(work, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(work, target, StandardCopyOption.REPLACE_EXISTING);
            }
            TempFiles.syncFolder(target.getParent());
        } catch (SQLException | IOException e) {
            throw OutputFailure.of(e, target, "import.store.failed");
        } finally {
            deleteQuietly(work);
            deleteQuietly(Path.of(work + "-journal"));
        }
    }

    /**
     * Refuses a file another program holds open for writing (a WAL beside it) or that was left mid-transaction (a hot
     * journal): a byte copy of it would miss what only the WAL or journal holds, and replacing it would lose that.
     */
    private static void refuseBusy(Path target) {
        try {
            Path wal = Path.of(target + "-wal");
            if ((Files.exists(wal) && Files.size(wal) > 0) || Files.exists(Path.of(target + "-journal"))) {
                throw new GisException("import.store.busy", target.getFileName());
            }
        } catch (IOException e) {
            throw new GisException(e, "import.store.failed", target, e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // left for the next save of this file, which sweeps temporary files of ended processes
        }
    }

    private static void refuse(Connection c, Path file, String layer) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name, identifier FROM gpkg_contents")) {
            while (rs.next()) {
                // the red-line layers are the user's delivered data; a working file must never hold them, so the
                // file is judged by the same name rules the checks use to find those layers
                LayerCandidate layerOf = new LayerCandidate(file.toString(), rs.getString(1), rs.getString(2), true);
                if (RoleResolver.roleByName(layerOf).filter(RED_LINE::contains).isPresent()) {
                    throw new GisException("import.store.redLineFile", file.getFileName(), rs.getString(1));
                }
            }
        }
        // SQLite table names ignore case, and a table need not be registered in gpkg_contents to exist
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM sqlite_master WHERE lower(name) = lower(?)"
            + " UNION SELECT table_name FROM gpkg_contents WHERE lower(identifier) = lower(?)")) {
            ps.setString(1, layer);
            ps.setString(2, layer);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new GisException("import.store.layerExists", file.getFileName(), layer);
                }
            }
        }
    }

    /**
     * The declared geometry type: POLYGON or MULTIPOLYGON when every site is one, so GIS programs show the layer as
     * polygons; GEOMETRY when both kinds are mixed (promoting a polygon would change what round-trips).
     */
    static String geometryType(ImportedSites sites) {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        sites.sites().forEach(s -> kinds.add(s.geometry().getGeometryType().toUpperCase(java.util.Locale.ROOT)));
        return kinds.size() == 1 && (kinds.contains("POLYGON") || kinds.contains("MULTIPOLYGON")) ? kinds.iterator().next() : "GEOMETRY";
    }

    private static void write(Connection c, ImportedSites sites, int srsId, String layer, String at)
        throws SQLException {
        Map<String, String> attributeTypes = attributeColumns(sites);
        List<GpkgColumn> columns = new ArrayList<>(List.of(GpkgColumn.text("XMMC"), GpkgColumn.text("site_id"),
            GpkgColumn.text("source"), new GpkgColumn("imported_at", "DATETIME", false)));
        attributeTypes.forEach((name, type) -> columns.add(new GpkgColumn(name, type, false)));
        try (FeatureTableWriter table = FeatureTableWriter.create(c, layer, layer, sites.sourceName(), "geom",
            geometryType(sites), srsId, columns, at)) {
            for (ImportedSite s : sites.sites()) {
                Object[] values = new Object[columns.size()];
                values[0] = s.name();
                values[1] = s.id();
                values[2] = sites.sourceName();
                values[3] = at;
                int i = 4;
                for (String name : attributeTypes.keySet()) {
                    values[i++] = s.attributes().get(name);
                }
                table.insert(s.geometry(), values);
            }
            table.finish();
        }
    }

    /** One column per attribute name, typed by its first non-null value; names clashing with ours are left out. */
    private static Map<String, String> attributeColumns(ImportedSites sites) {
        Set<String> reserved = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        reserved.addAll(FIXED);
        reserved.addAll(List.of("fid", "geom"));
        Map<String, String> columns = new LinkedHashMap<>();
        Set<String> typed = new TreeSet<>();
        Set<String> taken = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (ImportedSite s : sites.sites()) {
            for (Map.Entry<String, Object> e : s.attributes().entrySet()) {
                Object v = e.getValue();
                // SQLite column names ignore case: "Name" after "NAME" would be the same column
                if (reserved.contains(e.getKey()) || (!columns.containsKey(e.getKey()) && !taken.add(e.getKey()))) {
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
}
