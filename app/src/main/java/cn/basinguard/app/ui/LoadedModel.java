package cn.basinguard.app.ui;

import cn.basinguard.core.loaded.LoadedSource;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The window's one loaded model of the files it has open: each source read once, whole ({@link LoadedSource}), when the
 * data is opened; the map draws it, the attribute tables show it, and every check, export and pack reads it through the
 * same data-source seam, lent (closing what they are given leaves it loaded). Filled once, on the loading thread; closed
 * when other data is opened, so the files' handles go with it. A connected database is not loaded: it holds the rows
 * and is read where they are (the window keeps the connection instead).
 */
final class LoadedModel {
    private List<LoadedSource> sources;
    private List<String> warnings = List.of();
    /** Set by {@link #close}: a load still running stops at its next feature (other data was opened meanwhile). */
    private volatile boolean closed;

    /**
     * Loads the opened sources (taking them over) unless the model is loaded already or closed; the caller's
     * {@code opened} is not to be closed afterwards. Stops, closing what it opened, when the model is closed meanwhile — not holding the model's lock while it reads, so closing it does not wait for the read.
     */
    void load(DataSources.Opened opened) {
        synchronized (this) {
            if (sources != null || closed) {
                opened.close();
                return;
            }
        }
        BooleanSupplier stop = () -> closed;
        List<LoadedSource> all = new ArrayList<>();
        try {
            for (DataSource s : opened.sources()) {
                LoadedSource l = LoadedSource.load(s, stop);
                if (l == null) {
                    all.forEach(LoadedSource::close);
                    opened.close();
                    return;
                }
                all.add(l);
            }
        } catch (RuntimeException | Error e) {
            all.forEach(LoadedSource::close);
            opened.close();
            throw e;
        }
        synchronized (this) {
            if (closed || sources != null) {
                all.forEach(LoadedSource::close);
                return;
            }
            sources = List.copyOf(all);
            warnings = opened.warnings();
        }
    }

    /** The loaded sources, each lent (its reader's close leaves it loaded), or null before loading or after closing. */
    synchronized DataSources.Opened lend() {
        if (sources == null || closed) {
            return null;
        }
        List<DataSource> lent = new ArrayList<>();
        sources.forEach(s -> lent.add(new LentSource(s)));
        return new DataSources.Opened(lent, warnings);
    }

    /** The loaded source at {@code location}, lent, or null. */
    synchronized DataSource lend(String location) {
        if (sources == null || closed) {
            return null;
        }
        for (LoadedSource s : sources) {
            if (s.location().equals(location)) {
                return new LentSource(s);
            }
        }
        return null;
    }

    /** Closes the sources (what is in memory stays readable for a check still running; what the files hold is let go). */
    void close() {
        closed = true;
        synchronized (this) {
            closeSources();
        }
    }

    private void closeSources() {
        if (sources != null) {
            sources.forEach(LoadedSource::close);
        }
    }
}
