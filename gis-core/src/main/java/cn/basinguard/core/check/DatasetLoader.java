package cn.basinguard.core.check;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.GeoPackageSource;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens the user's GeoPackages (read-only), decides the roles, and reads the role layers and the targets table into
 * a {@link CheckInput}. A 三调 land-use layer (DLTB with all land classes) used as cultivated land keeps only the
 * parcels whose DLBM starts with "01" (耕地: 0101, 0102, 0103, and the older 011–013). Features that cannot be
 * read are listed as data-quality issues; the rest load.
 */
public final class DatasetLoader {
    /** What was loaded, and what reading found wrong. */
    public record Loaded(CheckInput input, RoleResolver.Resolution resolution) {
    }

    private DatasetLoader() {
    }

    public static Loaded load(List<Path> files, Map<String, String> explicitRoles) {
        if (files.isEmpty()) {
            throw new GisException("check.noFiles");
        }
        Map<String, GeoPackageSource> sources = new LinkedHashMap<>();
        try {
            List<LayerCandidate> candidates = new ArrayList<>();
            Map<LayerCandidate, LayerInfo> infos = new LinkedHashMap<>();
            for (Path f : files) {
                GeoPackageSource src = GeoPackageSource.open(f);
                sources.put(f.toString(), src);
                for (LayerInfo l : src.layers()) {
                    if (!l.isSupported()) {
                        continue;
                    }
                    LayerCandidate c = new LayerCandidate(f.toString(), l.name(), l.identifier(), l.kind() == LayerInfo.Kind.FEATURES);
                    candidates.add(c);
                    infos.put(c, l);
                }
            }
            RoleResolver.Resolution res = RoleResolver.resolve(candidates, explicitRoles);
            List<DataQualityIssue> issues = new ArrayList<>();
            Map<LayerRole, RoleLayer> layers = new EnumMap<>(LayerRole.class);
            for (Map.Entry<LayerRole, LayerCandidate> e : res.roles().entrySet()) {
                LayerCandidate c = e.getValue();
                LayerInfo info = infos.get(c);
                if (info.kind() != LayerInfo.Kind.FEATURES) {
                    throw new GisException("check.roleNotSpatial", c.label(), e.getKey().key());
                }
                if (info.srs() != null && info.srs().crs() == null) {
                    throw new GisException(info.srs().undefined() ? "check.undefinedCrs" : "check.unknownCrs", c.label(), info.srs().code());
                }
                List<SourceFeature> features = read(sources.get(c.file()), info, fieldsFor(e.getKey(), info), c.label(), issues);
                if (e.getKey() == LayerRole.CULTIVATED) {
                    features = onlyCultivated(features);
                }
                // a sites layer whose every geometry is NULL or empty has no site to check: the same exit 2 as none
                if (e.getKey() == LayerRole.SITES && features.stream().noneMatch(f -> f.geometry() != null && !f.geometry().isEmpty())) {
                    throw new GisException("check.noSites", c.label());
                }
                layers.put(e.getKey(), new RoleLayer(e.getKey(), c.label(), info.srs() == null ? null : info.srs().crs(), features));
            }
            TargetTable targets = TargetTable.empty();
            if (res.targets() != null) {
                LayerCandidate t = res.targets();
                targets = TargetTable.read(t.label(), read(sources.get(t.file()), infos.get(t), null, t.label(), issues));
            }
            List<String> inputs = files.stream().map(Path::toString).toList();
            return new Loaded(new CheckInput(layers, targets, inputs, issues), res);
        } finally {
            sources.values().forEach(GeoPackageSource::close);
        }
    }

    /**
     * The attribute columns a role needs: the red-line layers are the big ones (hundreds of thousands of patches with
     * a dozen 三调 fields each) and the checks only need their patch id and land class; small layers are read whole.
     */
    static List<String> fieldsFor(LayerRole role, LayerInfo info) {
        if (role != LayerRole.CULTIVATED && role != LayerRole.BASIC_FARMLAND && role != LayerRole.ECO_REDLINE) {
            return null;
        }
        List<String> wanted = new ArrayList<>();
        for (LayerInfo.FieldInfo f : info.fields()) {
            for (FieldPurpose p : List.of(FieldPurpose.PATCH_ID, FieldPurpose.LAND_CLASS)) {
                if (p.names().stream().anyMatch(n -> n.equalsIgnoreCase(f.name()))) {
                    wanted.add(f.name());
                }
            }
        }
        return wanted;
    }

    private static List<SourceFeature> read(GeoPackageSource src, LayerInfo info, List<String> fields, String label,
                                            List<DataQualityIssue> issues) {
        List<SourceFeature> out = new ArrayList<>((int) Math.max(16, info.featureCount()));
        List<ReadProblem> problems = new ArrayList<>();
        src.read(info.name(), null, fields, (Feature f) -> out.add(new SourceFeature(f.fid(), f.geometry(), f.attributes())), problems::add);
        int linearized = 0;
        for (ReadProblem p : problems) {
            switch (p.kind()) {
                case SKIPPED -> issues.add(new DataQualityIssue(DataQualityIssue.Kind.UNREADABLE_FEATURE, label, Long.toString(p.fid()),
                        p.reason(), DataQualityIssue.Handling.EXCLUDED));
                case RING_CLOSED -> issues.add(new DataQualityIssue(DataQualityIssue.Kind.INVALID_GEOMETRY, label, Long.toString(p.fid()),
                        p.reason(), DataQualityIssue.Handling.REPAIRED));
                case LINEARIZED -> linearized++;
            }
        }
        if (linearized > 0) {
            issues.add(new DataQualityIssue(DataQualityIssue.Kind.LINEARIZED_CURVES, label, null, Integer.toString(linearized),
                    DataQualityIssue.Handling.USED_AS_IS));
        }
        return out;
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
