package cn.basinguard.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs — recent files, window placement, language — in the user's own profile
 * (java.util.prefs: the registry under HKCU on Windows, ~/.java on Linux), never in the install folder.
 */
final class UserSettings {
    static final int MAX_RECENT = 8;
    private final Preferences node;

    UserSettings(Preferences node) {
        this.node = node;
    }

    static UserSettings forUser() {
        // tests point this elsewhere so that they never touch a user's own settings
        return new UserSettings(Preferences.userRoot().node(System.getProperty("basinguard.settings", "cn/basinguard/workbench")));
    }

    /** The files and folders opened last, newest first; those no longer there are left out. */
    List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String p = node.get("recent." + i, null);
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
                node.put("recent." + i, list.get(i).toString());
            } else {
                node.remove("recent." + i);
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
            String a = node.get("recentDatabase." + i, null);
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
                node.put("recentDatabase." + i, list.get(i));
            } else {
                node.remove("recentDatabase." + i);
            }
        }
        flush();
    }

    String language() {
        return node.get("language", "zh");
    }

    void setLanguage(String language) {
        node.put("language", language);
        flush();
    }

    /** x, y, width, height; null when never saved. */
    double[] windowBounds() {
        double w = node.getDouble("window.w", -1);
        return w <= 0 ? null : new double[] {node.getDouble("window.x", 0), node.getDouble("window.y", 0), w, node.getDouble("window.h", 800)};
    }

    boolean maximized() {
        return node.getBoolean("window.maximized", false);
    }

    void saveWindow(double x, double y, double w, double h, boolean maximized) {
        node.putDouble("window.x", x);
        node.putDouble("window.y", y);
        node.putDouble("window.w", w);
        node.putDouble("window.h", h);
        node.putBoolean("window.maximized", maximized);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // settings are a convenience: a read-only profile must not stop the work
        }
    }
}
