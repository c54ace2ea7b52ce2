package cn.basinguard.core.check;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens the user's GeoPackages (read-only), decides the roles, and reads the role layers and the targets table into
 * a {@link CheckInput}. A 三调 land-use layer (DLTB with all land classes) used as cultivated land keeps only the
 * parcels whose DLBM starts with "01" (耕地: 0101, 0102, 0103, and the older 011–013), and serves whole as the
 * land-use layer of the site review; a layer given the land-use role alone serves as cultivated land the same way.
 * Features that cannot be read are listed as data-quality issues; the rest load.
 */
public final class DatasetLoader {
    /** What was loaded, and what reading found wrong. */
    public record Loaded(CheckInput input, RoleResolver.Resolution resolution) {
    }

    private DatasetLoader() {
    }

    /** Opens the named files and folders (GeoPackages, Shapefiles), loads them, and closes them again. */
    public static Loaded load(List<Path> files, Map<String, String> explicitRoles) {
        if (files.isEmpty()) {
            throw new GisException("check.noFiles");
        }
        try (DataSources.Opened opened = DataSources.openAll(files.stream().map(Path::toString).toList(), SourceOptions.DEFAULT)) {
            // the sources close here: every layer is read now, the big ones too
            return fromSources(opened.sources(), explicitRoles, null, false);
        }
    }

    /** Decides the roles among the sources' layers and reads the role layers and the targets; the sources stay open. */
    public static Loaded fromSources(List<DataSource> sources, Map<String, String> explicitRoles) {
        return fromSources(sources, explicitRoles, null);
    }

    /**
     * As {@link #fromSources(List, Map)}, cut to one unit when {@code unit} is not null: the units layer is read first,
     * and every other layer only where it meets that unit (by the sources' spatial indexes, then by geometry), so a
     * unit's check reads that unit's share of the data. Its targets are the unit's own; there is no district row.
     */
    public static Loaded fromSources(List<DataSource> sources, Map<String, String> explicitRoles, String unit) {
        return load(sources, explicitRoles, unit, null, true);
    }

    /**
     * As {@link #fromSources(List, Map)}, with every layer — the units too — read only where it meets {@code area}
     * (an offline pack's box or boundary): what a pack of that area holds. The targets are all kept.
     */
    public static Loaded within(List<DataSource> sources, Map<String, String> explicitRoles, Area area) {
        return load(sources, explicitRoles, null, area, true);
    }

    /**
     * @param stream whether the big layers (cultivated land, basic farmland, red line) are left in their sources, to be
     *               read area by area as the checks go (the sources must then stay open until the checks are done), or
     *               read now and held
     */
    static Loaded fromSources(List<DataSource> sources, Map<String, String> explicitRoles, String unit, boolean stream) {
        return load(sources, explicitRoles, unit, null, stream);
    }

    private static Loaded load(List<DataSource> sources, Map<String, String> explicitRoles, String unit, Area outline, boolean stream) {
        if (sources.isEmpty()) {
            throw new GisException("check.noFiles");
        }
        SourceCatalog catalog = SourceCatalog.of(sources, explicitRoles);
        RoleResolver.Resolution res = catalog.resolution();
        List<DataQualityIssue> issues = new ArrayList<>();
        for (DataSource src : sources) {
            for (String w : src.warnings()) {
                issues.add(new DataQualityIssue(DataQualityIssue.Kind.SOURCE_WARNING, src.label(), null, w, DataQualityIssue.Handling.USED_AS_IS));
            }
        }
        Map<LayerRole, RoleLayer> layers = new EnumMap<>(LayerRole.class);
        Area area = outline;
        if (unit != null) {
            LayerCandidate c = res.roles().get(LayerRole.UNITS);
            if (c == null) {
                throw new GisException("check.area.noUnits", unit);
            }
            RoleLayer units = roleLayer(LayerRole.UNITS, catalog.entry(c), issues, null, false);
            area = Area.of(units, unit);
            layers.put(LayerRole.UNITS, area.units());
        }
        for (Map.Entry<LayerRole, LayerCandidate> e : res.roles().entrySet()) {
            if (layers.containsKey(e.getKey())) {
                continue;
            }
            layers.put(e.getKey(), roleLayer(e.getKey(), catalog.entry(e.getValue()), issues, area, stream));
        }
        TargetTable targets = TargetTable.empty();
        if (res.targets() != null) {
            SourceCatalog.Entry t = catalog.targets();
            targets = TargetTable.read(t.candidate().label(), read(t.source(), t.info(), null, null, t.candidate().label(), issues));
            if (unit != null) {
                targets = targets.forUnitOnly(unit);
            }
        }
        List<String> inputs = sources.stream().map(DataSource::location).toList();
        return new Loaded(new CheckInput(layers, targets, inputs, issues, unit), res);
    }

