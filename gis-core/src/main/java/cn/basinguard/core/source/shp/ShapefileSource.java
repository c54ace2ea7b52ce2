package cn.basinguard.core.source.shp;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.gpkg.FeatureSink;
import cn.basinguard.core.gpkg.LayerInfo;
import cn.basinguard.core.gpkg.ReadProblem;
import cn.basinguard.core.gpkg.SrsInfo;
import cn.basinguard.core.i18n.Messages;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.SourceOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * One Shapefile as a layer: the .shp and its .shx, .dbf, .prj and .cpg (any letter case, as Windows tools write
 * them). The layer is named after the file without .shp, so {@code --role cultivated=DLTB} means DLTB.shp. Feature
 * keys are record numbers from 0, as GDAL numbers them. What is missing or inconsistent — no .shx (records are then
 * found by walking the .shp), no .dbf (no attributes), no .prj (no CRS), fewer .dbf rows than shapes, a file cut
 * short, Z/M values (ignored) — is said once, in {@link #warnings()}, and the rest is read. Files are read in place,
 * record by record; nothing is loaded whole. Reads may run on several threads at once.
 */
public final class ShapefileSource implements DataSource {
    /** Packed coordinates, as the GeoPackage reader makes them: one double[] per ring. */
    private static final GeometryFactory FACTORY = new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    private static final int MAX_PRJ_BYTES = 64 * 1024;

    private final Path shpPath;
    private final ShpFile shp;
    private final DbfFile dbf;
    private final LayerInfo info;
    private final List<String> warnings;

    private ShapefileSource(Path shpPath, ShpFile shp, DbfFile dbf, LayerInfo info, List<String> warnings) {
        this.shpPath = shpPath;
        this.shp = shp;
        this.dbf = dbf;
        this.info = info;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Opens a .shp read-only.
     *
     * @throws GisException when the .shp itself cannot be read or is not a Shapefile; problems with the other files
     *                      are warnings
     */
    public static ShapefileSource open(Path file, SourceOptions options) {
        Path shpPath = file.toAbsolutePath().normalize();
        if (!Files.exists(shpPath)) {
            throw new GisException("gpkg.notFound", shpPath);
        }
        String name = shpPath.getFileName().toString();
        String layer = name.substring(0, name.length() - 4);
        List<String> warnings = new ArrayList<>();
        ShpFile shp = null;
        DbfFile dbf = null;
        try {
            Path shx = sibling(shpPath, ".shx");
            shp = ShpFile.open(shpPath, shx);
            ShpFile.Notes notes = shp.notes();
            if (notes.noShx()) {
                warnings.add(Messages.get("shp.noShx", name));
            } else if (notes.shxMismatch()) {
                warnings.add(Messages.get("shp.badShx", name));
            }
            if (notes.truncatedAt() >= 0) {
                warnings.add(Messages.get("shp.truncated", name, notes.truncatedAt() + 1));
            }
            if (shp.type().z || shp.type().m) {
                warnings.add(Messages.get("shp.zmIgnored", name));
            }
            Path dbfPath = sibling(shpPath, ".dbf");
            if (dbfPath == null) {
                warnings.add(Messages.get("shp.noDbf", name));
            } else {
                Path cpg = sibling(shpPath, ".cpg");
                String cpgText = cpg == null ? null : readSmall(cpg, 256, StandardCharsets.ISO_8859_1);
                try {
                    dbf = DbfFile.open(dbfPath, options.dbfEncoding(), cpgText);
                } catch (GisException e) {
                    warnings.add(e.getMessage());
                }
                if (dbf != null) {
                    if (cpgText != null && DbfEncoding.fromCpg(cpgText) == null && options.dbfEncoding() == null) {
                        warnings.add(Messages.get("shp.unknownCpg", name, cpgText.strip(), dbf.encoding().charset().name()));
                    }
                    if (dbf.records() < dbf.declaredRecords()) {
                        warnings.add(Messages.get("shp.dbfTruncated", dbfPath.getFileName(), dbf.declaredRecords(), dbf.records()));
                    }
                    if (dbf.records() != shp.count()) {
                        warnings.add(Messages.get("shp.countMismatch", name, shp.count(), dbf.records()));
                    }
                }
            }
            Path prj = sibling(shpPath, ".prj");
            SrsInfo srs;
            if (prj == null) {
                warnings.add(Messages.get("shp.noPrj", name));
                srs = new SrsInfo(0, null, null, 0, null, Messages.get("shp.srs.noPrj"), true, null);
            } else {
                srs = srsOf(prj, name, warnings, options);
            }
            List<LayerInfo.FieldInfo> fields = new ArrayList<>();
            if (dbf != null) {
                for (DbfField f : dbf.fields()) {
                    fields.add(new LayerInfo.FieldInfo(f.name(), f.sqlType()));
                }
            }
            String description = dbf == null ? null : Messages.get("shp.encoding." + dbf.encoding().basis(),
                dbf.encoding().charset().name(), dbf.encoding().declared() == null ? "" : dbf.encoding().declared());
            LayerInfo info = new LayerInfo(layer, LayerInfo.Kind.FEATURES, "ESRI Shapefile", layer, description, "geometry",
                shp.type() == ShapeType.NULL ? "GEOMETRY" : shp.type().geometryType, shp.type().z ? 1 : 0, shp.type().m ? 2 : 0,
                shp.count(), shp.extent(), srs, false, null, fields, null);
            return new ShapefileSource(shpPath, shp, dbf, info, warnings);
        } catch (ShpFile.NotShapefile e) {
            closeAll(shp, dbf);
            throw new GisException("shp.notShapefile", name, e.getMessage());
        } catch (IOException e) {
            closeAll(shp, dbf);
            throw new GisException(e, "gpkg.unreadable", shpPath, e.getMessage());
        } catch (RuntimeException e) {
            closeAll(shp, dbf);
            throw e;
        }
    }

    private static SrsInfo srsOf(Path prj, String shpName, List<String> warnings, SourceOptions options) throws IOException {
        String wkt = readSmall(prj, MAX_PRJ_BYTES, null);
        Crs crs = wkt == null || wkt.isBlank() ? null : CrsRegistry.fromWkt(wkt).orElse(null);
        if (crs == null) {
            String shown = wkt == null ? "" : wkt.strip();
            warnings.add(Messages.get("shp.unknownPrj", shpName, shown.length() > 80 ? shown.substring(0, 80) + "…" : shown));
            return new SrsInfo(0, prjName(wkt), null, 0, wkt, null, false, null);
        }
        return new SrsInfo(crs.epsg(), crs.nameEn(), "EPSG", crs.epsg(), wkt, null, false, options.withShift(crs));
    }

    /** The name in a WKT's first quotes, for messages about a .prj the program does not know. */
    private static String prjName(String wkt) {
        if (wkt == null) {
            return null;
        }
        int a = wkt.indexOf('"');
        int b = a < 0 ? -1 : wkt.indexOf('"', a + 1);
        return b > a ? wkt.substring(a + 1, b) : null;
    }

    /** A small text file: UTF-8 when it is valid UTF-8, else GB18030 (or the given charset); null when too big. */
    private static String readSmall(Path p, int max, java.nio.charset.Charset charset) throws IOException {
        if (Files.size(p) > max) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(p);
        if (charset != null) {
            return new String(bytes, charset);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            return new String(bytes, DbfEncoding.GB18030);
        }
    }

    /** The file beside the .shp with this extension, in the .shp's letter case or any other. */
    static Path sibling(Path shp, String ext) {
        String name = shp.getFileName().toString();
        String stem = name.substring(0, name.length() - 4);
        for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
            Path p = shp.resolveSibling(stem + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        Path dir = shp.getParent();
        if (dir == null) {
            return null;
        }
        try (var files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (p.getFileName().toString().equalsIgnoreCase(stem + ext) && Files.isRegularFile(p)) {
                    return p;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    @Override
    public String location() {
        return shpPath.toString();
    }

    @Override
    public String label() {
        return shpPath.getFileName().toString();
    }

    @Override
    public String format() {
        return "ESRI Shapefile";
    }

    @Override
    public List<LayerInfo> layers() {
        return List.of(info);
    }

    @Override
    public List<Path> files() {
        List<Path> out = new ArrayList<>(List.of(shpPath));
        for (String ext : new String[] {".shx", ".dbf", ".prj", ".cpg"}) {
            Path p = sibling(shpPath, ext);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    /** The encoding the attribute table is read in and why, or null without a .dbf. */
    public DbfEncoding.Decision encoding() {
        return dbf == null ? null : dbf.encoding();
    }

    /** Reads by area test each record's own box (read once from the record headers) before decoding it. */
    @Override
    public boolean indexed(String layer) {
        return true;
    }

    /** The records whose box is not usable: Null shapes, and damaged records (reported as they are read). */
    @Override
    public void readWithoutPosition(String layer, List<String> fieldNames, FeatureSink sink, Consumer<ReadProblem> problems) {
        readRecords(layer, null, true, fieldNames, sink, problems);
    }

    @Override
    public void read(String layer, Envelope bbox, List<String> fieldNames, FeatureSink sink, Consumer<ReadProblem> problems) {
        readRecords(layer, bbox, false, fieldNames, sink, problems);
    }

    /** @param withoutPosition read only the records without a usable box (and ignore {@code bbox}) */
    private void readRecords(String layer, Envelope bbox, boolean withoutPosition, List<String> fieldNames, FeatureSink sink,
                             Consumer<ReadProblem> problems) {
        layer(layer);
        int[] columns = columns(fieldNames);
        try {
            ShpFile.Reader reader = shp.reader();
            DbfFile.Cursor rows = dbf == null ? null : dbf.cursor(columns);
            ShapeDecoder decoder = new ShapeDecoder(FACTORY);
            int dropped = 0;
            double[] bounds = bbox == null && !withoutPosition ? null : shp.bounds();
            int n = shp.count();
            for (int i = 0; i < n; i++) {
                if (withoutPosition ? !Double.isNaN(bounds[4 * i]) : bounds != null && !meets(bounds, i, bbox)) {
                    continue;
                }
                Map<String, Object> attrs;
                if (rows != null && i < dbf.records()) {
                    attrs = rows.read(i);
                    if (attrs == null) {
                        continue; // deleted in the .dbf: not a feature, as GDAL reads it
                    }
                } else {
                    attrs = nulls(columns);
                }
                Geometry g;
                try {
                    int length = reader.load(i);
                    g = decoder.decodeAt(reader.bytes(), reader.at(), length);
                } catch (ShapeDecoder.BadShape e) {
                    problems.accept(new ReadProblem(info.name(), i, ReadProblem.Kind.SKIPPED, e.getMessage()));
                    continue;
                }
                if (decoder.closedRings() > 0) {
                    problems.accept(new ReadProblem(info.name(), i, ReadProblem.Kind.RING_CLOSED,
                            Messages.get("gpkg.blob.ringClosed")));
                }
                dropped += decoder.droppedRings();
                sink.accept(new Feature(i, g, attrs));
            }
            if (dropped > 0) {
                problems.accept(new ReadProblem(info.name(), -1, ReadProblem.Kind.RINGS_DROPPED, Integer.toString(dropped)));
            }
            if (rows != null && rows.replacementCount() > 0) {
                problems.accept(new ReadProblem(info.name(), -1, ReadProblem.Kind.UNDECODABLE_TEXT,
                        rows.replacementCount() + ", " + dbf.encoding().charset().name()));
            }
        } catch (IOException e) {
            throw new GisException(e, "gpkg.unreadable", shpPath, e.getMessage());
        }
    }

    private static boolean meets(double[] b, int i, Envelope e) {
        double minX = b[4 * i];
        // NaN (a Null or unreadable shape) compares false: never in any box
        return minX <= e.getMaxX() && b[4 * i + 2] >= e.getMinX() && b[4 * i + 1] <= e.getMaxY() && b[4 * i + 3] >= e.getMinY();
    }

    private int[] columns(List<String> names) {
        if (dbf == null) {
            return new int[0];
        }
        List<DbfField> all = dbf.fields();
        if (names == null) {
            int[] c = new int[all.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = i;
            }
            return c;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (String n : names) {
                if (all.get(i).name().equalsIgnoreCase(n)) {
                    out.add(i);
                    break;
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private Map<String, Object> nulls(int[] columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int c : columns) {
            m.put(dbf.fields().get(c).name(), null);
        }
        return m;
    }

    @Override
    public Feature feature(String layer, long fid) {
        layer(layer);
        if (fid < 0 || fid >= shp.count()) {
            return null;
        }
        int i = (int) fid;
        try {
            int[] columns = columns(null);
            Map<String, Object> attrs = dbf != null && i < dbf.records() ? dbf.cursor(columns).read(i) : nulls(columns);
            if (attrs == null) {
                return null;
            }
            ShpFile.Reader reader = shp.reader();
            int length = reader.load(i);
            return new Feature(i, new ShapeDecoder(FACTORY).decodeAt(reader.bytes(), reader.at(), length), attrs);
        } catch (ShapeDecoder.BadShape e) {
            return null;
        } catch (IOException e) {
            throw new GisException(e, "gpkg.unreadable", shpPath, e.getMessage());
        }
    }

    @Override
    public void close() {
        closeAll(shp, dbf);
    }

    private static void closeAll(ShpFile shp, DbfFile dbf) {
        if (shp != null) {
            shp.close();
        }
        if (dbf != null) {
            dbf.close();
        }
    }
}
