package cn.basinguard.core.pack;

import cn.basinguard.core.GisException;
import cn.basinguard.core.check.Area;
import cn.basinguard.core.check.CheckEngine;
import cn.basinguard.core.check.CheckInput;
import cn.basinguard.core.check.CheckParameters;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.ControlList;
import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.Progress;
import cn.basinguard.core.check.RoleLayer;
import cn.basinguard.core.check.SourceCatalog;
import cn.basinguard.core.check.SourceFeature;
import cn.basinguard.core.check.Target;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.GeoPackageWriter;
import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.GpkgSrs;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.PackMetadata;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.io.AtomicFile;
import cn.basinguard.core.io.OutputFailure;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.SourceOptions;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * An offline pack: one GeoPackage with every role layer's features that meet an area (a unit, a box, a boundary) —
 * all role layers, each feature whole (a patch that reaches out of the area keeps its whole geometry and every
 * attribute, under the key it has at the source) — plus the targets table, the layers' stored styles, R-tree
 * indexes, and metadata saying where it came from, which area, when, how many features of each layer, and a
 * fingerprint of what was read. Each layer's role is recorded in the pack, so the pack checks without --role.
 *
 * <p>It is written under a hidden name beside the target and becomes the target only after it has been opened
 * again and verified: every layer holds exactly the features read (count and digest), every feature meets the area,
 * and the check of the area on the pack gives the same figures as the check of that area on the sources. Anything
 * that goes wrong on the way — a lost database connection, a full disk, a difference — leaves no pack behind.
 */
public final class OfflinePack {
    private static final String NOTE_URI = "https://basinguard.cn/metadata/offline-pack-note";
    private static final String SOURCE_NOTE_URI = "https://basinguard.cn/metadata/source-note";
    private static final String TARGETS_TABLE = "底线指标";
    private static final double RELATIVE = 1e-9;

    /**
     * What to pack.
     *
     * @param roles the user's {@code --role} choices (the pack records the roles they gave)
     * @param controlList a control list file ({@code --targets}), packed as the targets table; null for the data's own
     * @param options how the sources were opened (the pack is opened the same way to verify it)
     */
    public record Request(List<DataSource> sources, Map<String, String> roles, PackArea area, Path controlList, Path out,
                          SourceOptions options, String programVersion) {
        public Request {
            sources = List.copyOf(sources);
            roles = Map.copyOf(roles);
        }
    }

    /**
     * One packed table.
     *
     * @param role the role key, {@code targets} for the targets table
     * @param unreadable features the source could not read (they are not in the pack, and the pack says so)
     */
    public record PackedLayer(String table, String role, String source, String sourceLayer, long count, String sha256, long unreadable,
                              List<String> notes) {
        public PackedLayer {
            notes = List.copyOf(notes);
        }
    }

    /**
     * A finished, verified pack.
     *
     * @param left layers of the sources that play no role and were not packed, as "source / layer"
     * @param figuresCompared how many figures of the two checks were compared (0 when the data has neither units nor sites)
     */
    public record Result(Path file, String area, String created, List<PackedLayer> layers, List<String> left, int styles,
                         int figuresCompared, String fingerprint) {
        public Result {
            layers = List.copyOf(layers);
            left = List.copyOf(left);
        }
    }

    private final Request request;
    private final Progress.Listener progress;
    private final BooleanSupplier cancelled;

