package cn.basinguard.core.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.basinguard.core.source.RowFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * A read filtered on a land-class prefix in the GeoPackage's SQL keeps exactly what the rule keeps (decode everything,
 * then test in Java): leading blanks and control characters, NULL, numbers, the prefix inside a code; over several
 * boxes each row once.
 */
class FilteredReadTest {
    @TempDir
    Path dir;

    @Test
    void theStatementKeepsWhatTheRuleKeeps() throws Exception {
        Path file = dir.resolve("dltb.gpkg");
        Object[] codes = {"0101", " 0103", "0301", null, "1006", "01", 101L, "\t0102", "\u00010104", "1001", "", 0.1};
        try (GeoPackageWriter w = GeoPackageWriter.create(file, "2024-12-31T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_ZONE38);
            w.createFeatureTable("DLTB", null, null, "geom", "MULTIPOLYGON", 4526, List.of(GpkgColumn.text("DLBM", 5)));
            for (int i = 0; i < codes.length; i++) {
                double x = 38450000 + 100 * i;
                Geometry g = new WKTReader().read("MULTIPOLYGON(((" + x + " 3520000, " + (x + 50) + " 3520000, " + (x + 50)
                        + " 3520050, " + x + " 3520000)))");
                w.insertFeature("DLTB", i + 1, g, codes[i]);
            }
            w.commit();
        }
        Envelope all = new Envelope(38440000, 38460000, 3510000, 3530000);
        // two boxes that overlap in the middle rows
        List<Envelope> two = List.of(new Envelope(38449000, 38450650, 3510000, 3530000), new Envelope(38450350, 38460000, 3510000, 3530000));
        RowFilter cultivated = new RowFilter("DLBM", "01", true);
        try (GeoPackageSource s = GeoPackageSource.open(file)) {
            for (RowFilter filter : List.of(cultivated, cultivated.negate())) {
                List<Long> java = new ArrayList<>();
                s.read("DLTB", all, List.of("DLBM"), f -> {
                    if (filter.test(f)) {
                        java.add(f.fid());
                    }
                }, p -> { });
                List<Long> sql = new ArrayList<>();
                s.readMeeting("DLTB", List.of(all), null, List.of("DLBM"), filter, f -> sql.add(f.fid()), p -> { });
                assertEquals(java, sql, "matching " + filter.matching());
                assertEquals(filter.matching() ? List.of(1L, 2L, 6L, 8L, 9L) : List.of(3L, 4L, 5L, 7L, 10L, 11L, 12L), sql);
                List<Long> byTwo = new ArrayList<>();
                s.readMeeting("DLTB", two, null, List.of("DLBM"), filter, f -> byTwo.add(f.fid()), p -> { });
                assertEquals(java, byTwo.stream().sorted().toList(), "each row once over two boxes");
                assertEquals(byTwo.size(), byTwo.stream().distinct().count());
            }
        }
    }
}
