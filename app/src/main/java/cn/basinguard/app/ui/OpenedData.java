package cn.basinguard.app.ui;

import cn.basinguard.core.crs.BursaWolf;
import cn.basinguard.core.crs.DatumFamily;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.data.SampleData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the window has open, as the user chose it: GeoPackages, Shapefiles and folders (a bureau's delivery), the
 * options they are opened with (the seven parameters given for Xi'an 80 / Beijing 54 layers) and the control list
 * imported for the checks. The same names and options the command line takes ({@code check FOLDER --datum-shift …
 * --targets LIST.xlsx}), so the window's figures are the command line's. Immutable: a change is a new value, and the
 * sources are opened anew from it by whoever reads (map, checks, export), each on its own worker thread.
 *
 * @param paths what was opened, as the user named it (files and folders)
 * @param sample whether this is the bundled Zengdu sample (then {@code paths} is its working copy)
 * @param controlList the control list (.xlsx, .csv) whose targets replace any in the data, or null
 * @param database the PostGIS schema the window is connected to (文件 → 连接空间数据库), or null for files: kept open
 *                 while it is shown, since the password the user typed is kept nowhere to connect again with, and lent
 *                 to each reader as a source that its reader does not close
 * @param model the files read once into memory when the window opened them ({@link LoadedModel}), lent to each reader
 *              from then on, so that the map, the tables and the checks share it; empty until loaded (a database's
 *              stays empty)
 */
record OpenedData(List<Path> paths, boolean sample, SourceOptions options, Path controlList, DataSource database, LoadedModel model) {
    /** The bundled sample as the user knows it (it is read from a copy with a content hash in its name). */
    static final String SAMPLE_NAME = "zengdu-sample.gpkg";

    OpenedData {
        paths = List.copyOf(paths);
    }

    static OpenedData bundledSample() {
        return new OpenedData(List.of(SampleData.zengduSample()), true, SourceOptions.DEFAULT, null, null, new LoadedModel());
    }

    /** A connected database (a {@code postgresql://} address opened through the data sources or with a typed password). */
    static OpenedData database(DataSource connection, SourceOptions options) {
        return new OpenedData(List.of(), false, options, null, connection, new LoadedModel());
    }

    static OpenedData of(List<Path> paths) {
        return new OpenedData(paths.stream().map(p -> p.toAbsolutePath().normalize()).toList(), false, SourceOptions.DEFAULT, null, null,
                new LoadedModel());
    }

    /** The name the title bar and messages use: the file or folder, or the first of several. */
    String name() {
        if (sample) {
            return SAMPLE_NAME;
        }
        if (database != null) {
            return database.label();
        }
        String first = paths.get(0).getFileName() == null ? paths.get(0).toString() : paths.get(0).getFileName().toString();
        return paths.size() == 1 ? first : UiText.get("data.several", first, paths.size());
    }

    /** The same data with these seven parameters for their datum (replacing any given before), or none when null. */
    OpenedData withDatumShift(DatumFamily datum, BursaWolf parameters) {
        List<BursaWolf> shifts = new ArrayList<>(options.datumShifts());
        shifts.removeIf(p -> p.datum() == datum);
        if (parameters != null) {
            shifts.add(parameters);
        }
        // other coordinates: the files are read anew into a model of their own
        return new OpenedData(paths, sample, new SourceOptions(options.dbfEncoding(), options.recursive(), shifts), controlList, database,
                new LoadedModel());
    }

    /** The parameters given for a datum, or null. */
    BursaWolf datumShift(DatumFamily datum) {
        return options.datumShifts().stream().filter(p -> p.datum() == datum).findFirst().orElse(null);
    }

    OpenedData withControlList(Path list) {
        return new OpenedData(paths, sample, options, list == null ? null : list.toAbsolutePath().normalize(), database, model);
    }

    /**
     * Every source, as loaded into the window's model (lent), or opened from the files before it is loaded; the caller
     * closes them (the model stays loaded, a connected database connected).
     */
    DataSources.Opened open() {
        if (database != null) {
            return new DataSources.Opened(List.of(new LentSource(database)), List.of());
        }
        DataSources.Opened loaded = model.lend();
        return loaded != null ? loaded : openFiles();
    }

    /** Opens the files themselves (for the model to load them). */
    DataSources.Opened openFiles() {
        return DataSources.openAll(paths.stream().map(Path::toString).toList(), options);
    }

    /** The one source a layer comes from (its source's location): as loaded (lent), else opened; for a database, lent. */
    DataSource openFile(String location) {
        if (database != null) {
            return new LentSource(database);
        }
        DataSource loaded = model.lend(location);
        return loaded != null ? loaded : DataSources.openFile(Path.of(location), options);
    }

    /** Every file the data is made of, the control list included: what a sheet's fingerprint is taken over. */
    List<Path> files(DataSources.Opened opened) {
        List<Path> all = new ArrayList<>(opened.files());
        if (controlList != null) {
            all.add(controlList);
        }
        return all;
    }

    /** Whether {@code p} is one of the folders opened (so a source's name is shown relative to it). */
    Path folderOf(Path file) {
        for (Path p : paths) {
            if (java.nio.file.Files.isDirectory(p) && file.startsWith(p)) {
                return p;
            }
        }
        return null;
    }
}