    private OfflinePack(Request request, Progress.Listener progress, BooleanSupplier cancelled) {
        this.request = request;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    /** Writes, verifies and puts the pack in place; throws (leaving nothing behind) when any step fails. */
    public static Result write(Request request, Progress.Listener progress, BooleanSupplier cancelled) {
        return new OfflinePack(request, progress, cancelled).write();
    }

    private Result write() {
        Path out = request.out().toAbsolutePath().normalize();
        // a folder that is not there, a folder in the way or no permission is said before anything is read
        AtomicFile.checkTarget(out);
        SourceCatalog catalog = SourceCatalog.of(request.sources(), request.roles());
        Map<LayerRole, SourceCatalog.Entry> roleLayers = new EnumMap<>(LayerRole.class);
        for (LayerRole r : LayerRole.values()) {
            SourceCatalog.Entry e = catalog.role(r);
            // one layer playing two roles (a DLTB is both land use and cultivated land) is packed once, under its
            // first role; the other is derived again when the pack is opened
            if (e != null && !roleLayers.containsValue(e)) {
                roleLayers.put(r, e);
            }
        }
        if (roleLayers.isEmpty()) {
            throw new GisException("pack.noRoles");
        }
        ControlList controlList = request.controlList() == null ? null : ControlList.read(request.controlList());
        Area area = area(catalog);
        String areaText = areaText(area);
        String created = GeoPackageWriter.timestamp(Instant.now());
        List<PackedLayer> packed = new ArrayList<>();
        int[] counts = new int[2]; // styles copied, figures compared
        // written under a hidden name beside the pack, verified there, and only then moved into place in one rename:
        // killed at any moment, the pack is the earlier file or the complete verified one
        AtomicFile.writeFile(out, ".gpkg", staging -> {
            try (GeoPackageWriter w = GeoPackageWriter.create(staging, created)) {
                Set<String> tables = new HashSet<>();
                Set<String> identifiers = new HashSet<>();
                int i = 0;
                for (Map.Entry<LayerRole, SourceCatalog.Entry> e : roleLayers.entrySet()) {
                    progress.progress(Messages.get("pack.stage.layer", e.getValue().candidate().label()), i++ / (double) (roleLayers.size() + 2));
                    packed.add(writeLayer(w, e.getKey(), e.getValue(), area, tables, identifiers));
                }
                progress.progress(Messages.get("pack.stage.targets"), i / (double) (roleLayers.size() + 2));
                PackedLayer targets = controlList != null ? writeControlList(w, controlList, tables)
                        : catalog.targets() != null ? writeTargets(w, catalog.targets(), tables, identifiers) : null;
                if (targets != null) {
                    packed.add(targets);
                }
                writeImagery(w, area, tables);
                counts[0] = writeStyles(w, packed);
                writeMetadata(w, packed, area, areaText, created, fingerprint(packed));
                w.commit();
            } catch (SQLException | IOException e) {
                throw OutputFailure.of(e, out, "pack.writeFailed");
            } catch (UncheckedSql e) {
                throw OutputFailure.of(e.getCause(), out, "pack.writeFailed");
            }
            progress.progress(Messages.get("pack.stage.verify"), (roleLayers.size() + 1) / (double) (roleLayers.size() + 2));
            counts[1] = verify(staging, packed, area, catalog, roleLayers);
        });
        progress.progress(Messages.get("pack.stage.done"), 1);
        return new Result(out, areaText, created, packed, leftOut(catalog, roleLayers), counts[0], counts[1], fingerprint(packed));
    }

    /**
     * The imagery of the sources (tile pyramids, GeoTIFFs) over the area, as GeoPackage tile tables in the area's CRS
     * at the imagery's own detail: a pack for the field shows what is on the ground. Imagery is a picture, not checked
     * data, so it is not among the layers the pack verifies feature by feature.
     */
    private void writeImagery(GeoPackageWriter w, Area area, Set<String> tables) throws SQLException {
        for (DataSource src : request.sources()) {
            for (LayerInfo l : src.layers()) {
                if (!l.isRaster() || l.srs() == null || l.srs().crs() == null) {
                    continue;
                }
                progress.progress(Messages.get("pack.stage.imagery", src.label() + " / " + l.name()), 0.9);
                try (cn.basinguard.core.raster.RasterSource r = src.raster(l.name())) {
                    Crs crs = area != null ? area.crs() : l.srs().crs();
                    org.locationtech.jts.geom.Envelope inCrs = cn.basinguard.core.raster.RasterWarp.extentIn(r, crs);
                    org.locationtech.jts.geom.Envelope cut = area == null ? inCrs : inCrs.intersection(area.outline().getEnvelopeInternal());
                    if (cut.isNull() || cut.getArea() <= 0) {
                        continue;
                    }
                    double finest = cn.basinguard.core.raster.TilePyramid.finestPixel(r, crs, cut);
                    cn.basinguard.core.raster.TilePyramid.write(w, unique(l.name(), tables), l.identifier(), l.description(), crs, cut, finest,
                            cn.basinguard.core.raster.TilePyramid.of(r, crs, cancelled), cancelled);
                }
            }
        }
    }

    /** The area in the CRS it was given in; null for the whole data. */
    private Area area(SourceCatalog catalog) {
        PackArea a = request.area();
        if (a instanceof PackArea.Whole) {
            return null;
        }
        if (a instanceof PackArea.Boundary b) {
            return PackArea.boundaryArea(b.file(), request.options());
        }
        SourceCatalog.Entry units = catalog.role(LayerRole.UNITS);
        if (a instanceof PackArea.Extent e) {
            Crs crs = e.crs();
            if (crs == null) {
                if (units == null || units.info().srs() == null || units.info().srs().crs() == null) {
                    throw new GisException("pack.extentNeedsCrs");
                }
                crs = units.info().srs().crs();
            }
            return PackArea.boxArea(e.box(), crs, new PackArea.Extent(e.box(), crs).describe());
        }
        PackArea.Unit u = (PackArea.Unit) a;
        if (units == null) {
            throw new GisException("check.area.noUnits", u.name());
        }
        LayerInfo info = units.info();
        Crs crs = info.srs() == null ? null : info.srs().crs();
        List<SourceFeature> features = new ArrayList<>();
        units.source().read(info.name(), null, null, f -> features.add(new SourceFeature(f.fid(), f.geometry(), f.attributes())), p -> { });
        return Area.of(new RoleLayer(LayerRole.UNITS, units.candidate().label(), crs, features), u.name());
    }

    private String areaText(Area area) {
        PackArea a = request.area();
        if (a instanceof PackArea.Extent e && e.crs() == null && area != null) {
            return new PackArea.Extent(e.box(), area.crs()).describe();
        }
        return a.describe();
    }

    private PackedLayer writeLayer(GeoPackageWriter w, LayerRole role, SourceCatalog.Entry entry, Area area, Set<String> tables,
                                   Set<String> identifiers) throws SQLException {
        LayerInfo info = entry.info();
        String label = entry.candidate().label();
        if (info.kind() != LayerInfo.Kind.FEATURES) {
            throw new GisException("check.roleNotSpatial", label, role.key());
        }
        Crs crs = info.srs() == null ? null : info.srs().crs();
        if (crs == null) {
            throw new GisException(info.srs() != null && info.srs().undefined() ? "check.undefinedCrs" : "check.unknownCrs", label,
                    info.srs() == null ? "?" : info.srs().code());
        }
        GpkgSrs srs = GpkgSrs.of(crs).orElseThrow(() -> new GisException("pack.crsNotWritable", label, "EPSG:" + crs.epsg()));
        w.addSrs(srs);
        String table = unique(info.name(), tables);
        String geomColumn = info.geometryColumn() == null ? "geom" : info.geometryColumn();
        String type = packType(info.geometryType());
        List<PackColumns.Column> columns = PackColumns.of(info, geomColumn);
        List<String> notes = new ArrayList<>();
        columns.stream().filter(PackColumns.Column::renamed)
                .forEach(c -> notes.add(Messages.get("pack.note.renamed", c.source(), c.pack().name())));
        if (info.z() > 0 || info.m() > 0) {
            notes.add(Messages.get("pack.note.zm"));
        }
        w.createFeatureTable(table, unique(info.identifier() == null || info.identifier().isBlank() ? table : info.identifier(), identifiers),
                info.description(), geomColumn, type, srs.srsId(), columns.stream().map(PackColumns.Column::pack).toList());
        Area.Filter filter = area == null ? null : area.in(crs);
        FeatureDigest digest = new FeatureDigest();
        long[] problems = new long[3];
        entry.source().read(info.name(), filter == null ? null : filter.envelope(), null, f -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            if (filter != null && !filter.meets(f.geometry())) {
                return;
            }
            Geometry g = promote(f.geometry(), type);
            List<Object> values = new ArrayList<>(columns.size());
            for (PackColumns.Column c : columns) {
                values.add(PackColumns.normalize(c.pack(), f.attributes().get(c.source())));
            }
            digest.add(f.fid(), g, values);
            try {
                w.insertFeature(table, f.fid(), g, values.toArray());
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }, p -> {
            if (p.kind() == ReadProblem.Kind.SKIPPED) {
                problems[0]++;
            } else if (p.kind() == ReadProblem.Kind.LINEARIZED) {
                problems[1]++;
            } else if (p.kind() == ReadProblem.Kind.RING_CLOSED) {
                problems[2]++;
            }
        });
        if (problems[0] > 0) {
            notes.add(Messages.get("pack.note.unreadable", problems[0]));
        }
        if (problems[1] > 0) {
            notes.add(Messages.get("pack.note.linearized", problems[1]));
        }
        if (problems[2] > 0) {
            notes.add(Messages.get("pack.note.ringClosed", problems[2]));
        }
        return new PackedLayer(table, role.key(), entry.source().location(), info.name(), digest.count(), digest.hex(), problems[0], notes);
    }

    /** The data's own targets table, every row (a unit's check takes its own). */
    private PackedLayer writeTargets(GeoPackageWriter w, SourceCatalog.Entry entry, Set<String> tables, Set<String> identifiers)
            throws SQLException {
        LayerInfo info = entry.info();
        String table = unique(info.name(), tables);
        List<PackColumns.Column> columns = PackColumns.of(info, null);
        w.createAttributeTable(table, unique(info.identifier() == null || info.identifier().isBlank() ? table : info.identifier(), identifiers),
                info.description(), columns.stream().map(PackColumns.Column::pack).toList());
        FeatureDigest digest = new FeatureDigest();
        entry.source().read(info.name(), null, null, f -> {
            List<Object> values = new ArrayList<>(columns.size());
            for (PackColumns.Column c : columns) {
                values.add(PackColumns.normalize(c.pack(), f.attributes().get(c.source())));
            }
            digest.add(digest.count() + 1, null, values);
            try {
                w.insertRow(table, values.toArray());
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }, p -> { });
        return new PackedLayer(table, "targets", entry.source().location(), info.name(), digest.count(), digest.hex(), 0, List.of());
    }

    /** A control list given with --targets, as a targets table with the annex-3 column names. */
    private PackedLayer writeControlList(GeoPackageWriter w, ControlList list, Set<String> tables) throws SQLException {
        String table = unique(TARGETS_TABLE, tables);
        List<GpkgColumn> columns = List.of(GpkgColumn.text("单元名称"), GpkgColumn.text("指标代码"), GpkgColumn.text("指标名称"),
                GpkgColumn.real("目标值"), GpkgColumn.text("计量单位"), GpkgColumn.text("比较方式"), GpkgColumn.text("来源条款"),
                GpkgColumn.text("原文"), GpkgColumn.text("冲突组"));
        w.createAttributeTable(table, table, Messages.get("pack.controlList", request.controlList().getFileName()), columns);
        FeatureDigest digest = new FeatureDigest();
        for (Target t : list.targets().all()) {
            Object[] values = {t.unit(), t.indicator(), t.name(), t.value(), t.measure(), t.comparison().symbol(), t.clause(), t.quote(),
                t.conflictGroup()};
            digest.add(digest.count() + 1, null, java.util.Arrays.asList(values));
            w.insertRow(table, values);
        }
        return new PackedLayer(table, "targets", request.controlList().toAbsolutePath().toString(), request.controlList().getFileName().toString(),
                digest.count(), digest.hex(), 0, List.of());
    }

    /** The stored styles of the packed layers, in QGIS's layer_styles table. */
    private int writeStyles(GeoPackageWriter w, List<PackedLayer> packed) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (PackedLayer l : packed) {
            for (DataSource src : request.sources()) {
                if (!src.location().equals(l.source())) {
                    continue;
                }
                for (DataSource.Style s : src.styles()) {
                    if (s.table() != null && s.table().equals(l.sourceLayer())) {
                        rows.add(new Object[] {l.table(), s.geometryColumn(), s.name(), s.qml(), s.sld(), s.useAsDefault(), s.description()});
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        w.execute("CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256),"
                + " f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,"
                + " useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME)");
        w.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES"
                + " ('layer_styles', 'attributes', 'layer_styles', ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))", Messages.get("pack.styles"));
        for (Object[] r : rows) {
            w.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML,"
                    + " styleSLD, useAsDefault, description, update_time) VALUES ('', '', ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))", r);
        }
        return rows.size();
    }

    private void writeMetadata(GeoPackageWriter w, List<PackedLayer> packed, Area area, String areaText, String created, String fingerprint)
            throws SQLException {
        Set<String> notes = new LinkedHashSet<>();
        request.sources().forEach(s -> notes.addAll(s.metadata()));
        for (String n : notes) {
            w.addFileMetadata(SOURCE_NOTE_URI, "text/plain", n);
        }
        StringBuilder text = new StringBuilder(Messages.get("pack.note.title", request.programVersion())).append('\n');
        text.append(Messages.get("pack.note.area", areaText)).append('\n');
        text.append(Messages.get("pack.note.sources", String.join("；", request.sources().stream().map(DataSource::location).toList()))).append('\n');
        text.append(Messages.get("pack.note.created", created)).append('\n');
        for (PackedLayer l : packed) {
            text.append(Messages.get("pack.note.layer", l.table(), l.role(), l.count())).append('\n');
        }
        text.append(Messages.get("pack.note.fingerprint", fingerprint.substring(0, 12)));
        w.addFileMetadata(NOTE_URI, "text/plain", text.toString());
        w.addFileMetadata(PackMetadata.PACK_URI, PackMetadata.JSON, PackJson.pack(request, packed, area, areaText, created, fingerprint));
        for (PackedLayer l : packed) {
            w.addTableMetadata(l.table(), PackMetadata.LAYER_URI, PackMetadata.JSON, PackJson.layer(l));
        }
    }

    /**
     * Opens the written pack as any reader would and holds it against what was read: the same features (count and
     * digest) in every layer, each meeting the area, and the same check figures for the area.
     */
    private int verify(Path staging, List<PackedLayer> packed, Area area, SourceCatalog catalog, Map<LayerRole, SourceCatalog.Entry> roles) {
        try (GeoPackageSource pack = GeoPackageSource.open(staging, request.options())) {
            pack.countRows(); // the counts a reader shows, not the spatial index's estimate
            for (PackedLayer l : packed) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                LayerInfo info = pack.layer(l.table());
                FeatureDigest digest = new FeatureDigest();
                boolean attributes = info.kind() == LayerInfo.Kind.ATTRIBUTES;
                long[] unreadable = new long[1];
                pack.read(l.table(), null, null, f -> digest.add(attributes ? digest.count() + 1 : f.fid(), f.geometry(),
                        new ArrayList<>(f.attributes().values())), p -> unreadable[0]++);
                if (digest.count() != l.count() || !digest.hex().equals(l.sha256()) || unreadable[0] > 0 || info.featureCount() != l.count()) {
                    throw new GisException("pack.verify.layer", l.table(), l.count(), digest.count());
                }
                if (area != null && !attributes) {
                    Area.Filter filter = area.in(info.srs().crs());
                    long[] inside = new long[1];
                    pack.read(l.table(), filter.envelope(), List.of(), f -> {
                        if (filter.meets(f.geometry())) {
                            inside[0]++;
                        }
                    }, p -> { });
                    if (inside[0] != l.count()) {
                        throw new GisException("pack.verify.area", l.table(), l.count(), inside[0]);
                    }
                }
            }
            if (!roles.containsKey(LayerRole.UNITS) && !roles.containsKey(LayerRole.SITES)) {
                return 0;
            }
            progress.progress(Messages.get("pack.stage.check"), 0.95);
            Map<String, Object> source = ReportFigures.of(check(sourceInput(area)));
            Map<String, Object> inPack = ReportFigures.of(check(packInput(pack)));
            List<String> differences = ReportFigures.differences(source, inPack, RELATIVE);
            if (!differences.isEmpty()) {
                throw new GisException("pack.verify.check", differences.size(), String.join("；", differences.subList(0, Math.min(3, differences.size()))));
            }
            return source.size();
        }
    }

    private CheckInput sourceInput(Area area) {
        DatasetLoader.Loaded loaded;
        if (request.area() instanceof PackArea.Unit u) {
            loaded = DatasetLoader.fromSources(request.sources(), request.roles(), u.name());
        } else if (area != null) {
            loaded = DatasetLoader.within(request.sources(), request.roles(), area);
        } else {
            loaded = DatasetLoader.fromSources(request.sources(), request.roles());
        }
        CheckInput input = loaded.input();
        return request.controlList() == null ? input : DatasetLoader.withControlList(input, request.controlList());
    }

    private CheckInput packInput(GeoPackageSource pack) {
        String unit = request.area() instanceof PackArea.Unit u ? u.name() : null;
        return DatasetLoader.fromSources(List.of(pack), Map.of(), unit).input();
    }

    private static CheckReport check(CheckInput input) {
        return new CheckEngine(CheckParameters.DEFAULT).figuresOnly().run(input, Progress.NONE); // figures are compared, nothing drawn
    }

    private static List<String> leftOut(SourceCatalog catalog, Map<LayerRole, SourceCatalog.Entry> roles) {
        List<String> out = new ArrayList<>();
        Set<LayerInfo> used = new HashSet<>();
        roles.values().forEach(e -> used.add(e.info()));
        if (catalog.targets() != null) {
            used.add(catalog.targets().info());
        }
        catalog.all().forEach(e -> {
            if (!used.contains(e.info())) {
                out.add(e.candidate().label());
            }
        });
        return out;
    }

    private static String fingerprint(List<PackedLayer> packed) {
        FeatureDigest d = new FeatureDigest();
        for (PackedLayer l : packed) {
            d.add(l.count(), null, List.of(l.table(), l.role(), l.sha256()));
        }
        return d.hex();
    }

    /** The pack's type for a layer: single polygons and lines go in as their multi kind, as GDAL's PROMOTE_TO_MULTI does. */
    static String packType(String declared) {
        String t = declared == null ? "GEOMETRY" : declared.toUpperCase(Locale.ROOT);
        return switch (t) {
            case "POLYGON", "MULTIPOLYGON", "CURVEPOLYGON", "MULTISURFACE", "SURFACE" -> "MULTIPOLYGON";
            case "LINESTRING", "MULTILINESTRING", "CIRCULARSTRING", "COMPOUNDCURVE", "MULTICURVE", "CURVE" -> "MULTILINESTRING";
            case "POINT", "MULTIPOINT" -> t;
            default -> "GEOMETRY";
        };
    }

    static Geometry promote(Geometry g, String type) {
        if (g == null) {
            return null;
        }
        if (type.equals("MULTIPOLYGON") && g instanceof Polygon p) {
            return g.isEmpty() ? g.getFactory().createMultiPolygon() : g.getFactory().createMultiPolygon(new Polygon[] {p});
        }
        if (type.equals("MULTILINESTRING") && g instanceof LineString l) {
            return g.isEmpty() ? g.getFactory().createMultiLineString() : g.getFactory().createMultiLineString(new LineString[] {l});
        }
        if (type.equals("MULTIPOINT") && g instanceof Point p) {
            return g.isEmpty() ? g.getFactory().createMultiPoint() : g.getFactory().createMultiPoint(new Point[] {p});
        }
        return g;
    }

    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n.toLowerCase(Locale.ROOT)); i++) {
            n = name + "_" + i;
        }
        return n;
    }

    /** An SQL failure inside a reading callback, carried out of it. */
    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException e) {
            super(e);
        }
    }
}
