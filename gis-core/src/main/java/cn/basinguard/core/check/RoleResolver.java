package cn.basinguard.core.check;

import cn.basinguard.core.GisException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides which layer plays which role. An explicit {@code ROLE=LAYER} always wins; otherwise a layer is
 * recognised by its name: an exact name (DLTB, 永久基本农田) beats a code among the name's parts
 * (YJJBNTTB_421303), which beats a Chinese name inside a longer one (曾都区生态保护红线). Two layers that match one
 * role equally well are not guessed between: the user is asked to name one.
 */
public final class RoleResolver {
    private static final int EXACT = 3;
    private static final int TOKEN = 2;
    private static final int CONTAINS = 1;

    private RoleResolver() {
    }

    /** The resolved roles, and the targets table if one was found. */
    public record Resolution(Map<LayerRole, LayerCandidate> roles, LayerCandidate targets) {
    }

    /**
     * @param explicit role key → layer as the user wrote it ("永久基本农田" or "file.gpkg:永久基本农田")
     */
    public static Resolution resolve(List<LayerCandidate> layers, Map<String, String> explicit) {
        Map<LayerRole, LayerCandidate> roles = new EnumMap<>(LayerRole.class);
        LayerCandidate targets = null;
        for (Map.Entry<String, String> e : explicit.entrySet()) {
            if (e.getKey().equalsIgnoreCase("targets")) {
                targets = find(layers, e.getValue(), e.getKey());
                continue;
            }
            LayerRole role = LayerRole.fromKey(e.getKey());
            if (role == null) {
                throw new GisException("role.unknown", e.getKey(), roleKeys());
            }
            roles.put(role, find(layers, e.getValue(), e.getKey()));
        }
        Map<LayerRole, List<LayerCandidate>> best = new EnumMap<>(LayerRole.class);
        Map<LayerRole, Integer> bestScore = new EnumMap<>(LayerRole.class);
        for (LayerCandidate c : layers) {
            if (!c.spatial() || roles.containsValue(c)) {
                continue;
            }
            LayerRole role = roleByName(c).orElse(null);
            if (role == null || roles.containsKey(role)) {
                continue;
            }
            int score = score(c, role);
            int current = bestScore.getOrDefault(role, 0);
            if (score > current) {
                bestScore.put(role, score);
                best.put(role, new ArrayList<>(List.of(c)));
            } else if (score == current) {
                best.get(role).add(c);
            }
        }
        for (Map.Entry<LayerRole, List<LayerCandidate>> e : best.entrySet()) {
            if (e.getValue().size() > 1) {
                LayerCandidate first = e.getValue().get(0);
                boolean sameName = e.getValue().stream().filter(c -> c.table().equals(first.table())).count() > 1;
                throw new GisException("role.ambiguous", e.getKey().key(),
                        e.getValue().stream().map(LayerCandidate::label).collect(Collectors.joining("、")),
                        e.getKey().key(), sameName ? first.fileName() + ":" + first.table() : first.table());
            }
            roles.put(e.getKey(), e.getValue().get(0));
        }
        if (targets == null) {
            for (LayerCandidate c : layers) {
                if (!c.spatial() && TargetTable.NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(c.table()) || n.equalsIgnoreCase(c.identifier()))) {
                    targets = c;
                    break;
                }
            }
        }
        return new Resolution(roles, targets);
    }

    /** The role a layer's name says best, as {@link #resolve} recognises it; empty when it says none. */
    public static Optional<LayerRole> roleByName(LayerCandidate c) {
        LayerRole role = null;
        int score = 0;
        for (LayerRole r : LayerRole.values()) {
            int s = score(c, r);
            if (s > score) {
                score = s;
                role = r;
            }
        }
        return Optional.ofNullable(role);
    }

    /** How well a layer's name says {@code role}: 0 (not at all) to 3 (exactly). */
    static int score(LayerCandidate c, LayerRole role) {
        int s = 0;
        for (String name : new String[] {c.table(), c.identifier()}) {
            if (name == null || name.isBlank()) {
                continue;
            }
            String n = name.trim().toLowerCase(Locale.ROOT);
            List<String> tokens = List.of(n.split("[^\\p{L}\\p{N}]+|(?<=\\p{IsHan})(?=[\\p{Alnum}])|(?<=[\\p{Alnum}])(?=\\p{IsHan})"));
            for (String known : role.names()) {
                String k = known.toLowerCase(Locale.ROOT);
                if (n.equals(k)) {
                    s = Math.max(s, EXACT);
                } else if (tokens.contains(k)) {
                    s = Math.max(s, TOKEN);
                } else if (k.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                        && k.length() >= 2 && n.contains(k)) {
                    s = Math.max(s, CONTAINS);
                }
            }
        }
        return s;
    }

    private static LayerCandidate find(List<LayerCandidate> layers, String spec, String role) {
        String file = null;
        String table = spec;
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && colon < spec.length() - 1 && !spec.matches("^[A-Za-z]:[\\\\/].*")) {
            file = spec.substring(0, colon);
            table = spec.substring(colon + 1);
        }
        Map<String, LayerCandidate> matches = new LinkedHashMap<>();
        for (LayerCandidate c : layers) {
            boolean nameMatches = table.equals(c.table()) || table.equals(c.identifier());
            boolean fileMatches = file == null || file.equals(c.file()) || file.equals(c.fileName());
            if (nameMatches && fileMatches) {
                matches.put(c.label(), c);
            }
        }
        if (matches.isEmpty()) {
            // a plain path names the one layer of a file: "--role cultivated=/data/DLTB.shp"
            String asPath = absolute(spec);
            for (LayerCandidate c : layers) {
                if (spec.equals(c.file()) || spec.equals(c.fileName()) || asPath != null && asPath.equals(absolute(c.file()))) {
                    matches.put(c.label(), c);
                }
            }
            if (matches.size() > 1) {
                throw new GisException("role.fileHasLayers", spec, String.join("、", matches.keySet()));
            }
        }
        if (matches.isEmpty()) {
            throw new GisException("role.layerNotFound", spec, role,
                    layers.stream().map(LayerCandidate::label).collect(Collectors.joining("、")));
        }
        if (matches.size() > 1) {
            throw new GisException("role.layerAmbiguous", spec, String.join("、", matches.keySet()));
        }
        return matches.values().iterator().next();
    }

    private static String absolute(String path) {
        try {
            return java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static String roleKeys() {
        List<String> keys = new ArrayList<>();
        for (LayerRole r : LayerRole.values()) {
            keys.add(r.key());
        }
        keys.add("targets");
        return String.join(", ", keys);
    }
}
