package cn.basinguard.app.cli;

import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.SrsInfo;
import cn.basinguard.core.i18n.Messages;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code basinguard info FILE.gpkg|FILE.shp|FOLDER|postgresql://USER@HOST:PORT/DB?schema=NAME [--json]}: what
 * {@code ogrinfo -so -al} tells a planner — each layer, its geometry
 * type, feature count, extent and CRS (code and name). Exit 1 when a feature layer's CRS is unknown or undefined
 * (said on stderr, one line per layer), since no area can be computed on it as it is. A folder is every source in it,
 * one after another (as JSON an array of them); a file in it that cannot be opened is said like such a layer.
 */
final class InfoCommand {
    private final PrintStream out;
    private final PrintStream err;

    InfoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        boolean json = args.remove("--json");
        if (args.size() != 1 || args.get(0).startsWith("--")) {
            throw new UsageException(CliText.get("info.usage"));
        }
        String name = args.get(0);
        List<String> warnings = new ArrayList<>();
        boolean several = !DataSources.isDatabase(name) && isFolder(name);
        // a folder is every source in it, one after another, as the checks take them
        try (DataSources.Opened opened = DataSources.isDatabase(name) || several ? DataSources.open(name, SourceOptions.DEFAULT)
                : new DataSources.Opened(List.of(DataSources.openFile(Path.of(name), SourceOptions.DEFAULT)), List.of())) {
            warnings.addAll(opened.warnings());
            for (DataSource src : opened.sources()) {
                src.countRows(); // info shows each layer's count: a database's exact one, not its planner's estimate
                for (LayerInfo l : src.layers()) {
                    if (l.kind() == LayerInfo.Kind.FEATURES && l.srs() == null) {
                        // no srs_id the file can be read by (the layer's note says what it holds)
                        warnings.add(CliText.get("info.warn.noSrs", l.name(), l.note() == null ? "srs_id" : l.note()));
                    } else if (l.kind() == LayerInfo.Kind.FEATURES && l.srs().crs() == null) {
                        warnings.add(CliText.get(l.srs().undefined() ? "info.warn.undefinedSrs" : "info.warn.unknownSrs", l.name(), l.srs().code()));
                    }
                }
            }
            if (json) {
                json(opened.sources(), several);
            } else {
                for (int i = 0; i < opened.sources().size(); i++) {
                    if (i > 0) {
                        out.println();
                    }
                    text(opened.sources().get(i), opened.sources().get(i).layers());
                }
            }
        }
        warnings.forEach(w -> err.println("basinguard: " + w));
        return warnings.isEmpty() ? Cli.OK : Cli.WARNINGS;
    }

    private static boolean isFolder(String name) {
        try {
            return Files.isDirectory(Path.of(name));
        } catch (InvalidPathException e) {
            return false; // said by the file's own opening
        }
    }

    private void text(DataSource src, List<LayerInfo> layers) {
        out.println(CliText.get("info.file", src.location(), src.format()));
        for (String m : src.metadata()) {
            out.println(CliText.get("info.metadata", m.lines().findFirst().orElse("")));
        }
        out.println(CliText.get("info.layerCount", layers.size()));
        int i = 0;
        for (LayerInfo l : layers) {
            out.println();
            String title = l.identifier() != null && !l.identifier().equals(l.name()) ? l.name() + "（" + l.identifier() + "）" : l.name();
            out.println(CliText.get("info.layer", ++i, title));
            out.println(CliText.get("info.kind", CliText.get("info.kind." + l.kind().name())
                    + (l.geometryType() == null ? "" : CliText.get("info.geometry", l.geometryTypeWithDimensions()))));
            if (l.note() != null) {
                out.println(CliText.get("info.note", l.note()));
            }
            // a tile layer's rows are tiles and an attribute table's are rows: only features are "features"
            String count = l.featureCount() < 0 ? "?" : Long.toString(l.featureCount());
            out.println(CliText.get(l.kind() == LayerInfo.Kind.FEATURES ? "info.count" : "info.count." + l.kind().name(), count));
            if (l.kind() == LayerInfo.Kind.FEATURES) {
                Envelope e = l.extent();
                out.println(CliText.get("info.extent", e == null ? CliText.get("info.unknown")
                        : String.format(Locale.ROOT, "(%.6f, %.6f) - (%.6f, %.6f)", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())));
                out.println(CliText.get("info.srs", srs(l.srs())));
                out.println(CliText.get("info.index", CliText.get(l.hasSpatialIndex() ? "info.yes" : "info.no")));
            }
            if (!l.fields().isEmpty()) {
                List<String> f = new ArrayList<>();
                for (LayerInfo.FieldInfo fi : l.fields()) {
                    f.add(fi.name() + " (" + fi.type() + ")");
                }
                out.println(CliText.get("info.fields", String.join(", ", f)));
            }
        }
    }

    private static String srs(SrsInfo s) {
        if (s == null) {
            return CliText.get("info.unknown");
        }
        if (s.undefined()) {
            return CliText.get("info.srs.undefined", s.srsId());
        }
        if (s.crs() == null) {
            String name = s.name() == null || s.name().equals(s.code()) ? "" : s.name();
            return CliText.get("info.srs.unrecognised", s.code(), name);
        }
        boolean en = Messages.locale().getLanguage().equals("en");
        String code = s.crs().epsg() > 0 ? "EPSG:" + s.crs().epsg() : s.code();
        String nameEn = s.crs().nameEn();
        String nameZh = s.crs().nameZh();
        // CRSs known only to proj4j are named by their code: print it once, not "EPSG:32649 EPSG:32649（EPSG:32649）"
        String name = en || nameZh.equals(nameEn) ? nameEn : nameZh + "（" + nameEn + "）";
        return name.equals(code) ? code : code + " " + name;
    }

    /** One object for a file or a database; for a folder an array of them, one per source, in the folder's order. */
    private void json(List<DataSource> sources, boolean array) {
        // the caller owns the stream: the generator must not close it
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            if (array) {
                g.writeStartArray();
            }
            for (DataSource src : sources) {
                source(g, src);
            }
            if (array) {
                g.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void source(JsonGenerator g, DataSource src) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", src.location());
        g.writeStringField("format", src.format());
        g.writeArrayFieldStart("metadata");
        for (String m : src.metadata()) {
            g.writeString(m);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("layers");
        for (LayerInfo l : src.layers()) {
            layer(g, l);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void layer(JsonGenerator g, LayerInfo l) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", l.name());
        g.writeStringField("kind", l.kind().name().toLowerCase(Locale.ROOT));
        g.writeStringField("data_type", l.dataType());
        g.writeStringField("identifier", l.identifier());
        g.writeStringField("description", l.description());
        g.writeStringField("geometry_column", l.geometryColumn());
        g.writeStringField("geometry_type", l.geometryType());
        g.writeNumberField("z", l.z());
        g.writeNumberField("m", l.m());
        g.writeNumberField("feature_count", l.featureCount());
        if (l.extent() == null) {
            g.writeNullField("extent");
        } else {
            g.writeObjectFieldStart("extent");
            g.writeNumberField("min_x", l.extent().getMinX());
            g.writeNumberField("min_y", l.extent().getMinY());
            g.writeNumberField("max_x", l.extent().getMaxX());
            g.writeNumberField("max_y", l.extent().getMaxY());
            g.writeEndObject();
        }
        SrsInfo s = l.srs();
        if (s == null) {
            g.writeNullField("srs");
        } else {
            g.writeObjectFieldStart("srs");
            g.writeNumberField("srs_id", s.srsId());
            g.writeStringField("code", s.code());
            g.writeStringField("srs_name", s.name());
            g.writeBooleanField("undefined", s.undefined());
            if (s.crs() != null) {
                g.writeNumberField("epsg", s.crs().epsg());
                g.writeStringField("name", s.crs().nameEn());
                g.writeStringField("name_zh", s.crs().nameZh());
                g.writeBooleanField("geographic", s.crs().isGeographic());
            } else {
                g.writeNullField("epsg");
            }
            g.writeEndObject();
        }
        g.writeBooleanField("spatial_index", l.hasSpatialIndex());
        g.writeStringField("primary_key", l.primaryKey());
        g.writeArrayFieldStart("fields");
        for (LayerInfo.FieldInfo f : l.fields()) {
            g.writeStartObject();
            g.writeStringField("name", f.name());
            g.writeStringField("type", f.type());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("note", l.note());
        g.writeEndObject();
    }
}
