package cn.basinguard.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs — recent files, window placement, language — in the user's own profile
 * (java.util.prefs: the registry under HKCU on Windows, ~/.java on Linux), never in the install folder.
 *
 * <p>The window reads and changes a copy in memory, and the profile is written on a thread of its own: writing the
 * XML file (its first write loads the XML transformer) took ~0.6 s on the JavaFX thread while a file opened, and a
 * Preferences node is locked while it is written, so even a read of the node could wait for a write. Writes are
 * coalesced — changes made while one is pending go out with it — and each is atomic: java.util.prefs writes a
 * temporary file and renames it over the old one (and syncs again when the JVM exits, should a write be pending).
 */
final class UserSettings {
    static final int MAX_RECENT = 8;
    /** One writer for every settings node of the process, so two writes of one file never race. */
    private static final java.util.concurrent.ExecutorService WRITER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "settings-writer");
        t.setDaemon(true);
        return t;
    });
    /** The copy in memory of each node, shared by every UserSettings of it (a language switch makes a new one). */
    private static final Map<Preferences, Copy> COPIES = new java.util.WeakHashMap<>();
    private final Preferences node;
    private final Copy copy;

    /** A node's values as the window last set them, and whether a write of them is pending. */
    private record Copy(Map<String, String> values, java.util.concurrent.atomic.AtomicBoolean pending) {
    }

    UserSettings(Preferences node) {
        this.node = node;
        synchronized (COPIES) {
            this.copy = COPIES.computeIfAbsent(node, UserSettings::load);
        }
    }

    private static Copy load(Preferences node) {
        Map<String, String> values = new ConcurrentHashMap<>();
        try {
            for (String k : node.keys()) {
                String v = node.get(k, null);
                if (v != null) {
                    values.put(k, v);
                }
            }
        } catch (BackingStoreException | IllegalStateException e) {
            // unreadable settings: start from none
        }
        return new Copy(values, new java.util.concurrent.atomic.AtomicBoolean());
    }

    static UserSettings forUser() {
        // tests point this elsewhere so that they never touch a user's own settings
        return new UserSettings(Preferences.userRoot().node(System.getProperty("basinguard.settings", "cn/basinguard/workbench")));
    }

    /** The files and folders opened last, newest first; those no longer there are left out. */
    List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = get("recent." + i, null);
            if (p != null && Files.exists(Path.of(p))) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    void addRecent(Path file) {
        List<Path> list = new ArrayList<>(recentFiles());
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                put("recent." + i, list.get(i).toString());
            } else {
                remove("recent." + i);
            }
        }
        flush();
    }

    /**
     * Databases connected to lately, newest first, as their addresses: never a password (an address holds none; the
     * window asks for it each time).
     */
    List<String> recentDatabases() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String a = get("recentDatabase." + i, null);
            if (a != null && cn.basinguard.core.source.pg.PgAddress.isAddress(a)) {
                out.add(a);
            }
        }
        return out;
    }

    void addRecentDatabase(cn.basinguard.core.source.pg.PgAddress address) {
        List<String> list = new ArrayList<>(recentDatabases());
        String uri = address.uri();
        list.remove(uri);
        list.add(0, uri);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                put("recentDatabase." + i, list.get(i));
            } else {
                remove("recentDatabase." + i);
            }
        }
        flush();
    }

    String language() {
        return get("language", "zh");
    }

    void setLanguage(String language) {
        put("language", language);
        flush();
    }

    /** x, y, width, height; null when never saved. */
    double[] windowBounds() {
        double w = getDouble("window.w", -1);
        return w <= 0 ? null : new double[] {getDouble("window.x", 0), getDouble("window.y", 0), w, getDouble("window.h", 800)};
    }

    boolean maximized() {
        return getBoolean("window.maximized", false);
    }

    void saveWindow(double x, double y, double w, double h, boolean maximized) {
        put("window.x", x);
        put("window.y", y);
        put("window.w", w);
        put("window.h", h);
        put("window.maximized", maximized);
        flush();
    }

    /** Writes the node to the profile off the caller's thread; a write already pending takes this change along. */
    private void flush() {
        if (copy.pending().compareAndSet(false, true)) {
            WRITER.execute(() -> {
                copy.pending().set(false); // a change made from here on asks for a write of its own
                try {
                    Map<String, String> values = Map.copyOf(copy.values());
                    for (String k : node.keys()) {
                        if (!values.containsKey(k)) {
                            node.remove(k);
                        }
                    }
                    values.forEach((k, v) -> {
                        if (!v.equals(node.get(k, null))) {
                            node.put(k, v);
                        }
                    });
                    node.flush();
                } catch (BackingStoreException | IllegalStateException e) {
                    // settings are a convenience: a read-only profile (or a node removed meanwhile) must not stop the work
                }
            });
        }
    }

    private String get(String key, String otherwise) {
        return copy.values().getOrDefault(key, otherwise);
    }

    private double getDouble(String key, double otherwise) {
        try {
            String v = copy.values().get(key);
            return v == null ? otherwise : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private boolean getBoolean(String key, boolean otherwise) {
        String v = copy.values().get(key);
        return v == null ? otherwise : Boolean.parseBoolean(v);
    }

    private void put(String key, Object value) {
        copy.values().put(key, String.valueOf(value));
    }

    private void remove(String key) {
        copy.values().remove(key);
    }

    /** Waits until every write asked for so far is done (tests; a window closing need not wait: the JDK syncs at exit). */
    static void awaitWrites() throws InterruptedException, java.util.concurrent.ExecutionException {
        WRITER.submit(() -> { }).get();
    }
}
