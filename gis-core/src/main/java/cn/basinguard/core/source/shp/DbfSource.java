package cn.basinguard.core.source.shp;

import cn.basinguard.core.GisException;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.SourceOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * A .dbf on its own, without a .shp: an attribute table, as GIS tools export non-spatial tables into a Shapefile
 * folder (the bottom-line list DXZB.dbf beside the layers, say). Named after the file without .dbf.
 */
public final class DbfSource implements DataSource {
    private final Path path;
    private final DbfFile dbf;
    private final LayerInfo info;
    private final List<String> warnings;

    private DbfSource(Path path, DbfFile dbf, LayerInfo info, List<String> warnings) {
        this.path = path;
        this.dbf = dbf;
        this.info = info;
        this.warnings = List.copyOf(warnings);
    }

    public static DbfSource open(Path file, SourceOptions options) {
        Path path = file.toAbsolutePath().normalize();
        String name = path.getFileName().toString();
        String layer = name.substring(0, name.length() - 4);
        try {
            Path cpg = ShapefileSource.sibling(path, ".cpg");
            String cpgText = cpg == null || Files.size(cpg) > 256 ? null : Files.readString(cpg, StandardCharsets.ISO_8859_1);
            DbfFile dbf = DbfFile.open(path, options.dbfEncoding(), cpgText);
            List<String> warnings = new ArrayList<>();
            if (dbf.records() < dbf.declaredRecords()) {
                warnings.add(Messages.get("shp.dbfTruncated", name, dbf.declaredRecords(), dbf.records()));
            }
            List<LayerInfo.FieldInfo> fields = new ArrayList<>();
            for (DbfField f : dbf.fields()) {
                fields.add(new LayerInfo.FieldInfo(f.name(), f.sqlType()));
            }
            String description = Messages.get("shp.encoding." + dbf.encoding().basis(), dbf.encoding().charset().name(),
                dbf.encoding().declared() == null ? "" : dbf.encoding().declared());
            LayerInfo info = new LayerInfo(layer, LayerInfo.Kind.ATTRIBUTES, "dBase", layer, description, null, null, 0, 0,
                dbf.records(), null, null, false, null, fields, null);
            return new DbfSource(path, dbf, info, warnings);
        } catch (IOException e) {
            throw new GisException(e, "gpkg.unreadable", path, e.getMessage());
        }
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public String label() {
        return path.getFileName().toString();
    }

    @Override
    public String format() {
        return "dBase";
    }

    @Override
    public List<LayerInfo> layers() {
        return List.of(info);
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public List<Path> files() {
        Path cpg = ShapefileSource.sibling(path, ".cpg");
        return cpg == null ? List.of(path) : List.of(path, cpg);
    }

    @Override
    public void read(String layer, Envelope bbox, List<String> fields, FeatureSink sink, Consumer<ReadProblem> problems) {
        layer(layer);
        if (bbox != null) {
            return; // rows without geometry meet no area
        }
        int[] columns = columns(fields);
        try {
            DbfFile.Cursor rows = dbf.cursor(columns);
            for (int i = 0; i < dbf.records(); i++) {
                Map<String, Object> row = rows.read(i);
                if (row != null) {
                    sink.accept(new Feature(i, null, row));
                }
            }
        } catch (IOException e) {
            throw new GisException(e, "gpkg.unreadable", path, e.getMessage());
        }
    }

    private int[] columns(List<String> names) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < dbf.fields().size(); i++) {
            String n = dbf.fields().get(i).name();
            if (names == null || names.stream().anyMatch(n::equalsIgnoreCase)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Feature feature(String layer, long fid) {
        layer(layer);
        if (fid < 0 || fid >= dbf.records()) {
            return null;
        }
        try {
            Map<String, Object> row = dbf.cursor(columns(null)).read((int) fid);
            return row == null ? null : new Feature(fid, null, row);
        } catch (IOException e) {
            throw new GisException(e, "gpkg.unreadable", path, e.getMessage());
        }
    }

    @Override
    public void close() {
        dbf.close();
    }
}