    private static RoleLayer roleLayer(LayerRole role, SourceCatalog.Entry entry, List<DataQualityIssue> issues, Area area, boolean stream) {
        LayerCandidate c = entry.candidate();
        LayerInfo info = entry.info();
        if (info.kind() != LayerInfo.Kind.FEATURES) {
            throw new GisException("check.roleNotSpatial", c.label(), role.key());
        }
        if (info.srs() != null && info.srs().crs() == null) {
            throw new GisException(info.srs().undefined() ? "check.undefinedCrs" : "check.unknownCrs", c.label(), info.srs().code());
        }
        Crs crs = info.srs() == null ? null : info.srs().crs();
        Area.Filter filter = area == null || crs == null ? null : area.in(crs);
        if (stream && CheckEngine.TILED.contains(role)) {
            return new RoleLayer(role, c.label(), crs, new SourceReader(entry.source(), info, fieldsFor(role, info, false),
                    role == LayerRole.CULTIVATED, filter));
        }
        List<SourceFeature> features = read(entry.source(), info, fieldsFor(role, info, true), filter, c.label(), issues);
        if (role == LayerRole.CULTIVATED) {
            features = onlyCultivated(features);
        }
        // a sites layer whose every geometry is NULL or empty has no site to check: the same exit 2 as none
        if (role == LayerRole.SITES && area == null
                && features.stream().noneMatch(f -> f.geometry() != null && !f.geometry().isEmpty())) {
            throw new GisException("check.noSites", c.label());
        }
        return new RoleLayer(role, c.label(), crs, features);
    }

    /**
     * The input with the targets of a control list file (.xlsx or .csv) instead of any targets table in the data;
     * every unit the list names must be in the units layer (or be the district).
     */
    public static CheckInput withControlList(CheckInput input, Path controlList) {
        ControlList list = ControlList.read(controlList);
        List<String> units = input.unitNames();
        if (!units.isEmpty()) {
            list.checkUnits(units);
        }
        return input.withTargets(list.targets(), controlList.toString());
    }

    /**
     * The attribute columns a role needs: the red-line layers are the big ones (hundreds of thousands of patches with
     * a dozen 三调 fields each) and the checks only need their patch id and land class, and cultivated and land use the
     * deduction (KCXS, or KCMJ, TBDLMJ and TBMJ); reading every 三调 column of a county's patches would cost a tenth of the
     * check. The site review's other fields, for the few patches a site occupies, are asked of the layer by fid
     * ({@link LayerReader#features}) — or, for a layer held in memory ({@code held}), read with it. Small layers are
     * read whole.
     */
    static List<String> fieldsFor(LayerRole role, LayerInfo info, boolean held) {
        List<FieldPurpose> purposes = switch (role) {
            case CULTIVATED, LAND_USE -> new ArrayList<>(List.of(FieldPurpose.PATCH_ID, FieldPurpose.LAND_CLASS,
                    FieldPurpose.DEDUCTION_RATE, FieldPurpose.DEDUCTED_AREA, FieldPurpose.PATCH_AREA, FieldPurpose.CLASS_AREA));
            case BASIC_FARMLAND, ECO_REDLINE -> new ArrayList<>(List.of(FieldPurpose.PATCH_ID, FieldPurpose.LAND_CLASS));
            default -> null;
        };
        if (purposes == null) {
            return null;
        }
        if (held) {
            purposes.addAll(FieldPurpose.SURVEY);
        }
        return columns(info, purposes);
    }

    /** The columns of a layer that serve the site review: the patch id, the land class and the 三调 fields. */
    static List<String> surveyColumns(LayerInfo info) {
        List<FieldPurpose> purposes = new ArrayList<>(List.of(FieldPurpose.PATCH_ID, FieldPurpose.LAND_CLASS));
        purposes.addAll(FieldPurpose.SURVEY);
        return columns(info, purposes);
    }

