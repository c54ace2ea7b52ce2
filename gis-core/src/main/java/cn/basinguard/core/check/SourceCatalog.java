package cn.basinguard.core.check;

import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.source.DataSource;
import java.util.ArrayList;
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
        return new SourceCatalog(entries, RoleResolver.resolve(new ArrayList<>(entries.keySet()), roles));
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
