package cn.basinguard.core.gpkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Small GeoPackages for reader tests, and raw SQL access to spoil them the way real files get spoilt. */
final class TestGpkg {
    static final GeometryFactory GF = new GeometryFactory();

    private TestGpkg() {
    }

    static Geometry square(double x, double y, double size) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size),
                new Coordinate(x, y + size), new Coordinate(x, y)});
    }

    /** A GeoPackage with one layer of {@code n} squares in EPSG:4547, named {@code layer}. */
    static Path squares(Path file, String layer, int n) throws Exception {
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
            w.createFeatureTable(layer, layer, "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("NAME")));
            for (int i = 0; i < n; i++) {
                w.insertFeature(layer, square(440000 + i * 100, 3500000, 50), "patch " + i);
            }
            w.commit();
        }
        return file;
    }

    /** The R-tree triggers call ST_* functions plain SQLite lacks; tests that edit rows drop them first. */
    static void dropTriggers(Path file) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String n : names) {
            sql(file, "DROP TRIGGER \"" + n.replace("\"", "\"\"") + "\"");
        }
    }

    static void sql(Path file, String sql, Object... params) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }
}
