package cn.basinguard.core.source.shp;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.EsriWkt;
import cn.basinguard.core.io.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes one layer as a Shapefile (.shp, .shx, .dbf, .prj and, when asked, .cpg) as bureau tools write them: polygons
 * with clockwise outer rings and counter-clockwise holes, points, or lines; a dBase III table whose text is in a
 * chosen encoding. Each file is written to a temporary file beside it and moved into place. For the sample's bureau
 * folder and for exports; the layer is built in memory (a county layer is written by GDAL-class tools in one pass too).
 */
public final class ShapefileWriter {
    /** A column: name (at most 10 bytes in the encoding), type letter (C, N, F, D, L), width and decimals. */
    public record Field(String name, char type, int width, int decimals) {
    }

    /** One feature: geometry (null for a Null shape) and values by field name. */
    public record Row(Geometry geometry, Map<String, Object> values) {
    }

    private final ShapeType type;
    private final List<Field> fields;
    private final Charset charset;
    private final String cpg;
    private final int languageDriver;

    /**
     * @param geometryType "POLYGON", "POINT" or "LINESTRING" (multi-part geometries go in the same layer)
     * @param charset the .dbf's text encoding
     * @param cpg the .cpg's text, or null to write none (as older tools did)
     * @param languageDriver the .dbf's language-driver byte (0: none; 0x4D: code page 936)
     */
    public ShapefileWriter(String geometryType, List<Field> fields, Charset charset, String cpg, int languageDriver) {
        this.type = switch (geometryType) {
            case "POLYGON", "MULTIPOLYGON" -> ShapeType.POLYGON;
            case "POINT" -> ShapeType.POINT;
            case "LINESTRING", "MULTILINESTRING" -> ShapeType.POLYLINE;
            default -> throw new IllegalArgumentException("no Shapefile type for " + geometryType);
        };
        this.fields = List.copyOf(fields);
        this.charset = charset;
        this.cpg = cpg;
        this.languageDriver = languageDriver;
    }

