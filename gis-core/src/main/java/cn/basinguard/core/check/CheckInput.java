package cn.basinguard.core.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the checks run on: at most one layer per role (from any number of files, in any CRSs) and the targets.
 *
 * @param layers the role layers; units or sites must be among them
 * @param targets the bottom-line targets (may be empty: figures are then reported with status NO_TARGET)
 * @param inputs the source files, as the user named them, for the report
 * @param readIssues what reading the sources found (unreadable features, curves made straight), reported first
 * @param area the name of the one unit the input was cut to (only what meets it was read), or null for the whole data
 */
public record CheckInput(Map<LayerRole, RoleLayer> layers, TargetTable targets, List<String> inputs,
                         List<DataQualityIssue> readIssues, String area) {
    public CheckInput {
        layers = layers.isEmpty() ? Map.of() : new EnumMap<>(layers);
        inputs = List.copyOf(inputs);
        readIssues = List.copyOf(readIssues);
    }

    public CheckInput(Map<LayerRole, RoleLayer> layers, TargetTable targets, List<String> inputs) {
        this(layers, targets, inputs, List.of(), null);
    }

    public CheckInput(Map<LayerRole, RoleLayer> layers, TargetTable targets, List<String> inputs, List<DataQualityIssue> readIssues) {
        this(layers, targets, inputs, readIssues, null);
    }

    /** The same input with {@code layer} playing its role instead (project sites imported from another file, say). */
    public CheckInput with(RoleLayer layer, String sourceFile) {
        Map<LayerRole, RoleLayer> l = new EnumMap<>(LayerRole.class);
        l.putAll(layers);
        l.put(layer.role(), layer);
        List<String> in = new java.util.ArrayList<>(inputs);
        in.add(sourceFile);
        return new CheckInput(l, targets, in, readIssues, area);
    }

    /** The same input with {@code table} as its targets, read from {@code sourceFile} (a control list). */
    public CheckInput withTargets(TargetTable table, String sourceFile) {
        List<String> in = new java.util.ArrayList<>(inputs);
        in.add(sourceFile);
        return new CheckInput(layers, area == null ? table : table.forUnitOnly(area), in, readIssues, area);
    }

    /** The names of the units, as the units layer's name field gives them (empty without a units layer). */
    public List<String> unitNames() {
        RoleLayer units = layers.get(LayerRole.UNITS);
        if (units == null) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        for (SourceFeature f : units.features()) {
            String field = FieldPurpose.UNIT_NAME.find(f.attributes());
            String n = field == null ? null : f.text(field);
            if (n != null && !n.isBlank() && !names.contains(n.trim())) {
                names.add(n.trim());
            }
        }
        return names;
    }

    public RoleLayer layer(LayerRole role) {
        return layers.get(role);
    }
}
