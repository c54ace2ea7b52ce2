package cn.basinguard.core.check;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.RowFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A role layer read from its source area by area, as the checks ask for areas: through the source's index where it
 * has one. A layer the source can only scan whole is read once and then held (the price of a file without a spatial
 * index, said in the layer's description). A 三调 land-use layer serving as cultivated land passes on only its 耕地
 * parcels; a check cut to one unit passes on only what meets it. What reading finds wrong is kept once per feature
 * however many areas read it ({@link #problems()}). Safe for several threads, as its source is.
 */
final class SourceReader implements LayerReader {
    private final DataSource source;
    private final LayerInfo info;
    private final List<String> fields;
    private final boolean onlyCultivated;
    private final Area.Filter area;
    private final Map<String, ReadProblem> problems = new ConcurrentHashMap<>();
    private volatile ListReader held;

    SourceReader(DataSource source, LayerInfo info, List<String> fields, boolean onlyCultivated, Area.Filter area) {
        this.source = source;
        this.info = info;
        this.fields = fields;
        this.onlyCultivated = onlyCultivated;
        this.area = area;
        String landClass = null;
        if (onlyCultivated) {
            Map<String, Object> names = new java.util.LinkedHashMap<>();
            (fields != null ? fields : info.fields().stream().map(LayerInfo.FieldInfo::name).toList()).forEach(n -> names.put(n, null));
            landClass = FieldPurpose.LAND_CLASS.find(names);
        }
        // 耕地 is DLBM 01xx (DatasetLoader.isCultivated, which still tests each feature)
        this.cultivated = landClass == null ? null : new RowFilter(landClass, "01", true);
    }

    /** A land-use layer read as cultivated land: the test on its land class that the source applies; null otherwise. */
    private final RowFilter cultivated;

    @Override
    public void read(Envelope bbox, Consumer<SourceFeature> sink) {
        readAny(bbox == null ? null : List.of(bbox), sink);
    }

    /**
     * Whether {@link #readOthers} hands out the other land classes of a land-use layer read as cultivated land: it does
     * when it reads from the source (a layer it holds holds only its 耕地).
     */
    boolean passesOthers() {
        return cultivated != null && source.indexed(info.name());
    }

    /**
     * Several boxes read at once: a feature that two of them meet comes once (from a database, is sent once). A 三调
     * land-use layer read as cultivated land is asked for its 耕地 only: the source never decodes the other classes'
     * rows (three quarters of a DLTB), which the site review reads apart, around the sites ({@link #readOthers}).
     */
    @Override
    public void readAny(List<Envelope> boxes, Consumer<SourceFeature> sink) {
        if (!source.indexed(info.name())) {
            if (boxes == null) {
                held().read(null, sink);
            } else {
                held().readAny(boxes, sink);
            }
            return;
        }
        readFromSource(boxes, cultivated, fields, f -> {
            if (keeps(f)) {
                sink.accept(toSource(f));
            }
        });
    }

    /**
     * The features of a land-use layer read as cultivated land that are not 耕地, whose box meets any of {@code boxes}
     * (when {@link #passesOthers()}): what the site review needs besides cultivated land, read around the sites only,
     * with all the columns the site review prints ({@link #hasSurveyColumns}).
     */
    void readOthers(List<Envelope> boxes, Consumer<SourceFeature> others) {
        // with the site review's columns: only the site review reads them, and most of them are patches a site occupies,
        // whose columns would otherwise be asked for again by key ({@link #features}: a second lookup of each row)
        readFromSource(boxes, cultivated.negate(), surveyColumns(), f -> {
            if (!DatasetLoader.isCultivated(f.attributes()) && (area == null || area.meets(f.geometry()))) {
                others.accept(toSource(f));
            }
        });
    }

    /** Reads the source where any of {@code boxes} is met (everywhere when null), within the area, by {@code filter} (null: all rows). */
    private void readFromSource(List<Envelope> boxes, RowFilter filter, List<String> fields, FeatureSink pass) {
        List<Envelope> wanted = new ArrayList<>();
        // whether every box read lies wholly inside the area: then a source that tests the outline is not given it
        boolean allInside = area != null && boxes != null;
        if (boxes == null) {
            wanted.add(area == null ? null : area.envelope());
        } else {
            for (Envelope b : boxes) {
                Envelope box = area == null ? b : b.intersection(area.envelope());
                if (box.isNull()) {
                    continue;
                }
                if (area == null) {
                    wanted.add(box);
                } else {
                    allInside &= inArea(box, wanted);
                }
            }
            if (wanted.isEmpty()) {
                return;
            }
        }
        FeatureSink positioned = f -> {
            if (ListReader.hasPosition(f.geometry())) {
                pass.accept(f);
            }
        };
        if (wanted.size() == 1 && wanted.get(0) == null) {
            source.read(info.name(), null, fields, filter == null ? positioned : f -> {
                if (filter.test(f)) {
                    positioned.accept(f);
                }
            }, this::problem);
            return;
        }
        // what meets a box but not the area stays in a source that can tell (a database). Not asked where every box lies
        // wholly inside the area: what meets such a box is tested here all the same (keeps), and the server's
        // test of each row against an outline of thousands of vertices made a unit's check from PostGIS cost the server
        // more than the whole district's (3.0-3.3 s against 2.7 s of CPU, the full-tiling county), most of it for the
        // tiles inside the unit
        Geometry outline = area == null || allInside ? null : area.near();
        if (filter == null) {
            source.readMeeting(info.name(), wanted, outline, fields, positioned, this::problem);
        } else {
            source.readMeeting(info.name(), wanted, outline, fields, filter, positioned, this::problem);
        }
    }

    /** Cells to a side of a box the area's boundary crosses, each read only if it meets the area. */
    private static final int CELLS = 4;

    /**
     * The parts of {@code box} to read for features that meet the area. A box wholly inside is read whole. A box wholly
     * outside (inside the unit's box, not the unit: a third to a half of an irregular unit's box) is read only along its
     * four sides: what lies wholly inside the box cannot meet the area, and what meets the box without lying inside it
     * crosses one of its sides. A box the boundary crosses is read by the cells of a grid over it that meet the area, and
     * along its sides: a feature meets the area at a point, which lies in a cell that meets the area or outside the box
     * (then the feature's box crosses a side). A tile across a unit's boundary read and decoded every patch of its box
     * before, half of them only to be dropped (a fifth of the rows a unit's check read). True when the box lies wholly
     * inside.
     */
    private boolean inArea(Envelope box, List<Envelope> wanted) {
        int side = area.sideOf(box);
        if (side > 0) {
            wanted.add(box);
            return true;
        }
        if (side < 0) {
            rim(box, wanted);
            return false;
        }
        if (source.keepsOutline() && area.near() != null) {
            wanted.add(box); // the source tests the outline itself: finer boxes would only lengthen its query
            return false;
        }
        boolean skipped = false;
        List<Envelope> cells = new ArrayList<>();
        for (int i = 0; i < CELLS; i++) {
            for (int j = 0; j < CELLS; j++) {
                Envelope cell = new Envelope(edge(box.getMinX(), box.getMaxX(), i), edge(box.getMinX(), box.getMaxX(), i + 1),
                        edge(box.getMinY(), box.getMaxY(), j), edge(box.getMinY(), box.getMaxY(), j + 1));
                if (area.sideOf(cell) < 0) {
                    skipped = true;
                } else {
                    cells.add(cell);
                }
            }
        }
        if (!skipped) {
            wanted.add(box);
            return false;
        }
        wanted.addAll(cells);
        rim(box, wanted);
        return false;
    }

    /** The {@code i}-th of the cells' edges from {@code min} to {@code max}: the same value for the two cells beside it. */
    private static double edge(double min, double max, int i) {
        return i == CELLS ? max : min + (max - min) * i / CELLS;
    }

    /** The box's four sides as boxes without width: they meet every feature's box that crosses into it from outside. */
    private static void rim(Envelope box, List<Envelope> wanted) {
        wanted.add(new Envelope(box.getMinX(), box.getMinX(), box.getMinY(), box.getMaxY()));
        wanted.add(new Envelope(box.getMaxX(), box.getMaxX(), box.getMinY(), box.getMaxY()));
        wanted.add(new Envelope(box.getMinX(), box.getMaxX(), box.getMinY(), box.getMinY()));
        wanted.add(new Envelope(box.getMinX(), box.getMaxX(), box.getMaxY(), box.getMaxY()));
    }

    private List<String> surveyColumns() {
        if (fields == null) {
            return null; // every column already
        }
        List<String> columns = DatasetLoader.surveyColumns(info);
        fields.stream().filter(c -> !columns.contains(c)).forEach(columns::add); // what the checks read besides, if anything
        return columns;
    }

    /** Whether a feature this reader handed out has the site review's columns: those {@link #readOthers} hands out. */
    boolean hasSurveyColumns(SourceFeature f) {
        return passesOthers() && !DatasetLoader.isCultivated(f.attributes());
    }

    /** The patches' 三调 columns, those the site review prints: not the whole row (a DLTB has a dozen more). */
    @Override
    public void features(long[] fids, Consumer<SourceFeature> sink) {
        if (!source.indexed(info.name())) {
            held().features(fids, sink); // read once with those columns: a source without keys cannot look them up
            return;
        }
        source.features(info.name(), fids, DatasetLoader.surveyColumns(info), f -> sink.accept(toSource(f)));
    }

    @Override
    public void readWithoutPosition(Consumer<SourceFeature> sink) {
        if (!source.indexed(info.name())) {
            held().readWithoutPosition(sink);
            return;
        }
        // a check of one unit reads the rows too, though it reports none of them (no position, so not in the unit): the
        // scan is what finds an index out of step with its table, which a read by area cannot see — unless the source
        // cannot have one (a database: the scan was a sequential read of the whole table on the server, 0.2-0.4 s of a
        // county DLTB at every unit's check)
        boolean reported = area == null;
        if (!reported && !source.indexMayMissRows()) {
            return;
        }
        source.readWithoutPosition(info.name(), fields, f -> {
            if (ListReader.hasPosition(f.geometry())) {
                // a row with a position the spatial index does not hold (an index out of step with its table, as a tool
                // that wrote the rows without the index's triggers leaves it): every read by area misses it, and the
                // figures would be short of it without a word. Refused, with what to do.
                throw new GisException("check.indexOutOfStep", source.label() + " / " + info.name(), Long.toString(f.fid()));
            }
            if (reported && keeps(f)) {
                sink.accept(toSource(f));
            }
        }, reported ? this::problem : p -> { }); // nor what is wrong with rows that lie nowhere in the unit
    }

    /**
     * The layer's features, or, cut to an area, the share of them its box takes of the layer's extent (an estimate, as
     * the count of a database is: it only sizes the tiles, so that a unit's check has tiles of the size the whole
     * district's has — not a few huge ones); −1 for a land-use layer read as cultivated land, whose 耕地 only a read tells.
     */
    @Override
    public long count() {
        long all = info.featureCount();
        if (onlyCultivated || all < 0 || area == null) {
            return onlyCultivated ? -1 : all;
        }
        Envelope e = info.extent();
        if (e == null || e.isNull() || e.getArea() <= 0) {
            return all;
        }
        return Math.round(all * e.intersection(area.envelope()).getArea() / e.getArea());
    }

    @Override
    public Envelope extent() {
        Envelope e = info.extent();
        if (e == null && !source.indexed(info.name())) {
            return held().extent();
        }
        if (e != null && area != null) {
            e = e.intersection(area.envelope());
        }
        return e == null || e.isNull() ? null : new Envelope(e);
    }

    /** What reading found wrong, once per feature and kind, in feature order. */
    List<ReadProblem> problems() {
        List<ReadProblem> out = new ArrayList<>(problems.values());
        out.sort(java.util.Comparator.comparingLong(ReadProblem::fid).thenComparing(p -> p.kind().ordinal()));
        return out;
    }

    private boolean keeps(Feature f) {
        if (onlyCultivated && !DatasetLoader.isCultivated(f.attributes())) {
            return false;
        }
        return area == null || !ListReader.hasPosition(f.geometry()) || area.meets(f.geometry());
    }

    private static SourceFeature toSource(Feature f) {
        return new SourceFeature(f.fid(), f.geometry(), f.attributes());
    }

    private void problem(ReadProblem p) {
        // a layer-wide problem (fid -1) from each area read says the same thing: keep one, the largest count
        problems.merge(p.fid() + "/" + p.kind(), p, (a, b) -> a.fid() >= 0 ? a : larger(a, b));
    }

    private static ReadProblem larger(ReadProblem a, ReadProblem b) {
        try {
            return Long.parseLong(b.reason().split(",")[0].trim()) > Long.parseLong(a.reason().split(",")[0].trim()) ? b : a;
        } catch (NumberFormatException e) {
            return a;
        }
    }

    private ListReader held() {
        ListReader h = held;
        if (h == null) {
            synchronized (this) {
                h = held;
                if (h == null) {
                    List<SourceFeature> all = new ArrayList<>();
                    // with the site review's columns: they are looked up here, by the numbers of this one read
                    source.read(info.name(), area == null ? null : area.envelope(), surveyColumns(), f -> {
                        if (keeps(f)) {
                            all.add(toSource(f));
                        }
                    }, this::problem);
                    h = new ListReader(all);
                    held = h;
                }
            }
        }
        return h;
    }
}