    /** Writes {@code stem.shp} and its companions into {@code folder}. */
    public void write(Path folder, String stem, Crs crs, List<Row> rows) {
        List<byte[]> records = new ArrayList<>(rows.size());
        Envelope extent = new Envelope();
        for (Row r : rows) {
            records.add(shape(r.geometry()));
            if (r.geometry() != null && !r.geometry().isEmpty()) {
                extent.expandToInclude(r.geometry().getEnvelopeInternal());
            }
        }
        AtomicFile.write(folder.resolve(stem + ".shp"), out -> mainFile(out, records, extent, false));
        AtomicFile.write(folder.resolve(stem + ".shx"), out -> mainFile(out, records, extent, true));
        AtomicFile.write(folder.resolve(stem + ".dbf"), out -> dbf(out, rows));
        if (crs != null) {
            String wkt = EsriWkt.of(crs).orElseThrow(() -> new GisException("crs.unknown", crs.epsg()));
            AtomicFile.write(folder.resolve(stem + ".prj"), out -> out.write(wkt.getBytes(StandardCharsets.US_ASCII)));
        }
        if (cpg != null) {
            AtomicFile.write(folder.resolve(stem + ".cpg"), out -> out.write(cpg.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private void mainFile(OutputStream out, List<byte[]> records, Envelope extent, boolean index) throws IOException {
        long length = 100;
        for (byte[] r : records) {
            length += index ? 8 : 8 + r.length;
        }
        ByteBuffer h = ByteBuffer.allocate(100).order(ByteOrder.BIG_ENDIAN);
        h.putInt(0, 9994);
        h.putInt(24, (int) (length / 2));
        h.order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(28, 1000);
        h.putInt(32, type.code);
        if (!extent.isNull()) {
            h.putDouble(36, extent.getMinX());
            h.putDouble(44, extent.getMinY());
            h.putDouble(52, extent.getMaxX());
            h.putDouble(60, extent.getMaxY());
        }
        out.write(h.array());
        ByteBuffer rh = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        long offset = 100;
        for (int i = 0; i < records.size(); i++) {
            byte[] r = records.get(i);
            rh.clear();
            if (index) {
                rh.putInt((int) (offset / 2)).putInt(r.length / 2);
                out.write(rh.array());
            } else {
                rh.putInt(i + 1).putInt(r.length / 2);
                out.write(rh.array());
                out.write(r);
            }
            offset += 8 + r.length;
        }
    }

    private byte[] shape(Geometry g) {
        if (g == null || g.isEmpty()) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array();
        }
        if (type == ShapeType.POINT) {
            Point p = g instanceof Point pt ? pt : g.getInteriorPoint();
            return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(p.getX()).putDouble(p.getY()).array();
        }
        List<CoordinateSequence> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (type == ShapeType.POLYGON && part instanceof Polygon poly && !poly.isEmpty()) {
                parts.add(oriented(poly.getExteriorRing().getCoordinateSequence(), false));
                for (int k = 0; k < poly.getNumInteriorRing(); k++) {
                    parts.add(oriented(poly.getInteriorRingN(k).getCoordinateSequence(), true));
                }
            } else if (type == ShapeType.POLYLINE && part instanceof LineString line && !line.isEmpty()) {
                parts.add(line.getCoordinateSequence());
            }
        }
        int points = parts.stream().mapToInt(CoordinateSequence::size).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        Envelope e = g.getEnvelopeInternal();
        b.putInt(type.code).putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
        b.putInt(parts.size()).putInt(points);
        int start = 0;
        for (CoordinateSequence s : parts) {
            b.putInt(start);
            start += s.size();
        }
        for (CoordinateSequence s : parts) {
            for (int i = 0; i < s.size(); i++) {
                b.putDouble(s.getX(i)).putDouble(s.getY(i));
            }
        }
        return b.array();
    }

    /** The ring wound as the Shapefile wants it: outer rings clockwise, holes counter-clockwise. */
    private static CoordinateSequence oriented(CoordinateSequence ring, boolean hole) {
        boolean ccw = Orientation.isCCW(ring);
        if (ccw == hole) {
            return ring;
        }
        CoordinateSequence r = ring.copy();
        org.locationtech.jts.geom.CoordinateSequences.reverse(r);
        return r;
    }

    private void dbf(OutputStream out, List<Row> rows) throws IOException {
        int recordLength = 1;
        for (Field f : fields) {
            recordLength += f.width();
        }
        int headerLength = 32 + 32 * fields.size() + 1;
        ByteBuffer h = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        h.put(0, (byte) 3);
        // a fixed date of last update, so the same data always makes the same bytes
        h.put(1, (byte) 124).put(2, (byte) 12).put(3, (byte) 31);
        h.putInt(4, rows.size());
        h.putShort(8, (short) headerLength);
        h.putShort(10, (short) recordLength);
        h.put(29, (byte) languageDriver);
        int at = 32;
        for (Field f : fields) {
            byte[] name = f.name().getBytes(charset);
            if (name.length > 10) {
                throw new IllegalArgumentException("field name longer than 10 bytes: " + f.name());
            }
            h.put(at, name);
            h.put(at + 11, (byte) f.type());
            h.put(at + 16, (byte) f.width());
            h.put(at + 17, (byte) f.decimals());
            at += 32;
        }
        h.put(headerLength - 1, (byte) 0x0D);
        out.write(h.array());
        ByteArrayOutputStream record = new ByteArrayOutputStream(recordLength);
        for (Row r : rows) {
            record.reset();
            record.write(' ');
            for (Field f : fields) {
                record.write(cell(f, r.values().get(f.name())));
            }
            out.write(record.toByteArray());
        }
        out.write(0x1A);
    }

    private byte[] cell(Field f, Object v) {
        byte[] out = new byte[f.width()];
        java.util.Arrays.fill(out, (byte) ' ');
        if (v == null) {
            return out;
        }
        byte[] text = switch (f.type()) {
            case 'N', 'F' -> {
                String s = v instanceof Number n && f.decimals() > 0
                    ? String.format(java.util.Locale.ROOT, "%." + f.decimals() + "f", n.doubleValue())
                    : v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.0f", d) : v.toString();
                yield s.getBytes(StandardCharsets.US_ASCII);
            }
            case 'D' -> (v instanceof LocalDate d ? String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth())
                : v.toString().replace("-", "")).getBytes(StandardCharsets.US_ASCII);
            case 'L' -> new byte[] {(byte) (Boolean.TRUE.equals(v) ? 'T' : 'F')};
            default -> v.toString().getBytes(charset);
        };
        if (text.length > f.width()) {
            throw new IllegalArgumentException("value of " + f.name() + " does not fit in " + f.width() + " bytes: " + v);
        }
        if (f.type() == 'N' || f.type() == 'F') {
            System.arraycopy(text, 0, out, f.width() - text.length, text.length); // numbers are right-aligned
        } else {
            System.arraycopy(text, 0, out, 0, text.length);
        }
        return out;
    }
}
