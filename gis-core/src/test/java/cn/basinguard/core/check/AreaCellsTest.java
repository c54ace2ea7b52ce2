package cn.basinguard.core.check;

import static cn.basinguard.core.check.CheckEngineTest.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.ForwardingSource;
import cn.basinguard.core.source.RowFilter;
import cn.basinguard.core.source.SourceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A box the area's boundary crosses is read by the cells of it that meet the area and along its sides: whatever the
 * boxes and patches, a read hands on every patch whose box meets the read box and which meets the area, and no other
 * (but those the R-tree's float boxes bring from a hair beside the read box).
 */
class AreaCellsTest {
    private static final double X = 440000;
    private static final double Y = 3500000;

    @TempDir
    Path dir;

    @Test
    void aReadAcrossTheBoundaryHandsOnExactlyWhatMeetsTheArea() throws Exception {
        Random random = new Random(1130);
        Path gpkg = dir.resolve("cells.gpkg");
        List<Geometry> patches = new ArrayList<>();
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
            w.createFeatureTable("YJJBNTTB", "永久基本农田", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM")));
            for (int i = 0; i < 3000; i++) {
                double x = random.nextDouble() * 1000;
                double y = random.nextDouble() * 1000;
                double s = random.nextInt(20) == 0 ? 50 + random.nextDouble() * 200 : 2 + random.nextDouble() * 20;
                Geometry g = box(X + x, Y + y, X + x + s, Y + y + s * (0.3 + random.nextDouble()));
                patches.add(g);
                w.insertFeature("YJJBNTTB", g, Integer.toString(i));
            }
            w.commit();
        }
        // a star of 60 points: its box is half outside it, and its boundary crosses most boxes read
        Coordinate[] star = new Coordinate[61];
        for (int i = 0; i < 60; i++) {
            double r = i % 2 == 0 ? 480 : 150 + random.nextDouble() * 100;
            double a = 2 * Math.PI * i / 60;
            star[i] = new Coordinate(X + 500 + r * Math.cos(a), Y + 500 + r * Math.sin(a));
        }
        star[60] = star[0].copy();
        Geometry outline = new GeometryFactory().createPolygon(star);
        Area area = Area.outline("星", outline, CrsRegistry.fromEpsg(4547));
        int handedOn = 0;
        try (DataSources.Opened opened = DataSources.openAll(List.of(gpkg.toString()), SourceOptions.DEFAULT)) {
            RoleLayer farmland = DatasetLoader.within(opened.sources(), Map.of(), area).input().layer(LayerRole.BASIC_FARMLAND);
            for (int b = 0; b < 60; b++) {
                double x = random.nextDouble() * 900;
                double y = random.nextDouble() * 900;
                double s = 20 + random.nextDouble() * 300;
                Envelope read = new Envelope(X + x, X + x + s, Y + y, Y + y + s);
                List<String> got = new ArrayList<>();
                farmland.reader().readAny(List.of(read), f -> {
                    assertTrue(outline.intersects(f.geometry()), "handed on but apart from the area");
                    // the R-tree holds boxes rounded outwards to floats: a patch a hair beside the box may come too
                    if (f.geometry().getEnvelopeInternal().intersects(read)) {
                        got.add((String) f.attributes().get("BSM"));
                    }
                });
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < patches.size(); i++) {
                    if (patches.get(i).getEnvelopeInternal().intersects(read) && outline.intersects(patches.get(i))) {
                        expected.add(Integer.toString(i));
                    }
                }
                assertEquals(expected, got, "box " + read);
                handedOn += got.size();
            }
        }
        assertTrue(handedOn > 500, handedOn + " handed on");
    }

    /**
     * A source that tests the outline itself (a database) is asked for each box whole: cutting it into cells only
     * lengthened the server's query. A file is asked for the cells that meet the area and the box's sides.
     */
    @Test
    void aSourceThatTestsTheOutlineGetsTheBoxWhole() throws Exception {
        Path gpkg = insideAndOutside(dir.resolve("whole.gpkg"));
        Area area = triangle();
        Envelope read = new Envelope(X, X + 100, Y, Y + 100);
        for (boolean keeps : new boolean[] {true, false}) {
            try (DataSources.Opened opened = DataSources.openAll(List.of(gpkg.toString()), SourceOptions.DEFAULT)) {
                List<List<Envelope>> asked = new ArrayList<>();
                DataSource recording = new Recording(opened.sources().get(0), keeps, asked, new ArrayList<>(), new ArrayList<>());
                RoleLayer farmland = DatasetLoader.within(List.of(recording), Map.of(), area).input().layer(LayerRole.BASIC_FARMLAND);
                List<String> got = new ArrayList<>();
                farmland.reader().readAny(List.of(read), f -> got.add((String) f.attributes().get("BSM")));
                assertEquals(List.of("inside"), got);
                List<Envelope> boxes = asked.get(asked.size() - 1);
                if (keeps) {
                    assertEquals(List.of(read), boxes);
                } else {
                    assertTrue(boxes.size() > 4 && !boxes.contains(read), boxes.toString());
                }
            }
        }
    }

    /**
     * A source that tests the outline is given it only for reads with a box the area's boundary may cross (or that lies
     * outside): what meets a box wholly inside is tested by the reader all the same, and the server's test of every row
     * against the outline was what made a unit's check from PostGIS cost its server more than the whole district's.
     */
    @Test
    void aSourceThatTestsTheOutlineIsNotAskedToForBoxesWhollyInside() throws Exception {
        Path gpkg = insideAndOutside(dir.resolve("inside.gpkg"));
        Area area = triangle();
        try (DataSources.Opened opened = DataSources.openAll(List.of(gpkg.toString()), SourceOptions.DEFAULT)) {
            List<Geometry> outlines = new ArrayList<>();
            DataSource recording = new Recording(opened.sources().get(0), true, new ArrayList<>(), outlines, new ArrayList<>());
            RoleLayer farmland = DatasetLoader.within(List.of(recording), Map.of(), area).input().layer(LayerRole.BASIC_FARMLAND);
            List<String> got = new ArrayList<>();
            farmland.reader().readAny(List.of(new Envelope(X + 5, X + 30, Y + 5, Y + 30)), f -> got.add((String) f.attributes().get("BSM")));
            assertEquals(List.of("inside"), got);
            assertEquals(null, outlines.get(outlines.size() - 1), "a box wholly inside: no outline to test");
            farmland.reader().readAny(List.of(new Envelope(X, X + 100, Y, Y + 100)), f -> got.add((String) f.attributes().get("BSM")));
            assertEquals(List.of("inside", "inside"), got);
            assertTrue(outlines.get(outlines.size() - 1) != null, "a box the boundary crosses: the outline is tested");
            farmland.reader().readAny(List.of(new Envelope(X + 5, X + 30, Y + 5, Y + 30), new Envelope(X + 85, X + 95, Y + 85, Y + 95)),
                    f -> got.add((String) f.attributes().get("BSM")));
            assertTrue(outlines.get(outlines.size() - 1) != null, "one box inside, one outside: the outline is tested");
        }
    }

    /**
     * A unit's check scans a file's table for rows its R-tree lacks (an index out of step), though it reports none; a
     * database's index cannot lack rows, and its table is not scanned for a unit (it is for the whole district, whose
     * check counts the rows without a position).
     */
    @Test
    void aUnitsCheckScansForRowsTheIndexLacksOnlyWhereAnIndexCanLackThem() throws Exception {
        Path gpkg = insideAndOutside(dir.resolve("scan.gpkg"));
        for (boolean database : new boolean[] {false, true}) {
            for (Area area : new Area[] {triangle(), null}) {
                try (DataSources.Opened opened = DataSources.openAll(List.of(gpkg.toString()), SourceOptions.DEFAULT)) {
                    List<String> scanned = new ArrayList<>();
                    DataSource recording = new Recording(opened.sources().get(0), database, new ArrayList<>(), new ArrayList<>(), scanned);
                    DatasetLoader.within(List.of(recording), Map.of(), area).input().layer(LayerRole.BASIC_FARMLAND).reader().readWithoutPosition(f -> { });
                    assertEquals(database && area != null ? List.of() : List.of("YJJBNTTB"), scanned,
                            (database ? "database" : "file") + (area == null ? ", whole district" : ", one unit"));
                }
            }
        }
    }

    /** Two basic-farmland patches: one inside {@link #triangle()}, one outside it (in its box). */
    private static Path insideAndOutside(Path gpkg) throws Exception {
        try (GeoPackageWriter w = GeoPackageWriter.create(gpkg, "2024-01-01T00:00:00.000Z")) {
            w.addSrs(GpkgSrs.CGCS2000_GK3_CM114);
            w.createFeatureTable("YJJBNTTB", "永久基本农田", "", "geom", "POLYGON", 4547, List.of(GpkgColumn.text("BSM")));
            w.insertFeature("YJJBNTTB", box(X + 10, Y + 10, X + 20, Y + 20), "inside");
            w.insertFeature("YJJBNTTB", box(X + 80, Y + 80, X + 90, Y + 90), "outside");
            w.commit();
        }
        return gpkg;
    }

    /** A triangle over the lower-left half of its box, with enough vertices along its diagonal for an edge index. */
    private static Area triangle() {
        List<Coordinate> ring = new ArrayList<>(List.of(new Coordinate(X, Y), new Coordinate(X + 100, Y)));
        for (int i = 1; i < 40; i++) {
            ring.add(new Coordinate(X + 100 - 2.5 * i, Y + 2.5 * i));
        }
        ring.add(new Coordinate(X, Y + 100));
        ring.add(new Coordinate(X, Y));
        return Area.outline("三角", new GeometryFactory().createPolygon(ring.toArray(Coordinate[]::new)), CrsRegistry.fromEpsg(4547));
    }

    /** A source that says whether it keeps the outline, and records the boxes and the outline of each read by area. */
    private static final class Recording extends ForwardingSource {
        private final boolean keeps;
        private final List<List<Envelope>> asked;
        private final List<Geometry> outlines;
        private final List<String> scanned;

        Recording(DataSource inner, boolean keeps, List<List<Envelope>> asked, List<Geometry> outlines, List<String> scanned) {
            super(inner);
            this.keeps = keeps;
            this.asked = asked;
            this.outlines = outlines;
            this.scanned = scanned;
        }

        @Override
        public boolean keepsOutline() {
            return keeps;
        }

        @Override
        public void readMeeting(String layer, List<Envelope> boxes, Geometry outline, List<String> fields, FeatureSink sink,
                                Consumer<ReadProblem> problems) {
            asked.add(List.copyOf(boxes));
            outlines.add(outline);
            super.readMeeting(layer, boxes, outline, fields, sink, problems);
        }

        @Override
        public void readMeeting(String layer, List<Envelope> boxes, Geometry outline, List<String> fields, RowFilter filter,
                                FeatureSink sink, Consumer<ReadProblem> problems) {
            asked.add(List.copyOf(boxes));
            outlines.add(outline);
            super.readMeeting(layer, boxes, outline, fields, filter, sink, problems);
        }

        /** A source that tests the outline stands for a database here: its index cannot miss rows. */
        @Override
        public boolean indexMayMissRows() {
            return !keeps;
        }

        @Override
        public void readWithoutPosition(String layer, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
            scanned.add(layer);
            super.readWithoutPosition(layer, fields, sink, problems);
        }

        @Override
        public void close() {
            // the test's DataSources.Opened closes the file
        }
    }
}
