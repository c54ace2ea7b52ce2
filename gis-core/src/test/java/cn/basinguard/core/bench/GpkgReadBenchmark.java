package cn.basinguard.core.bench;

import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reading a 200,000-polygon layer (6–30 vertices each) in full into JTS geometries, against SQLite alone scanning
 * the same blobs with nothing decoded. Prints features/second, the ratio to the bare scan, and peak heap.
 * Run: mvn -q -o -pl gis-core -Pbench verify -Dbench.main=cn.basinguard.core.bench.GpkgReadBenchmark
 * (the file is generated once into gis-core/target/bench/).
 */
public final class GpkgReadBenchmark {
    static final int FEATURES = 200_000;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/polygons-200k.gpkg");
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            generate(file);
            System.out.printf("generated %s (%d MB) in %.1f s%n", file, Files.size(file) >> 20, (System.nanoTime() - t) / 1e9);
        }
        for (int run = 1; run <= 3; run++) {
            resetPeaks();
            long t0 = System.nanoTime();
            long[] scanned = scan(file);
            long t1 = System.nanoTime();
            List<Feature> features = new ArrayList<>(FEATURES);
            long vertices = 0;
            try (GeoPackageSource src = GeoPackageSource.open(file)) {
                src.read("patches", features::add, p -> { throw new IllegalStateException(p.toString()); });
            }
            long t2 = System.nanoTime();
            for (Feature f : features) {
                vertices += f.geometry().getNumPoints();
            }
            features.clear();
            resetPeaks();
            long t3 = System.nanoTime();
            try (GeoPackageSource src = GeoPackageSource.open(file)) {
                src.read("patches", null, List.of(), features::add, p -> { throw new IllegalStateException(p.toString()); });
            }
            long t4 = System.nanoTime();
            double geometriesOnly = (t4 - t3) / 1e9;
            double scan = (t1 - t0) / 1e9;
            double read = (t2 - t1) / 1e9;
            System.out.printf("run %d: SQLite blob scan %d rows, %d MB: %.3f s | JTS geometries only: %.3f s (ratio %.2f) | with the 3 attributes:"
                            + " %.3f s = %.0f features/s, %d vertices (ratio %.2f) | peak heap %d MB%n",
                    run, scanned[0], scanned[1] >> 20, scan, geometriesOnly, geometriesOnly / scan, read, FEATURES / read, vertices,
                    read / scan, peakHeapMb());
            features.clear();
        }
    }

    static long[] scan(Path file) throws Exception {
        long rows = 0;
        long bytes = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + "?mode=ro&immutable=1");
             Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("SELECT geom FROM patches")) {
                while (rs.next()) {
                    byte[] b = rs.getBytes(1);
                    rows++;
                    bytes += b.length;
                }
            }
        }
        return new long[] {rows, bytes};
    }

    static void generate(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        GeometryFactory gf = new GeometryFactory();
        SplittableRandom rnd = new SplittableRandom(20230904);
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_ZONE38);
            w.createFeatureTable("patches", "patches", "", "geom", "POLYGON", 4526,
                    List.of(GpkgColumn.text("BSM"), GpkgColumn.text("DLBM"), GpkgColumn.real("TBMJ")));
            int cols = 500;
            for (int i = 0; i < FEATURES; i++) {
                double cx = 38_440_000 + (i % cols) * 80.0;
                double cy = 3_490_000 + (i / cols) * 80.0;
                int n = 6 + rnd.nextInt(25);
                Coordinate[] cs = new Coordinate[n + 1];
                for (int k = 0; k < n; k++) {
                    double a = 2 * Math.PI * k / n;
                    double r = 25 + 10 * rnd.nextDouble();
                    cs[k] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
                }
                cs[n] = cs[0];
                var p = gf.createPolygon(cs);
                w.insertFeature("patches", p, String.format("42130320%010d", i), "010" + (1 + rnd.nextInt(3)), Math.round(p.getArea() * 100) / 100.0);
            }
            w.commit();
        }
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
