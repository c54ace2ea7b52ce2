package cn.basinguard.app.cli;

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

    private Inputs(DataSources.Opened opened) {
        this.opened = opened;
    }

    static Inputs open(CheckArgs in, PrintStream err) {
        List<String> names = in.files.stream().map(Path::toString).toList();
        Inputs inputs = new Inputs(DataSources.openAll(names, in.sourceOptions()));
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

    /** Every file the data is made of, for the sheets' fingerprint. */
    List<Path> files() {
        return opened.files();
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
