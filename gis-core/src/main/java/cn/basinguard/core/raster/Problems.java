package cn.basinguard.core.raster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a raster could not read, each kind said once however many tiles share the fault: a frame reads hundreds. */
final class Problems {
    private final Set<String> kinds = new LinkedHashSet<>();
    private final List<String> messages = new ArrayList<>();

    /** Records {@code message} unless a fault of {@code kind} was already said. */
    synchronized void once(String kind, String message) {
        if (kinds.add(kind)) {
            messages.add(message);
        }
    }

    synchronized List<String> list() {
        return List.copyOf(messages);
    }
}
