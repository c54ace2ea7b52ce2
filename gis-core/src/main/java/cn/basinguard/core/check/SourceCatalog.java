package cn.basinguard.core.check;

import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.source.DataSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of several sources offered to role recognition, and which plays which role: the user's {@code --role}
 * choices first, then the roles a source records for its layers (an offline pack says which role each of its
 * layers played when it was packed, whatever its name), then the layers' names and comments. A role recorded by two
 * sources is not taken from either: the names decide, or the user is asked.
 */
public final class SourceCatalog {
    /** A layer and where it is. */
    public record Entry(DataSource source, LayerInfo info, LayerCandidate candidate) {
    }

    private final Map<LayerCandidate, Entry> entries;
    private final RoleResolver.Resolution resolution;

    private SourceCatalog(Map<LayerCandidate, Entry> entries, RoleResolver.Resolution resolution) {
        this.entries = entries;
        this.resolution = resolution;
    }

    public static SourceCatalog of(List<DataSource> sources, Map<String, String> explicitRoles) {
        Map<LayerCandidate, Entry> entries = new LinkedHashMap<>();
        Map<String, List<String>> recorded = new HashMap<>();
        for (DataSource src : sources) {
            for (LayerInfo l : src.layers()) {
                if (!l.isSupported()) {
                    continue;
                }
                LayerCandidate c = new LayerCandidate(src.location(), l.name(), l.identifier(), l.kind() == LayerInfo.Kind.FEATURES);
                entries.put(c, new Entry(src, l, c));
            }
            src.recordedRoles().forEach((layer, role) -> recorded.computeIfAbsent(role, k -> new ArrayList<>())
                    .add(src.location() + ":" + layer));
        }
        Map<String, String> roles = new LinkedHashMap<>(explicitRoles);
        recorded.forEach((role, layers) -> {
            boolean given = explicitRoles.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(role));
            if (!given && layers.size() == 1 && (role.equalsIgnoreCase("targets") || LayerRole.fromKey(role) != null)) {
                roles.put(role, layers.get(0));
            }
        });
        return new SourceCatalog(entries, withLandUse(RoleResolver.resolve(new ArrayList<>(entries.keySet()), roles), entries));
    }

    /**
     * The roles with land use and cultivated land derived from each other: a cultivated-land layer that holds DLBM (a
     * 三调 DLTB with all its classes, or only its 耕地) is also the land-use layer unless another is named; a land-use
     * layer is also the cultivated-land layer (its 01xx parcels) unless another is named or found.
     */
    private static RoleResolver.Resolution withLandUse(RoleResolver.Resolution res, Map<LayerCandidate, Entry> entries) {
        LayerCandidate cult = res.roles().get(LayerRole.CULTIVATED);
        LayerCandidate landUse = res.roles().get(LayerRole.LAND_USE);
        if ((cult == null) == (landUse == null)) {
            return res;
        }
        Map<LayerRole, LayerCandidate> roles = new EnumMap<>(res.roles());
        if (cult == null) {
            roles.put(LayerRole.CULTIVATED, landUse);
        } else if (entries.get(cult) != null && hasLandClass(entries.get(cult).info())) {
            roles.put(LayerRole.LAND_USE, cult);
        }
        return new RoleResolver.Resolution(roles, res.targets());
    }

    private static boolean hasLandClass(LayerInfo info) {
        return info.fields().stream().anyMatch(f -> FieldPurpose.LAND_CLASS.names().stream().anyMatch(n -> n.equalsIgnoreCase(f.name())));
    }

    public RoleResolver.Resolution resolution() {
        return resolution;
    }

    /** The layer playing {@code role}, or null. */
    public Entry role(LayerRole role) {
        LayerCandidate c = resolution.roles().get(role);
        return c == null ? null : entries.get(c);
    }

    /** The targets table, or null. */
    public Entry targets() {
        return resolution.targets() == null ? null : entries.get(resolution.targets());
    }

    /** Every layer offered, in the sources' order. */
    public java.util.Collection<Entry> all() {
        return entries.values();
    }

    public Entry entry(LayerCandidate c) {
        return entries.get(c);
    }
}
