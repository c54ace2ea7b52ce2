package cn.basinguard.core.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A read by several boxes at once (a tile and its sites' boxes) hands on exactly the features whose envelope meets any
 * box, each once and in key order — with the R-tree (one statement for up to 250 boxes, more in several), and without one.
 */
class MultiBoxReadTest {
    @TempDir
    Path dir;

    private final GeometryFactory gf = new GeometryFactory();

    @Test
    void eachFeatureMeetingAnyBoxOnceInKeyOrder() throws Exception {
        Path file = dir.resolve("patches.gpkg");
        SplittableRandom rnd = new SplittableRandom(42);
        List<Envelope> envelopes = new ArrayList<>();
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "2024-12-31T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_ZONE38);
            w.createFeatureTable("P", null, null, "geom", "POLYGON", 4526, List.of(GpkgColumn.text("BSM", 18)));
            for (int i = 1; i <= 800; i++) {
                double x = 38_450_000 + rnd.nextDouble() * 5000;
                double y = 3_520_000 + rnd.nextDouble() * 5000;
                double s = 5 + rnd.nextDouble() * 120;
                w.insertFeature("P", i, gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + s, y),
                    new Coordinate(x + s, y + s * 0.7), new Coordinate(x, y)}), "B" + i);
                envelopes.add(new Envelope(x, x + s, y, y + s * 0.7));
            }
            w.commit();
        }
        Path plain = dir.resolve("no-index.gpkg");
        Files.copy(file, plain);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + plain); Statement st = c.createStatement()) {
            st.execute("DROP TABLE rtree_P_geom");
            st.execute("DELETE FROM gpkg_extensions WHERE table_name = 'P'");
        }
        List<Envelope> boxes = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            double x = 38_450_000 + rnd.nextDouble() * 5000;
            double y = 3_520_000 + rnd.nextDouble() * 5000;
            boxes.add(new Envelope(x, x + rnd.nextDouble() * 300, y, y + rnd.nextDouble() * 300));
        }
        int hits = 0;
        for (int n : new int[] {1, 2, 9, 250, 600}) {
            List<Envelope> some = boxes.subList(0, n);
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < envelopes.size(); i++) {
                Envelope e = envelopes.get(i);
                if (some.stream().anyMatch(e::intersects)) {
                    expected.add(i + 1L);
                }
            }
            hits += expected.size();
            for (Path f : List.of(file, plain)) {
                try (GeoPackageSource s = GeoPackageSource.open(f)) {
                    List<Long> read = new ArrayList<>();
                    List<String> ids = new ArrayList<>();
                    s.readMeeting("P", some, null, List.of("BSM"), g -> {
                        read.add(g.fid());
                        ids.add((String) g.attributes().get("BSM"));
                    }, p -> { });
                    List<Long> inOrder = n > 250 ? read.stream().sorted().toList() : read;
                    assertEquals(inOrder.stream().sorted().toList(), inOrder, "in key order");
                    assertEquals(read.size(), read.stream().distinct().count(), "each once");
                    assertTrue(read.containsAll(expected), n + " boxes, " + f.getFileName());
                    // the R-tree keeps its boxes in single precision, rounded outwards (4 m at zone-38 eastings): a feature
                    // just beside a box may come too, as the reader's contract allows (its callers test what they get)
                    for (long fid : read) {
                        Envelope e = new Envelope(envelopes.get((int) fid - 1));
                        e.expandBy(8);
                        assertTrue(expected.contains(fid) || some.stream().anyMatch(e::intersects), "feature " + fid);
                    }
                    assertEquals("B" + read.get(0), ids.get(0));
                }
            }
        }
        assertTrue(hits > 500, hits + " hits");
    }
}
