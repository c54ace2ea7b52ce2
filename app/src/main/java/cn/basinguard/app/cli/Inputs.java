package cn.basinguard.app.cli;

import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The data a command reads: the GeoPackages, Shapefiles and folders named on the command line, opened read-only as
 * data sources with the options that say how, their warnings printed once on stderr. Closed when the command ends.
 */
final class Inputs implements AutoCloseable {
    private final DataSources.Opened opened;
    private final Path controlList;

    private Inputs(DataSources.Opened opened, Path controlList) {
        this.opened = opened;
        this.controlList = controlList;
    }

    static Inputs open(CheckArgs in, PrintStream err) {
        Inputs inputs = new Inputs(DataSources.openAll(in.files, in.sourceOptions()), in.path("--targets"));
        if (err != null) {
            for (String w : inputs.opened.allWarnings()) {
                err.println(CliText.get("source.warning", w));
            }
        }
        return inputs;
    }

    List<DataSource> sources() {
        return opened.sources();
    }

    /** What the databases among the sources hold now, for the sheets' fingerprint (files are hashed as files). */
    List<cn.basinguard.core.source.DataSource.Content> contents() {
        return opened.contents();
    }

    /** Every file the data is made of, the control list included, for the sheets' fingerprint. */
    List<Path> files() {
        List<Path> all = new java.util.ArrayList<>(opened.files());
        if (controlList != null) {
            all.add(controlList);
        }
        return all;
    }

    /** Loads the role layers and targets: those of {@code --targets FILE} when it is given. */
    DatasetLoader.Loaded load(java.util.Map<String, String> roles) {
        return load(roles, null);
    }

    /** As {@link #load(java.util.Map)}, cut to one unit ({@code --unit NAME}) when {@code unit} is not null. */
    DatasetLoader.Loaded load(java.util.Map<String, String> roles, String unit) {
        DatasetLoader.Loaded loaded = DatasetLoader.fromSources(opened.sources(), roles, unit);
        if (controlList == null) {
            return loaded;
        }
        return new DatasetLoader.Loaded(DatasetLoader.withControlList(loaded.input(), controlList), loaded.resolution());
    }

    /** Whether any source says it is demonstration data. */
    boolean demonstration() {
        return opened.sources().stream().anyMatch(DataSource::saysDemonstration);
    }

    /** The sources' short names, for the notes on printed pages. */
    List<String> labels() {
        return opened.sources().stream().map(DataSource::label).toList();
    }

    @Override
    public void close() {
        opened.close();
    }
}
