package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.i18n.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The work on the big layers — cultivated land, basic farmland, the ecological red line — done area by area
 * ("tiles" of the working grid), so that memory follows one tile's patches, not the file. For each tile, every
 * layer is read where the tile needs it; each patch belongs to exactly one tile (the one holding the lower-left
 * corner of its box), which measures it, adds its share to each unit, and, for basic farmland, cuts its conflicts
 * with the red line; each project site belongs to one tile too, which reads around it (by the site's own box) every
 * patch it can touch.
 *
 * <p>Big polygons are never overlaid whole against small patches: the units and the red-line polygons are cut once
 * per tile to the box the tile's patches occupy (a patch inside that box meets only what lies inside it), so a
 * 30,000-vertex red line costs a tile only the part of its boundary that runs through it. Red-line polygons that
 * several tiles read are brought into the grid (moved, validated, measured) once and kept while there is room.
 *
 * <p>The land-use layer (all land classes) is read only around the sites, by the tile that owns each site, for the
 * site review; it plays no part in the tiles' layout, the unit sums or the scope.
 *
 * <p>Unit totals are exact sums ({@link ExactSum}): the same figures whatever the tiles and threads. Cultivated land's
 * are net of 田坎 (each patch's share × (1 − KCXS)), as 三调 statistics count 耕地面积 and as a site's figure is.
 */
final class TiledCheck {
    /**
     * About this many patches (all big layers together) per tile: small enough for memory, large enough for reads. What a
     * tile holds lives until it is done, so a big tile outlives young collections and is copied into the old generation
     * (full-tiling county file, 2 threads: 4000 per tile, 3 full collections, 517 MB resident; 800, none, 414 MB, at the
     * same CPU time; 400, 388 MB but 10 % more CPU in the tiles' fixed work).
     */
    static final int PATCHES_PER_TILE = 800;
    /** Room, in vertices, for big red-line polygons brought into the grid once and shared by tiles (≈ 16 bytes each). */
    private static final long SHARED_VERTICES = 6_000_000;
    /** A polygon with at least this many vertices is worth keeping between tiles. */
    private static final int BIG_POLYGON = 2000;
    /**
     * A red-line polygon with more vertices than this (and than the patch) is the fixed side of its overlaps with basic
     * farmland: the size up to which a polygon is clipped rather than overlaid ({@link OverlapMeter}).
     */
    private static final int BIG_PARTNER = 256;
    /** Boxes are widened by this much (m) before cutting, so nothing on their edge is cut through. */
    private static final double MARGIN = 1.0;

    private static final List<LayerRole> BIG = List.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE);

    private final AreaMeter meter;
    private final CheckParameters parameters;
    private final LayerPreparer preparer;
    private final Map<LayerRole, RoleLayer> layers;
    private final Map<LayerRole, Boolean> zoneGuard = new EnumMap<>(LayerRole.class);
    private final List<NamedUnit> units;
    private final List<EncroachmentCheck.Placed> sites;
    private final boolean reportOutside;
    /** Whether results keep the pieces' outlines (see {@link CheckEngine#figuresOnly()}). */
    private final boolean keepPieces;
    private final Map<String, LayerPreparer.PreparedOne> shared = new ConcurrentHashMap<>();
    private final AtomicLong sharedVertices = new AtomicLong();
    /** The sites' occupied-patch rows, in a temporary file as they are found (the results refer to it). */
    private final PatchStore patchStore = new PatchStore();
    private final GeometryFactory factory = new GeometryFactory();
    /** Each big layer's 三调 fields. */
    private final Map<LayerRole, SurveyFields> fields = new EnumMap<>(LayerRole.class);
    /** The land-use layer's patches measured for a site's review; null without a land-use layer. */
    private final SiteLandUse landUse;
    /** Whether the land-use layer is the layer that also serves as cultivated land (whose tiles report its 耕地 patches). */
    private final boolean landUseIsCultivated;
    /**
     * Whether the land-use layer is the layer read as cultivated land, from its source: then a site's 耕地 pieces are the
     * ones cultivated land measured, and the tile reads the other classes apart, around its sites.
     */
    private final boolean othersFromCultivated;

    /**
     * What the tiles found, merged; {@code features} counts each layer's features (those without a position too);
     * {@code issues} are each layer's, in its feature order (the land-use layer's: those of the patches read around sites).
     */
    record Result(Map<LayerRole, MeasuredArea[]> unitAreas, Map<LayerRole, List<DataQualityIssue>> issues, List<DataQualityIssue> outside,
                  List<ConflictPatch> conflicts, Map<Integer, SiteFindings> siteOverlaps, Map<LayerRole, Long> features) {
    }

    /** @param layers the big role layers present (admitted: they have a CRS) */
    TiledCheck(AreaMeter meter, CheckParameters parameters, LayerPreparer preparer, Map<LayerRole, RoleLayer> layers,
               List<NamedUnit> units, List<EncroachmentCheck.Placed> sites, boolean reportOutside, boolean keepPieces) {
        this.meter = meter;
        this.parameters = parameters;
        this.preparer = preparer;
        this.layers = layers;
        this.units = units;
        this.sites = sites;
        this.reportOutside = reportOutside;
        this.keepPieces = keepPieces;
        layers.forEach((role, l) -> zoneGuard.put(role, preparer.needsZoneGuard(l)));
        RoleLayer lu = layers.get(LayerRole.LAND_USE);
        RoleLayer cult = layers.get(LayerRole.CULTIVATED);
        layers.forEach((role, l) -> fields.put(role, new SurveyFields(l.source())));
        this.landUse = lu == null ? null : new SiteLandUse(LandClasses.standard(), meter, parameters, fields.get(LayerRole.LAND_USE));
        this.landUseIsCultivated = lu != null && cult != null && lu.source().equals(cult.source());
        this.othersFromCultivated = landUseIsCultivated && cult.reader() instanceof SourceReader r && r.passesOthers();
    }

    Result run(Progress progress) {
        Envelope extent = extent();
        if (extent.isNull()) {
            return merge(new TileResult[] {positionless()});
        }
        List<Envelope> tiles = tiles(extent);
        progress.stage(Messages.get("check.stage.tiles", tiles.size()), tiles.size());
        // the rows without a position are one more task beside the tiles: finding them scans each big table whole (half a
        // second on a 900,000-row DLTB), which alone would keep a core idle
        // (first, so that it does not lengthen the tail of the last tiles); merged last, as before
        TileResult[] found = new TileResult[tiles.size() + 1];
        AtomicInteger next = new AtomicInteger();
        inParallel(next, () -> {
            for (int t = next.getAndIncrement(); t >= 0 && t <= tiles.size(); t = next.getAndIncrement()) {
                progress.checkCancelled();
                if (t == 0) {
                    found[tiles.size()] = positionless();
                    continue;
                }
                found[t - 1] = new Tile(tiles, t - 1).run();
                progress.step();
            }
        });
        return merge(found);
    }

    /**
     * Runs {@code worker} on this thread and on each thread of the common pool at once; each takes the next tile as it
     * finishes one. (A parallel stream cut the tiles into four runs of ~80 for two threads: a run of tiles dense with
     * sites kept one core busy for seconds after the other had nothing left — the full-tiling county's tiles used 1.65
     * of 2 cores.) The first failure is thrown once all have stopped; {@code next} is pushed past the end so the
     * others stop at their next tile.
     */
    private static void inParallel(AtomicInteger next, Runnable work) {
        Runnable worker = () -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                next.set(Integer.MAX_VALUE); // (and past it, negative: the loops stop at either)
                throw e;
            }
        };
        List<ForkJoinTask<?>> helpers = new ArrayList<>();
        for (int i = 0; i < ForkJoinPool.getCommonPoolParallelism(); i++) {
            helpers.add(ForkJoinTask.adapt(worker).fork());
        }
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (ForkJoinTask<?> h : helpers) {
            try {
                h.join();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                } else if (failure != e) {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** The big layers' rows without a position (NULL or empty geometries): counted, and reported as the preparer finds them. */
    private TileResult positionless() {
        TileResult positionless = new TileResult();
        for (Map.Entry<LayerRole, RoleLayer> e : layers.entrySet()) {
            RoleLayer layer = e.getValue();
            if (e.getKey() == LayerRole.LAND_USE) {
                // read around sites only: a patch without a position occupies none, and none is counted. A land-use
                // layer of its own is still scanned, for the rows its index misses (the scan refuses the check then);
                // one that is the cultivated layer's table is scanned as that
                if (layers.values().stream().noneMatch(o -> o != layer && o.source().equals(layer.source()))) {
                    layer.reader().readWithoutPosition(f -> { });
                }
                continue;
            }
            layer.reader().readWithoutPosition(f -> {
                positionless.count(e.getKey());
                LayerPreparer.PreparedOne p = preparer.prepareOne(layer, f, true);
                if (p.issue() != null) {
                    positionless.issues.add(new Ordered(e.getKey(), f.fid(), p.issue()));
                }
            });
        }
        return positionless;
    }

    // ---- tiles

    /** Every big layer's extent in the grid (and the sites'), widened a little: the area the tiles cover. */
    private Envelope extent() {
        Envelope all = new Envelope();
        for (RoleLayer l : tiledLayers()) {
            Envelope e = l.reader().extent();
            if (e != null) {
                all.expandToInclude(inGrid(e, l.crs()));
            }
        }
        for (EncroachmentCheck.Placed p : sites) {
            if (p.inGrid() != null) {
                all.expandToInclude(p.inGrid().geometry().getEnvelopeInternal());
            }
        }
        if (!all.isNull()) {
            all.expandBy(10 * MARGIN + 1e-9 * Math.max(Math.abs(all.getMaxX()), Math.abs(all.getMaxY())));
        }
        return all;
    }

    /** A grid of tiles over the extent, about {@link #PATCHES_PER_TILE} patches each; row by row from the south-west. */
    private List<Envelope> tiles(Envelope extent) {
        long patches = 0;
        for (RoleLayer l : tiledLayers()) {
            long c = l.reader().count();
            patches += c < 0 ? PATCHES_PER_TILE : c;
        }
        int n = (int) Math.max(1, Math.min(4096, patches / PATCHES_PER_TILE));
        double ratio = extent.getWidth() / Math.max(extent.getHeight(), 1e-9);
        int cols = (int) Math.max(1, Math.round(Math.sqrt(n * ratio)));
        int rows = (int) Math.max(1, Math.round((double) n / cols));
        List<Envelope> out = new ArrayList<>(cols * rows);
        double w = extent.getWidth() / cols;
        double h = extent.getHeight() / rows;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // the outer tiles reach to infinity, so that every patch has a tile whatever rounding did to the extent
                double minX = c == 0 ? Double.NEGATIVE_INFINITY : extent.getMinX() + c * w;
                double maxX = c == cols - 1 ? Double.POSITIVE_INFINITY : extent.getMinX() + (c + 1) * w;
                double minY = r == 0 ? Double.NEGATIVE_INFINITY : extent.getMinY() + r * h;
                double maxY = r == rows - 1 ? Double.POSITIVE_INFINITY : extent.getMinY() + (r + 1) * h;
                out.add(new Envelope(minX, maxX, minY, maxY));
            }
        }
        tileExtent = extent;
        return out;
    }

    private volatile Envelope tileExtent;

    /** The layers that decide the tiles: all but the land-use layer, which is read around sites only. */
    private List<RoleLayer> tiledLayers() {
        return layers.entrySet().stream().filter(e -> e.getKey() != LayerRole.LAND_USE).map(Map.Entry::getValue).toList();
    }

    /** Whether a patch whose box is {@code e} belongs to the tile {@code tile}: the tile holds its lower-left corner. */
    private static boolean owns(Envelope tile, Envelope e) {
        return e.getMinX() >= tile.getMinX() && e.getMinX() < tile.getMaxX() && e.getMinY() >= tile.getMinY() && e.getMinY() < tile.getMaxY();
    }

    /** One tile's work. */
    private final class Tile {
        private final Envelope tile;
        private final TileResult out = new TileResult();

        Tile(List<Envelope> tiles, int index) {
            this.tile = tiles.get(index);
        }

        TileResult run() {
            // the sites this tile owns, and the box that holds them
            List<Integer> ownedSites = new ArrayList<>();
            Envelope siteBox = new Envelope();
            for (int i = 0; i < sites.size(); i++) {
                WorkingFeature w = sites.get(i).inGrid();
                if (w != null && owns(tile, w.geometry().getEnvelopeInternal())) {
                    ownedSites.add(i);
                    siteBox.expandToInclude(w.geometry().getEnvelopeInternal());
                }
            }
            // read boxes reach to infinity where the tile does, so no patch is missed whatever the layers' stated extents;
            // an owned site that reaches out of the tile is read around by its own box, not by the box of them all (a
            // long road owned here would bring in every patch of the rectangle it spans, patches other tiles read too)
            List<Envelope> around = new ArrayList<>();
            around.add(tile);
            for (int i : ownedSites) {
                Envelope e = sites.get(i).inGrid().geometry().getEnvelopeInternal();
                if (!tile.covers(e)) {
                    around.add(e);
                }
            }
            Map<LayerRole, List<WorkingFeature>> owned = new EnumMap<>(LayerRole.class);
            Map<LayerRole, List<WorkingFeature>> near = new EnumMap<>(LayerRole.class);
            for (LayerRole role : List.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND)) {
                if (layers.containsKey(role)) {
                    read(role, around, owned, near);
                }
            }
            // the land-use layer's other classes around each of this tile's sites (not yet in the grid), read apart from its
            // 耕地 and by the sites' own boxes: a tile never decodes the rest of a 三调 DLTB
            List<SourceFeature> otherLandUse = new ArrayList<>();
            if (othersFromCultivated && !ownedSites.isEmpty()) {
                Crs crs = layers.get(LayerRole.LAND_USE).crs();
                List<Envelope> siteBoxes = ownedSites.stream().map(i -> inLayer(sites.get(i).inGrid().geometry().getEnvelopeInternal(), crs)).toList();
                ((SourceReader) layers.get(LayerRole.CULTIVATED).reader()).readOthers(siteBoxes, otherLandUse::add);
                inFeatureOrder(otherLandUse, SourceFeature::fid); // in feature order, whatever box brought them
            }
            if (layers.containsKey(LayerRole.ECO_REDLINE)) {
                // the red line around every basic-farmland patch of this tile too, for their conflicts
                Envelope ecoBox = new Envelope(tile);
                owned.getOrDefault(LayerRole.BASIC_FARMLAND, List.of()).forEach(f -> ecoBox.expandToInclude(f.geometry().getEnvelopeInternal()));
                List<Envelope> ecoBoxes = new ArrayList<>(around);
                ecoBoxes.set(0, ecoBox);
                read(LayerRole.ECO_REDLINE, ecoBoxes, owned, near);
            }
            // what this tile works on lies in the box of what it owns: big polygons are cut to it
            Envelope work = new Envelope(siteBox);
            owned.values().forEach(l -> l.forEach(f -> work.expandToInclude(f.geometry().getEnvelopeInternal())));
            if (work.isNull()) {
                return out;
            }
            work.expandBy(MARGIN);
            Geometry cutter = factory.toGeometry(work);
            Map<LayerRole, List<WorkingFeature>> partners = new EnumMap<>(LayerRole.class);
            near.forEach((role, list) -> {
                List<WorkingFeature> cut = new ArrayList<>(list.size());
                for (WorkingFeature w : list) {
                    Envelope e = w.geometry().getEnvelopeInternal();
                    if (!e.intersects(work)) {
                        continue;
                    }
                    cut.add(work.covers(e) || w.geometry().getNumPoints() < BIG_POLYGON ? w : cutTo(w, cutter));
                }
                partners.put(role, cut);
            });
            List<LocalUnit> localUnits = cut(units, work);
            for (LayerRole role : BIG) {
                if (owned.containsKey(role)) {
                    out.count(role, owned.get(role).size());
                    sumIntoUnits(role, owned.get(role), localUnits);
                }
            }
            if (owned.containsKey(LayerRole.BASIC_FARMLAND) && partners.containsKey(LayerRole.ECO_REDLINE)) {
                conflicts(owned.get(LayerRole.BASIC_FARMLAND), partners.get(LayerRole.ECO_REDLINE), localUnits);
            }
            LandUseNear landUseNear = landUse == null ? null : new LandUseNear(otherLandUse, work, cutter);
            List<SiteHits> measured = new ArrayList<>();
            for (int i : ownedSites) {
                measured.add(siteHits(i, partners, landUseNear));
            }
            Map<LayerRole, Map<Long, SourceFeature>> full = fullFeatures(measured);
            for (SiteHits h : measured) {
                out.siteOverlaps.put(h.index(), siteFindings(h, full));
            }
            return out;
        }

        /**
         * Reads {@code role} where it meets any of {@code boxes} (boxes of the grid, the first holding the tile), brings
         * each feature into the grid once and files it: owned (this tile measures it) and near (it may overlap what this
         * tile owns), both in feature order whatever box brought it.
         */
        private void read(LayerRole role, List<Envelope> boxes, Map<LayerRole, List<WorkingFeature>> owned,
                          Map<LayerRole, List<WorkingFeature>> near) {
            RoleLayer layer = layers.get(role);
            List<WorkingFeature> mine = new ArrayList<>();
            List<WorkingFeature> all = new ArrayList<>();
            java.util.function.Consumer<SourceFeature> sink = f -> {
                WorkingFeature w = prepare(layer, f);
                if (w == null) {
                    return;
                }
                Envelope e = w.geometry().getEnvelopeInternal();
                if (!meetsAny(boxes, e)) {
                    return; // met the boxes only in the layer's own CRS
                }
                if (owns(tile, e)) {
                    mine.add(w);
                }
                all.add(w);
            };
            // one read of all the boxes: a database sends a patch that several boxes meet once
            List<Envelope> inLayer = boxes.stream().map(b -> inLayer(b, layer.crs())).toList();
            layer.reader().readAny(inLayer, sink);
            if (boxes.size() > 1) {
                inFeatureOrder(mine, w -> w.source().fid());
                inFeatureOrder(all, w -> w.source().fid());
            }
            owned.put(role, mine);
            near.put(role, all);
        }

        /**
         * The feature brought into the grid: a big polygon (a red line of thousands of vertices) is prepared once and
         * shared by the tiles it crosses, within a vertex budget; a small one is prepared again by each tile that reads it.
         */
        private LayerPreparer.PreparedOne prepared(RoleLayer layer, SourceFeature f) {
            String key = layer.role().ordinal() + "/" + f.fid();
            LayerPreparer.PreparedOne p = shared.get(key);
            if (p == null) {
                if (zoneGuard.get(layer.role())) {
                    preparer.requireWithinZone(layer, f);
                }
                p = preparer.prepareOne(layer, f, true);
                if (p.feature() != null && p.feature().geometry().getNumPoints() >= BIG_POLYGON
                    && sharedVertices.addAndGet(p.feature().geometry().getNumPoints()) <= SHARED_VERTICES) {
                    shared.putIfAbsent(key, p);
                }
            }
            return p;
        }

        /** The feature in the grid, or null when it is not used; a problem with it is this tile's to report if it owns it. */
        private WorkingFeature prepare(RoleLayer layer, SourceFeature f) {
            LayerPreparer.PreparedOne p = prepared(layer, f);
            if (p.issue() != null) {
                Envelope e = p.feature() != null ? p.feature().geometry().getEnvelopeInternal()
                    : inGrid(f.geometry().getEnvelopeInternal(), layer.crs());
                if (owns(tile, e)) {
                    out.issues.add(new Ordered(layer.role(), f.fid(), p.issue()));
                }
            }
            return p.feature();
        }

        /**
         * The land-use patches near this tile's sites, in the grid. With the layer serving as cultivated land too, its 耕地
         * patches are cultivated land's (pieces and all) and its other classes were read around the tile's sites; otherwise
         * each site reads the layer around itself. Big patches are cut to the tile's work box as the other layers' are, so a 耕地
         * patch met as land use gives the overlap it gives as cultivated land. Each is brought into the grid once a tile.
         */
        private final class LandUseNear {
            private final Envelope work;
            private final Geometry cutter;
            private final HPRtree others;
            private final Map<Long, WorkingFeature> prepared = new HashMap<>();

            LandUseNear(List<SourceFeature> otherLandUse, Envelope work, Geometry cutter) {
                this.work = work;
                this.cutter = cutter;
                if (othersFromCultivated) {
                    others = new HPRtree();
                    otherLandUse.forEach(f -> others.insert(f.geometry().getEnvelopeInternal(), f));
                    others.build();
                } else {
                    others = null;
                }
            }

            /**
             * The land-use patches other than those given as cultivated land that may meet {@code site} (their box meets
             * {@code box}, the site's, in the grid). A patch the site's outline does not touch is not brought into the grid
             * (validated, measured) for it: in a DLTB that tiles the district, about half of what a site's box meets.
             */
            List<WorkingFeature> around(Envelope box, OverlapMeter site) {
                RoleLayer layer = layers.get(LayerRole.LAND_USE);
                List<SourceFeature> raw = new ArrayList<>();
                if (others != null) {
                    for (Object o : others.query(inLayer(box, layer.crs()))) {
                        raw.add((SourceFeature) o);
                    }
                } else {
                    layer.reader().read(inLayer(box, layer.crs()), raw::add);
                }
                List<WorkingFeature> out = new ArrayList<>();
                boolean inGrid = layer.crs().equals(meter.grid());
                for (SourceFeature f : raw) {
                    WorkingFeature w;
                    if (prepared.containsKey(f.fid())) {
                        w = prepared.get(f.fid());
                    } else if (inGrid && !site.mayMeet(f.geometry())) {
                        continue; // another site of this tile may meet it: not remembered
                    } else {
                        w = prepareLandUse(layer, f);
                        prepared.put(f.fid(), w);
                    }
                    if (w != null && w.geometry().getEnvelopeInternal().intersects(box)) {
                        Envelope e = w.geometry().getEnvelopeInternal();
                        out.add(work.covers(e) || w.geometry().getNumPoints() < BIG_POLYGON ? w : cutTo(w, cutter));
                    }
                }
                return out;
            }
        }

        /**
         * A land-use feature in the grid, or null when it is not used. What is wrong with it is reported by whichever tile
         * reads it (merged once per feature), except for the 耕地 patches of a layer that also serves as cultivated land:
         * their owning tiles report those.
         */
        private WorkingFeature prepareLandUse(RoleLayer layer, SourceFeature f) {
            LayerPreparer.PreparedOne p = prepared(layer, f);
            if (p.issue() != null && !(landUseIsCultivated && DatasetLoader.isCultivated(f.attributes()))) {
                out.siteIssues.add(new Ordered(LayerRole.LAND_USE, f.fid(), p.issue()));
            }
            return p.feature();
        }

        /** The part of a big feature inside the box; its id and its own area stay the whole feature's. */
        private WorkingFeature cutTo(WorkingFeature w, Geometry cutter) {
            Geometry part = OverlayNGRobust.overlay(BoxClip.near(w.geometry(), cutter.getEnvelopeInternal()), cutter, OverlayNG.INTERSECTION);
            return new WorkingFeature(w.source(), w.id(), part, w.area(), true);
        }

        private void sumIntoUnits(LayerRole role, List<WorkingFeature> features, List<LocalUnit> localUnits) {
            int n = units.size();
            ExactSum[] sums = out.sums(role, n);
            SurveyFields survey = role == LayerRole.CULTIVATED ? fields.get(role) : null;
            for (WorkingFeature f : features) {
                boolean inside = false;
                // 耕地保有量 is counted as the land survey counts 耕地面积: each patch's share net of its 田坎 (× (1 − KCXS));
                // a bad rate is reported (once, with what sites find) and not applied
                double net = survey == null ? 1 : 1 - survey.deductionRate(f.source(), f.id(),
                        d -> out.siteIssues.add(new Ordered(role, f.source().fid(), d)));
                for (int u = 0; u < n; u++) {
                    MeasuredArea a = localUnits.get(u).share(f);
                    sums[2 * u].add(a.m2() * net);
                    sums[2 * u + 1].add(a.planarM2() * net);
                    inside |= a.m2() > parameters.minOverlapM2();
                }
                if (!inside && reportOutside) {
                    out.outside.add(new Ordered(role, f.source().fid(), new DataQualityIssue(DataQualityIssue.Kind.OUTSIDE_UNITS,
                            layers.get(role).source(), f.id(), null, DataQualityIssue.Handling.EXCLUDED)));
                }
            }
        }

        private void conflicts(List<WorkingFeature> farmland, List<WorkingFeature> eco, List<LocalUnit> localUnits) {
            if (eco.isEmpty()) {
                return;
            }
            HPRtree index = partnerIndex.computeIfAbsent(LayerRole.ECO_REDLINE, r -> indexOf(eco));
            for (WorkingFeature bf : farmland) {
                @SuppressWarnings("unchecked")
                List<WorkingFeature> candidates = new ArrayList<>((List<WorkingFeature>) index.query(bf.geometry().getEnvelopeInternal()));
                if (candidates.isEmpty()) {
                    continue;
                }
                candidates.sort(Comparator.comparing(WorkingFeature::id));
                OverlapMeter m = null;
                for (WorkingFeature e : candidates) {
                    OverlapMeter.Piece p;
                    if (e.geometry().getNumPoints() > BIG_PARTNER && e.geometry().getNumPoints() > bf.geometry().getNumPoints()) {
                        // a red-line polygon of thousands of vertices is the fixed side, indexed once for all the patches it
                        // meets: most lie wholly inside or outside it, which its edge index tells; measured the other way,
                        // every patch re-read the whole polygon (large-polygon county file: three quarters of the check)
                        p = bigMeters.computeIfAbsent(e, k -> new OverlapMeter(k.geometry(), meter)).overlap(bf.geometry(),
                                bf.cut() ? null : bf.area());
                    } else {
                        m = m != null ? m : new OverlapMeter(bf.geometry(), meter);
                        p = m.overlap(e.geometry(), e.cut() ? null : e.area());
                    }
                    if (p.area().m2() > parameters.minOverlapM2()) {
                        List<String> in = new ArrayList<>();
                        for (LocalUnit u : localUnits) {
                            if (u.holds(p.piece(), p.area(), parameters.minOverlapM2())) {
                                in.add(u.unit().name());
                            }
                        }
                        out.conflicts.add(new OrderedConflict(bf.source().fid(), new ConflictPatch(bf.id(), e.id(), in, p.area(), keepPieces ? p.piece() : null)));
                    }
                }
            }
        }

        private final Map<LayerRole, HPRtree> partnerIndex = new EnumMap<>(LayerRole.class);
        /** This tile's big red-line pieces as fixed polygons of overlaps, each indexed once. */
        private final Map<WorkingFeature, OverlapMeter> bigMeters = new java.util.IdentityHashMap<>();

        /**
         * What a site occupies, patch by patch: its overlaps with each red line (from the partners this tile read), the
         * patches of each with their pieces, and the land-use patches with theirs ({@code landUseNear}, null without a
         * land-use layer).
         */
        private SiteHits siteHits(int siteIndex, Map<LayerRole, List<WorkingFeature>> partners, LandUseNear landUseNear) {
            WorkingFeature site = sites.get(siteIndex).inGrid();
            OverlapMeter meterOfSite = new OverlapMeter(site.geometry(), meter);
            Map<LayerRole, Overlap> overlaps = new EnumMap<>(LayerRole.class);
            Map<LayerRole, List<SiteLandUse.Hit>> hits = new EnumMap<>(LayerRole.class);
            Envelope box = site.geometry().getEnvelopeInternal();
            for (LayerRole role : EncroachmentCheck.RED_LINES) {
                List<WorkingFeature> near = partners.get(role);
                List<SiteLandUse.Hit> mine = new ArrayList<>();
                hits.put(role, mine);
                if (near == null) {
                    overlaps.put(role, new Overlap(role, MeasuredArea.ZERO, List.of(), null));
                    continue;
                }
                HPRtree index = partnerIndex.computeIfAbsent(role, r -> indexOf(near));
                @SuppressWarnings("unchecked")
                List<WorkingFeature> candidates = (List<WorkingFeature>) index.query(box);
                overlaps.put(role, EncroachmentCheck.overlapWith(meterOfSite, role, candidates, parameters, fields.get(role),
                        mine, keepPieces, d -> out.siteIssues.add(new Ordered(role, -1, d))));
            }
            if (landUseNear != null) {
                List<SiteLandUse.Hit> landHits = new ArrayList<>();
                if (othersFromCultivated) {
                    landHits.addAll(hits.get(LayerRole.CULTIVATED)); // the same patches, the same pieces
                }
                for (WorkingFeature w : landUseNear.around(box, meterOfSite)) {
                    OverlapMeter.Piece p = meterOfSite.overlap(w);
                    if (p.area().m2() > parameters.minOverlapM2()) {
                        landHits.add(new SiteLandUse.Hit(w, p));
                    }
                }
                hits.put(LayerRole.LAND_USE, landHits);
            }
            return new SiteHits(siteIndex, overlaps, hits);
        }

        /** The site's findings: its overlaps, its occupation of the land-use layer and its patch rows. */
        private SiteFindings siteFindings(SiteHits h, Map<LayerRole, Map<Long, SourceFeature>> full) {
            EncroachmentCheck.Placed placed = sites.get(h.index());
            List<OccupiedPatch> patches = new ArrayList<>();
            LandUseOccupation occupation = null;
            if (landUse != null) {
                String name = SiteNames.nameOf(placed.source(), placed.id());
                occupation = landUse.measure(placed.inGrid().area(), name, h.hits().get(LayerRole.LAND_USE),
                        w -> fullOf(full, LayerRole.LAND_USE, w), patches, d -> out.siteIssues.add(new Ordered(LayerRole.LAND_USE, -1, d)));
            } else {
                rows(LayerRole.CULTIVATED, h, full, patches);
            }
            rows(LayerRole.BASIC_FARMLAND, h, full, patches);
            rows(LayerRole.ECO_REDLINE, h, full, patches);
            return new SiteFindings(h.overlaps(), occupation, patchStore.keep(patches));
        }

        private void rows(LayerRole role, SiteHits h, Map<LayerRole, Map<Long, SourceFeature>> full, List<OccupiedPatch> patches) {
            for (SiteLandUse.Hit hit : h.hits().get(role)) {
                patches.add(fields.get(role).row(role, hit.feature(), fullOf(full, role, hit.feature()), hit.area()));
            }
        }

        /**
         * The patches the tile's sites occupy with all their attributes, asked of each layer at once: the tiles read only
         * the columns the checks need, and only these few patches need the rest (the land-use layer's other classes, read
         * around the sites only, came with them).
         */
        private Map<LayerRole, Map<Long, SourceFeature>> fullFeatures(List<SiteHits> measured) {
            Map<LayerRole, Map<Long, SourceFeature>> out = new EnumMap<>(LayerRole.class);
            for (LayerRole role : List.of(landUse != null ? LayerRole.LAND_USE : LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND,
                    LayerRole.ECO_REDLINE)) {
                if (!layers.containsKey(role)) {
                    continue;
                }
                // the land-use layer's other classes came with their fields (SourceReader.readOthers)
                SourceReader withFields = role == LayerRole.LAND_USE && othersFromCultivated
                    ? (SourceReader) layers.get(LayerRole.CULTIVATED).reader() : null;
                long[] fids = new long[64];
                int n = 0;
                for (SiteHits h : measured) {
                    for (SiteLandUse.Hit hit : h.hits().getOrDefault(role, List.of())) {
                        if (withFields == null || !withFields.hasSurveyColumns(hit.feature().source())) {
                            fids = n < fids.length ? fids : java.util.Arrays.copyOf(fids, 2 * n);
                            fids[n++] = hit.feature().source().fid();
                        }
                    }
                }
                fids = distinct(fids, n);
                if (fids.length > 0) {
                    Map<Long, SourceFeature> byFid = out.computeIfAbsent(role, r -> new HashMap<>());
                    layers.get(role).reader().features(fids, f -> byFid.put(f.fid(), f));
                }
            }
            return out;
        }

        /** The first {@code n} of {@code fids}, each once, in order (a stream's distinct boxed each id into a set). */
        static long[] distinct(long[] fids, int n) {
            java.util.Arrays.sort(fids, 0, n);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (kept == 0 || fids[i] != fids[kept - 1]) {
                    fids[kept++] = fids[i];
                }
            }
            return java.util.Arrays.copyOf(fids, kept);
        }

        /** The patch with all its attributes; the attributes the tile read when the layer no longer has it. */
        private SourceFeature fullOf(Map<LayerRole, Map<Long, SourceFeature>> full, LayerRole role, WorkingFeature w) {
            return full.getOrDefault(role, Map.of()).getOrDefault(w.source().fid(), w.source());
        }
    }

    /** A site's overlaps and the patches it occupies with their pieces, by role (LAND_USE: the land-use patches). */
    private record SiteHits(int index, Map<LayerRole, Overlap> overlaps, Map<LayerRole, List<SiteLandUse.Hit>> hits) {
    }

    /**
     * The list sorted by feature id. A read of several boxes from a GeoPackage or a database comes in id order already
     * (one statement, ordered by key), and a plain pass says so: sorting it anyway walked it through a comparator's
     * lambdas, which the quick compiler the check runs with does not inline (3 % of a county check).
     */
    static <T> void inFeatureOrder(List<T> list, java.util.function.ToLongFunction<T> fid) {
        long previous = Long.MIN_VALUE;
        for (T t : list) {
            long f = fid.applyAsLong(t);
            if (f < previous) {
                list.sort(Comparator.comparingLong(fid));
                return;
            }
            previous = f;
        }
    }

    /** Whether {@code e} meets any of {@code boxes} (a loop: a stream for each of a county's million features read). */
    private static boolean meetsAny(List<Envelope> boxes, Envelope e) {
        for (Envelope b : boxes) {
            if (b.intersects(e)) {
                return true;
            }
        }
        return false;
    }

    private static HPRtree indexOf(List<WorkingFeature> features) {
        HPRtree index = new HPRtree();
        for (WorkingFeature f : features) {
            index.insert(f.geometry().getEnvelopeInternal(), f);
        }
        index.build();
        return index;
    }

    /**
     * A unit as one tile sees it: covering the whole box the tile works in (every patch there lies in it, no geometry
     * needed), missing it, or crossing it — then cut to the box, since a patch inside the box meets only that part.
     */
    record LocalUnit(NamedUnit unit, boolean full, boolean empty) {
        /** The patch's share of this unit: all of it, none, or the overlap. */
        MeasuredArea share(WorkingFeature f) {
            return full ? f.area() : empty ? MeasuredArea.ZERO : unit.meter().overlap(f).area();
        }

        boolean holds(Geometry piece, MeasuredArea area, double minM2) {
            return !empty && (full ? area.m2() > minM2 : unit.meter().overlap(piece, area).area().m2() > minM2);
        }
    }

    private List<LocalUnit> cut(List<NamedUnit> all, Envelope box) {
        Geometry cutter = factory.toGeometry(box);
        List<LocalUnit> out = new ArrayList<>(all.size());
        for (NamedUnit u : all) {
            Envelope ue = u.geometry().getEnvelopeInternal();
            if (!ue.intersects(box)) {
                out.add(new LocalUnit(u, false, true));
            } else if (u.meter().covers(cutter)) {
                out.add(new LocalUnit(u, true, false));
            } else if (box.covers(ue) || u.geometry().getNumPoints() < 200) {
                out.add(new LocalUnit(u, false, false));
            } else {
                Geometry part = OverlayNGRobust.overlay(u.geometry(), cutter, OverlayNG.INTERSECTION);
                out.add(part.isEmpty() ? new LocalUnit(u, false, true)
                    : new LocalUnit(new NamedUnit(u.name(), part, u.area(), new OverlapMeter(part, meter)), false, false));
            }
        }
        return out;
    }

    // ---- moving boxes between the grid and a layer's CRS

    /** A box of the grid as a box of {@code crs} that holds it (its edges moved point by point). */
    private Envelope inLayer(Envelope gridBox, Crs crs) {
        return move(gridBox, meter.grid(), crs);
    }

    private Envelope inGrid(Envelope layerBox, Crs crs) {
        return move(layerBox, crs, meter.grid());
    }

    private Envelope move(Envelope box, Crs from, Crs to) {
        if (from.equals(to) || box.isNull()) {
            return new Envelope(box);
        }
        Envelope b = from.equals(meter.grid()) ? finite(box) : box;
        Envelope out = new Envelope();
        int steps = 16;
        for (int i = 0; i <= steps; i++) {
            double fx = b.getMinX() + b.getWidth() * i / steps;
            double fy = b.getMinY() + b.getHeight() * i / steps;
            for (double[] p : new double[][] {{fx, b.getMinY()}, {fx, b.getMaxY()}, {b.getMinX(), fy}, {b.getMaxX(), fy}}) {
                double[] q = GeometryTransformer.shared().transform(p[0], p[1], from, to);
                if (Double.isFinite(q[0]) && Double.isFinite(q[1])) {
                    out.expandToInclude(q[0], q[1]);
                }
            }
        }
        // a curved edge bulges between the points: widen by a thousandth of the box
        out.expandBy(Math.max(out.getWidth(), out.getHeight()) * 1e-3 + MARGIN * 1e-5);
        // a side of the grid box that reaches to infinity reaches to infinity in the other CRS too (both are north-up)
        return new Envelope(box.getMinX() == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : out.getMinX(),
            box.getMaxX() == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : out.getMaxX(),
            box.getMinY() == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : out.getMinY(),
            box.getMaxY() == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : out.getMaxY());
    }

    /** A tile with its infinite sides brought in to the extent the tiles cover. */
    private Envelope finite(Envelope tile) {
        Envelope x = tileExtent;
        return new Envelope(Math.max(tile.getMinX(), x.getMinX()), Math.min(tile.getMaxX(), x.getMaxX()),
                Math.max(tile.getMinY(), x.getMinY()), Math.min(tile.getMaxY(), x.getMaxY()));
    }

    // ---- results

    private record Ordered(LayerRole role, long fid, DataQualityIssue issue) {
    }

    private record OrderedConflict(long farmlandFid, ConflictPatch patch) {
    }

    private static final class TileResult {
        final Map<LayerRole, ExactSum[]> sums = new EnumMap<>(LayerRole.class);
        final List<Ordered> issues = new ArrayList<>();
        /** Found while measuring sites (several sites, in several tiles, may meet the same patch): merged once each. */
        final List<Ordered> siteIssues = new ArrayList<>();
        final List<Ordered> outside = new ArrayList<>();
        final List<OrderedConflict> conflicts = new ArrayList<>();
        final Map<Integer, SiteFindings> siteOverlaps = new HashMap<>();
        final Map<LayerRole, Long> counts = new EnumMap<>(LayerRole.class);

        void count(LayerRole role) {
            count(role, 1);
        }

        void count(LayerRole role, long n) {
            counts.merge(role, n, Long::sum);
        }

        ExactSum[] sums(LayerRole role, int units) {
            return sums.computeIfAbsent(role, r -> {
                ExactSum[] s = new ExactSum[2 * units];
                for (int i = 0; i < s.length; i++) {
                    s[i] = new ExactSum();
                }
                return s;
            });
        }
    }

    private Result merge(TileResult[] found) {
        Map<LayerRole, MeasuredArea[]> areas = new EnumMap<>(LayerRole.class);
        List<Ordered> issues = new ArrayList<>();
        List<Ordered> siteIssues = new ArrayList<>();
        List<Ordered> outside = new ArrayList<>();
        List<OrderedConflict> conflicts = new ArrayList<>();
        Map<Integer, SiteFindings> siteOverlaps = new HashMap<>();
        Map<LayerRole, Long> counts = new EnumMap<>(LayerRole.class);
        int n = units.size();
        Map<LayerRole, ExactSum[]> totals = new EnumMap<>(LayerRole.class);
        for (TileResult t : found) {
            t.sums.forEach((role, s) -> {
                ExactSum[] total = totals.computeIfAbsent(role, r -> {
                    ExactSum[] z = new ExactSum[2 * n];
                    for (int i = 0; i < z.length; i++) {
                        z[i] = new ExactSum();
                    }
                    return z;
                });
                for (int i = 0; i < s.length; i++) {
                    total[i].add(s[i]);
                }
            });
            issues.addAll(t.issues);
            siteIssues.addAll(t.siteIssues);
            outside.addAll(t.outside);
            conflicts.addAll(t.conflicts);
            siteOverlaps.putAll(t.siteOverlaps);
            t.counts.forEach((role, c) -> counts.merge(role, c, Long::sum));
        }
        for (LayerRole role : layers.keySet()) {
            if (role == LayerRole.LAND_USE) {
                continue;
            }
            ExactSum[] s = totals.get(role);
            MeasuredArea[] a = new MeasuredArea[n];
            for (int u = 0; u < n; u++) {
                a[u] = s == null ? MeasuredArea.ZERO : new MeasuredArea(s[2 * u].value(), s[2 * u + 1].value());
            }
            areas.put(role, a);
        }
        // in the layers' order and each layer's feature order, as a whole-layer check reports them
        Comparator<Ordered> order = Comparator.comparing(Ordered::role).thenComparingLong(Ordered::fid);
        issues.sort(order);
        outside.sort(order);
        conflicts.sort(Comparator.comparingLong(OrderedConflict::farmlandFid).thenComparing(c -> c.patch().ecoRedlineId()));
        Map<LayerRole, List<DataQualityIssue>> byRole = new EnumMap<>(LayerRole.class);
        for (Ordered o : issues) {
            byRole.computeIfAbsent(o.role(), r -> new ArrayList<>()).add(o.issue());
        }
        // what measuring sites found, once per patch and finding, by patch id: several sites may meet one patch, and a
        // layer serving as cultivated land and land use finds a bad KCXS twice (said once, as cultivated land's)
        java.util.Set<DataQualityIssue> said = new java.util.HashSet<>();
        siteIssues.stream()
            .sorted(Comparator.comparing(Ordered::role).thenComparing(o -> o.issue().featureId(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(o -> o.issue().kind()).thenComparing(o -> o.issue().detail(), Comparator.nullsFirst(Comparator.naturalOrder())))
            .filter(o -> said.add(o.issue()))
            .forEach(o -> byRole.computeIfAbsent(o.role(), r -> new ArrayList<>()).add(o.issue()));
        return new Result(areas, byRole, outside.stream().map(Ordered::issue).toList(),
                conflicts.stream().map(OrderedConflict::patch).toList(), siteOverlaps, counts);
    }
}
