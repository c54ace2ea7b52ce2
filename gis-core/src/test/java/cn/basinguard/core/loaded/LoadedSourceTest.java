package cn.basinguard.core.loaded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.RowFilter;
import cn.basinguard.core.source.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A source loaded into memory answers every read as the source itself does: the same features (key, every coordinate
 * to the bit, every attribute of the same class and value), the same problems, by area, by several boxes, filtered,
 * by key, without position — on files written by other tools (the shared corpus: GDAL, NGA, the OGC suite, pyogrio,
 * Natural Earth's Shapefile; curves, NULL geometries, Z and M) and on one of ours. A read by area may give a few
 * features more from the file (a GeoPackage's R-tree holds its boxes in single precision, rounded outward): every
 * feature whose exact box meets the area comes from both.
 */
class LoadedSourceTest {
    private static final Path CORPUS = Path.of(System.getProperty("basinguard.corpus", "../../shared/corpus"));

    @TempDir
    Path dir;

    @Test
    void ourOwnFileReadsTheSameFromMemory() throws Exception {
        Path gpkg = cn.basinguard.core.check.LandUseOccupationTest.write(dir.resolve("ours.gpkg"));
        assertSameAnswers(gpkg);
    }

    /** A load no longer wanted (other data opened meanwhile) stops and lets its file go. */
    @Test
    void aCancelledLoadStopsAndClosesItsSource() throws Exception {
        Path gpkg = cn.basinguard.core.check.LandUseOccupationTest.write(dir.resolve("cancelled.gpkg"));
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        DataSource file = new cn.basinguard.core.source.ForwardingSource(DataSources.openFile(gpkg, SourceOptions.DEFAULT)) {
            @Override
            public void close() {
                closed.set(true);
                super.close();
            }
        };
        assertEquals(null, LoadedSource.load(file, () -> asked.incrementAndGet() > 1));
        assertTrue(closed.get(), "the file let go");
    }

    @Test
    void filesOtherToolsWroteReadTheSameFromMemory() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus absent: " + CORPUS);
        List<Path> files;
        try (Stream<Path> all = Files.walk(CORPUS)) {
            files = all.filter(p -> p.toString().endsWith(".gpkg") || p.toString().endsWith(".shp")).sorted().toList();
        }
        int checked = 0;
        for (Path f : files) {
            DataSource probe;
            try {
                probe = DataSources.openFile(f, SourceOptions.DEFAULT);
            } catch (GisException e) {
                continue; // a file the program refuses (said elsewhere): nothing to load
            }
            probe.close();
            assertSameAnswers(f);
            checked++;
        }
        assertTrue(checked >= 10, checked + " corpus files");
    }

    private static void assertSameAnswers(Path file) {
        try (DataSource src = DataSources.openFile(file, SourceOptions.DEFAULT);
             LoadedSource model = LoadedSource.load(DataSources.openFile(file, SourceOptions.DEFAULT), () -> false)) {
            for (LayerInfo l : src.layers()) {
                if (!l.isSupported() || l.isRaster()) {
                    continue;
                }
                String where = file.getFileName() + " / " + l.name();
                Answer whole = new Answer();
                try {
                    src.read(l.name(), null, null, whole::add, whole.problems::add);
                } catch (GisException e) {
                    continue; // a layer that cannot be read is left to its file: the same failure
                }
                Answer loaded = new Answer();
                model.read(l.name(), null, null, loaded::add, loaded.problems::add);
                assertEquals(whole.text(), loaded.text(), where);
                assertEquals(sorted(whole.problems), sorted(loaded.problems), where + ": the same problems (said as each is met)");
                if (l.kind() != LayerInfo.Kind.FEATURES || whole.features.isEmpty()) {
                    continue;
                }
                Envelope extent = new Envelope();
                whole.features.values().forEach(g -> {
                    if (g.geometry() != null) {
                        extent.expandToInclude(g.geometry().getEnvelopeInternal());
                    }
                });
                Random rnd = new Random(l.name().hashCode());
                List<String> someFields = l.fields().stream().limit(2).map(LayerInfo.FieldInfo::name).toList();
                for (int k = 0; k < 12 && !extent.isNull(); k++) {
                    List<Envelope> boxes = new ArrayList<>();
                    for (int b = 0; b < 1 + k % 3; b++) {
                        double x = extent.getMinX() + rnd.nextDouble() * extent.getWidth();
                        double y = extent.getMinY() + rnd.nextDouble() * extent.getHeight();
                        double w = extent.getWidth() * rnd.nextDouble() / 2;
                        double h = extent.getHeight() * rnd.nextDouble() / 2;
                        boxes.add(new Envelope(x - w, x + w, y - h, y + h));
                    }
                    Answer fromFile = new Answer();
                    src.readMeeting(l.name(), boxes, null, someFields, fromFile::add, p -> { });
                    Answer fromModel = new Answer();
                    model.readMeeting(l.name(), boxes, null, someFields, fromModel::add, p -> { });
                    for (Map.Entry<Long, Feature> e : fromFile.features.entrySet()) {
                        Geometry g = e.getValue().geometry();
                        boolean meets = g != null && !g.isEmpty() && boxes.stream().anyMatch(b -> b.intersects(g.getEnvelopeInternal()));
                        if (meets) {
                            assertEquals(Answer.text(e.getValue()), fromModel.features.containsKey(e.getKey())
                                    ? Answer.text(fromModel.features.get(e.getKey())) : "missing", where + " box read " + k);
                        }
                    }
                    assertTrue(fromFile.features.keySet().containsAll(fromModel.features.keySet()), where + ": nothing the file does not give");
                    if (!someFields.isEmpty()) {
                        RowFilter filter = new RowFilter(someFields.get(0), "1", k % 2 == 0);
                        Answer filteredFile = new Answer();
                        src.readMeeting(l.name(), boxes, null, someFields, filter, filteredFile::add, p -> { });
                        Answer filteredModel = new Answer();
                        model.readMeeting(l.name(), boxes, null, someFields, filter, filteredModel::add, p -> { });
                        assertTrue(filteredModel.features.values().stream().allMatch(filter::test), where);
                        assertTrue(filteredFile.features.keySet().containsAll(filteredModel.features.keySet()), where);
                    }
                }
                long[] keys = whole.features.keySet().stream().filter(fid -> fid % 3 == 0).mapToLong(Long::longValue).toArray();
                Answer byKeyFile = new Answer();
                src.features(l.name(), keys, someFields, byKeyFile::add);
                Answer byKeyModel = new Answer();
                model.features(l.name(), keys, someFields, byKeyModel::add);
                assertEquals(byKeyFile.attributes(), byKeyModel.attributes(), where + " by key");
                Answer noPosition = new Answer();
                src.readWithoutPosition(l.name(), null, noPosition::add, p -> { });
                Answer noPositionModel = new Answer();
                model.readWithoutPosition(l.name(), null, noPositionModel::add, p -> { });
                assertEquals(noPosition.text(), noPositionModel.text(), where + " without position");
            }
        }
    }

    private static List<String> sorted(List<ReadProblem> problems) {
        return problems.stream().map(ReadProblem::toString).sorted().toList();
    }

    /** What a read gave, by key. */
    private static final class Answer {
        final Map<Long, Feature> features = new TreeMap<>();
        final List<ReadProblem> problems = new ArrayList<>();

        void add(Feature f) {
            features.put(f.fid(), f);
        }

        String text() {
            StringBuilder b = new StringBuilder();
            features.values().forEach(f -> b.append(text(f)).append('\n'));
            return b.toString();
        }

        String attributes() {
            StringBuilder b = new StringBuilder();
            features.values().forEach(f -> b.append(f.fid()).append(' ').append(values(f)).append('\n'));
            return b.toString();
        }

        /** Key, geometry type and every coordinate's bits (x and y: heights and measures are not kept), attributes with their classes. */
        static String text(Feature f) {
            StringBuilder b = new StringBuilder().append(f.fid()).append(' ');
            Geometry g = f.geometry();
            if (g == null) {
                b.append("NULL");
            } else {
                b.append(g.getGeometryType()).append(g.isEmpty() ? " EMPTY" : "");
                for (Coordinate c : g.getCoordinates()) {
                    b.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(c.x))).append(',').append(Long.toHexString(Double.doubleToRawLongBits(c.y)));
                }
            }
            return b.append(' ').append(values(f)).toString();
        }

        static String values(Feature f) {
            StringBuilder b = new StringBuilder("{");
            f.attributes().forEach((k, v) -> b.append(k).append('=').append(v == null ? "null" : v.getClass().getSimpleName() + ":"
                    + (v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : v)).append(';'));
            return b.append('}').toString();
        }
    }
}