    /**
     * The layer's columns that serve any of these purposes, in the layer's order: for each purpose the one column
     * {@link FieldPurpose#find} will take, the first of its names the layer has (a basic-farmland layer with BSM,
     * JBNTTBBH and TBBH is identified by BSM alone: reading the other two cost a third of its attribute reads).
     */
    private static List<String> columns(LayerInfo info, List<FieldPurpose> purposes) {
        java.util.Set<String> serving = new java.util.HashSet<>();
        for (FieldPurpose p : purposes) {
            p.names().stream()
                .flatMap(n -> info.fields().stream().filter(f -> f.name().equalsIgnoreCase(n)))
                .findFirst()
                .ifPresent(f -> serving.add(f.name()));
        }
        List<String> out = new ArrayList<>();
        for (LayerInfo.FieldInfo f : info.fields()) {
            if (serving.contains(f.name())) {
                out.add(f.name());
            }
        }
        return out;
    }

    private static List<SourceFeature> read(DataSource src, LayerInfo info, List<String> fields, Area.Filter area, String label,
                                            List<DataQualityIssue> issues) {
        List<SourceFeature> out = new ArrayList<>(area != null ? 1024 : (int) Math.max(16, info.featureCount()));
        List<ReadProblem> problems = new ArrayList<>();
        FeatureSink keep = f -> {
            if (area == null || area.meets(f.geometry())) {
                out.add(new SourceFeature(f.fid(), f.geometry(), f.attributes()));
            }
        };
        if (area == null) {
            src.read(info.name(), null, fields, keep, problems::add);
        } else {
            src.readMeeting(info.name(), List.of(area.envelope()), area.near(), fields, keep, problems::add);
        }
        issues.addAll(issuesOf(problems, label));
        return out;
    }

    /** What reading a layer found wrong, as data-quality issues: each unreadable feature, the curves made straight … */
    static List<DataQualityIssue> issuesOf(List<ReadProblem> problems, String label) {
        List<DataQualityIssue> issues = new ArrayList<>();
        int linearized = 0;
        for (ReadProblem p : problems) {
            switch (p.kind()) {
                case SKIPPED -> issues.add(new DataQualityIssue(DataQualityIssue.Kind.UNREADABLE_FEATURE, label, Long.toString(p.fid()),
                        p.reason(), DataQualityIssue.Handling.EXCLUDED));
                case RING_CLOSED -> issues.add(new DataQualityIssue(DataQualityIssue.Kind.INVALID_GEOMETRY, label, Long.toString(p.fid()),
                        p.reason(), DataQualityIssue.Handling.REPAIRED));
                case LINEARIZED -> linearized++;
                case RINGS_DROPPED -> issues.add(new DataQualityIssue(DataQualityIssue.Kind.RINGS_DROPPED, label, null, p.reason(),
                        DataQualityIssue.Handling.EXCLUDED));
                case UNDECODABLE_TEXT -> issues.add(new DataQualityIssue(DataQualityIssue.Kind.UNDECODABLE_TEXT, label, null, p.reason(),
                        DataQualityIssue.Handling.USED_AS_IS));
            }
        }
        if (linearized > 0) {
            issues.add(new DataQualityIssue(DataQualityIssue.Kind.LINEARIZED_CURVES, label, null, Integer.toString(linearized),
                    DataQualityIssue.Handling.USED_AS_IS));
        }
        return issues;
    }

    /** Whether a land-use feature is 耕地: DLBM 01xx (三调) or 011–013 (二调); any feature of a layer without DLBM. */
    static boolean isCultivated(Map<String, Object> attributes) {
        String key = FieldPurpose.LAND_CLASS.find(attributes);
        if (key == null) {
            return true;
        }
        Object code = attributes.get(key);
        return code != null && code.toString().trim().startsWith("01");
    }

    /** 耕地 parcels of a land-use layer: DLBM 01xx (三调) or 011–013 (二调); a layer without DLBM is taken whole. */
    static List<SourceFeature> onlyCultivated(List<SourceFeature> features) {
        if (features.isEmpty()) {
            return features;
        }
        String key = FieldPurpose.LAND_CLASS.find(features.get(0).attributes());
        if (key == null) {
            return features;
        }
        List<SourceFeature> out = new ArrayList<>(features.size());
        for (SourceFeature f : features) {
            String code = f.text(key);
            if (code != null && code.trim().startsWith("01")) {
                out.add(f);
            }
        }
        return out;
    }
}
