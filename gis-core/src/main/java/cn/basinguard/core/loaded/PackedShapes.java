package cn.basinguard.core.loaded;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * A layer's geometries packed into bytes ({@link Builder#exact()}; {@link Builder#forDrawing()} for a map that only draws,
 * on a grid of 2⁻⁴⁰ of each feature's largest coordinate, about 6 bytes a vertex): each coordinate as the difference of its IEEE 754 bits from the
 * vertex before (neighbouring vertices share sign, exponent and the top of the mantissa, so the difference is small),
 * in variable-length integers — about 11 bytes a vertex for a county's Gauss–Krüger patches, against 16 in a JTS
 * coordinate and 60 with a JTS geometry's objects (968 MB of heap for a county's 1.16 million patches, 31 million
 * vertices). Exact, so that the checks can read the very coordinates the file holds from what the map draws (the
 * window's one loaded model, {@link LoadedSource}); heights and measures are not kept (no check or map uses them).
 *
 * <p>A feature is drawn from its bytes ({@link #visit}) without a geometry being made; {@link #geometry} makes one
 * (of the type it was added as: a NULL geometry gives null, an empty one an empty one of its type). A feature that
 * has no vertex or a coordinate that is not a finite number has an empty box: no frame or read by area meets it.
 * Immutable once built; safe to read from several threads.
 */
public final class PackedShapes {
    /** A NULL geometry (no geometry at all, as against an empty one). */
    static final int NULL = 0;
    static final int POINT = 1;
    static final int LINE = 2;
    static final int POLYGON = 3;
    static final int MULTI_POINT = 4;
    static final int MULTI_LINE = 5;
    static final int MULTI_POLYGON = 6;
    static final int COLLECTION = 7;

    private static final int FIRST_BLOCK = 1 << 12;
    private static final int BLOCK = 1 << 23;
    private static final GeometryFactory FACTORY = new GeometryFactory(org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    /** Whether coordinates are kept exactly (their bits), else on a grid of 2⁻⁴⁰ of each feature's largest coordinate. */
    private final boolean exact;
    private final byte[][] blocks;
    /** Where each feature's bytes begin: block index in the high 32 bits, offset in the low. */
    private final long[] starts;
    /** minX, minY, maxX, maxY of each feature as given (not of the grid), contiguous; +∞, +∞, −∞, −∞ when empty. */
    private final double[] bounds;
    private final int size;

    private PackedShapes(boolean exact, byte[][] blocks, long[] starts, double[] bounds, int size) {
        this.exact = exact;
        this.blocks = blocks;
        this.starts = starts;
        this.bounds = bounds;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** minX, minY, maxX, maxY of feature {@code i} at 4i … 4i+3 (do not modify). */
    public double[] bounds() {
        return bounds;
    }

    /** The feature's type: {@link #POINT} … {@link #COLLECTION}. */
    public int kind(int i) {
        return blocks[(int) (starts[i] >>> 32)][(int) starts[i]];
    }

    /** Whether the feature is a point or points (drawn as symbols, not as a path). */
    public boolean puntal(int i) {
        int k = kind(i);
        return k == POINT || k == MULTI_POINT;
    }

    /** Receives a feature's vertices part by part: a point, a line, a polygon's shell, a hole. */
    public interface Visitor {
        /** A part begins: {@code n} vertices follow, of a point, a line, a shell or a hole. */
        void begin(int kind, int n);

        void vertex(double x, double y);

        /** The part's vertices are all given. */
        void end();
    }

    /** Parts of a visit. */
    public static final int PART_POINT = 0;
    public static final int PART_LINE = 1;
    public static final int PART_SHELL = 2;
    public static final int PART_HOLE = 3;

    /** Gives feature {@code i}'s vertices to {@code v}, in the order they were added. */
    public void visit(int i, Visitor v) {
        Reader r = new Reader(i);
        visit(r, r.kind, v);
    }

    private static void visit(Reader r, int kind, Visitor v) {
        switch (kind) {
            case NULL -> {
            }
            case POINT -> part(r, PART_POINT, v);
            case LINE -> part(r, PART_LINE, v);
            case POLYGON -> {
                int rings = r.readCount();
                for (int k = 0; k < rings; k++) {
                    part(r, k == 0 ? PART_SHELL : PART_HOLE, v);
                }
            }
            default -> {
                int n = r.readCount();
                for (int k = 0; k < n; k++) {
                    visit(r, r.readByte(), v);
                }
            }
        }
    }

    private static void part(Reader r, int part, Visitor v) {
        int n = r.readCount();
        v.begin(part, n);
        for (int k = 0; k < n; k++) {
            r.next();
            v.vertex(r.x(), r.y());
        }
        v.end();
    }

    /** Feature {@code i} as a JTS geometry of the type it was added as (a ring as a line), made anew at each call; null for a NULL one. */
    public Geometry geometry(int i) {
        Reader r = new Reader(i);
        return read(r, r.kind);
    }

    private static Geometry read(Reader r, int kind) {
        switch (kind) {
            case NULL:
                return null;
            case POINT: {
                double[] c = coordinates(r);
                return c.length == 0 ? FACTORY.createPoint() : FACTORY.createPoint(new PackedCoordinateSequence.Double(c, 2, 0));
            }
            case LINE:
                return FACTORY.createLineString(new PackedCoordinateSequence.Double(coordinates(r), 2, 0));
            case POLYGON: {
                int rings = r.readCount();
                if (rings == 0) {
                    return FACTORY.createPolygon();
                }
                LinearRing shell = FACTORY.createLinearRing(new PackedCoordinateSequence.Double(coordinates(r), 2, 0));
                LinearRing[] holes = new LinearRing[rings - 1];
                for (int k = 0; k < holes.length; k++) {
                    holes[k] = FACTORY.createLinearRing(new PackedCoordinateSequence.Double(coordinates(r), 2, 0));
                }
                return FACTORY.createPolygon(shell, holes);
            }
            default: {
                int n = r.readCount();
                Geometry[] parts = new Geometry[n];
                for (int k = 0; k < n; k++) {
                    parts[k] = read(r, r.readByte());
                }
                return switch (kind) {
                    case MULTI_POINT -> FACTORY.createMultiPoint(Arrays.copyOf(parts, n, Point[].class));
                    case MULTI_LINE -> FACTORY.createMultiLineString(Arrays.copyOf(parts, n, LineString[].class));
                    case MULTI_POLYGON -> FACTORY.createMultiPolygon(Arrays.copyOf(parts, n, Polygon[].class));
                    default -> FACTORY.createGeometryCollection(parts);
                };
            }
        }
    }

    private static double[] coordinates(Reader r) {
        int n = r.readCount();
        double[] c = new double[2 * n];
        for (int k = 0; k < n; k++) {
            r.next();
            c[2 * k] = r.x();
            c[2 * k + 1] = r.y();
        }
        return c;
    }

    /** Reads one feature's bytes: its kind, then its parts, each coordinate's bits as the difference from the vertex before. */
    private final class Reader {
        private final byte[] b;
        private int p;
        private final int kind;
        private final double step;
        private long x;
        private long y;

        Reader(int i) {
            long s = starts[i];
            b = blocks[(int) (s >>> 32)];
            p = (int) s;
            kind = b[p++];
            step = exact ? 0 : Math.scalb(1.0, (int) unzig(readLong()));
        }

        int readByte() {
            return b[p++];
        }

        int readCount() {
            return (int) readLong();
        }

        void next() {
            x += unzig(readLong());
            y += unzig(readLong());
        }

        double x() {
            return exact ? Double.longBitsToDouble(x) : x * step;
        }

        double y() {
            return exact ? Double.longBitsToDouble(y) : y * step;
        }

        private long readLong() {
            long v = 0;
            int shift = 0;
            while (true) {
                int c = b[p++];
                v |= (long) (c & 0x7F) << shift;
                if (c >= 0) {
                    return v;
                }
                shift += 7;
            }
        }
    }

    private static long unzig(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static long zig(long v) {
        return (v << 1) ^ (v >> 63);
    }

    /** Packs geometries one by one, as they are read: nothing of a feature is kept but its bytes and its box. */
    public static final class Builder {
        /** Grid steps in a feature's largest coordinate when drawing only: 40 bits of it, well below any survey's precision. */
        private static final int GRID_BITS = 40;
        private final boolean exact;
        private final List<byte[]> blocks = new ArrayList<>();
        private byte[] block = new byte[FIRST_BLOCK];
        private int used;
        private long[] starts = new long[64];
        private double[] bounds = new double[256];
        private int size;
        /** One feature's bytes, written here first to know their length. */
        private byte[] scratch = new byte[256];
        private int len;
        private long lastX;
        private long lastY;
        private double scale;
        private boolean finite;
        /** The feature's box, found as its vertices are written (one pass over the coordinates, not two). */
        private double minX;
        private double minY;
        private double maxX;
        private double maxY;

        private Builder(boolean exact) {
            this.exact = exact;
        }

        /** Every coordinate kept to the bit (~11 bytes a vertex): for what the checks read, the window's loaded model. */
        public static Builder exact() {
            return new Builder(true);
        }

        /**
         * Coordinates on a grid of 2⁻⁴⁰ of each feature's largest coordinate (3.5·10⁻⁵ m at a prefixed Gauss–Krüger
         * easting; ~6 bytes a vertex): for a map that only draws (a printed atlas, a layer drawn in another CRS).
         */
        public static Builder forDrawing() {
            return new Builder(false);
        }

        /**
         * Adds {@code g} (null for a NULL geometry) as the next feature. One with no vertex, or with a coordinate that is
         * not a finite number, gets an empty box (no frame or query by area meets it); packed exactly it is kept as
         * given, for drawing as an empty geometry.
         */
        public void add(Geometry g) {
            len = 0;
            lastX = 0;
            lastY = 0;
            finite = true;
            minX = Double.POSITIVE_INFINITY;
            minY = Double.POSITIVE_INFINITY;
            maxX = Double.NEGATIVE_INFINITY;
            maxY = Double.NEGATIVE_INFINITY;
            // the grid needs the largest coordinate before the first vertex: only then is the box asked of the geometry
            org.locationtech.jts.geom.Envelope e = g == null || exact ? null : g.getEnvelopeInternal();
            if (g == null) {
                put(NULL);
                if (!exact) {
                    putLong(0);
                }
            } else if (exact) {
                put(kindOf(g));
                body(g);
            } else {
                double largest = Math.max(Math.max(Math.abs(e.getMinX()), Math.abs(e.getMaxX())), Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY())));
                finite = !e.isNull() && Double.isFinite(largest);
                if (finite) {
                    int exponent = largest == 0 ? 0 : Math.max(-960, Math.getExponent(largest) + 1) - GRID_BITS;
                    scale = Math.scalb(1.0, -exponent);
                    put(kindOf(g));
                    putLong(zig(exponent));
                    body(g);
                }
                if (!finite) {
                    len = 0;
                    put(COLLECTION);
                    putLong(0);
                    putLong(0);
                }
            }
            if (g == null || !finite || minX > maxX) {
                store(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
            } else {
                store(minX, minY, maxX, maxY);
            }
        }

        private void store(double minX, double minY, double maxX, double maxY) {
            if (used + len > block.length) {
                if (used > 0) {
                    blocks.add(Arrays.copyOf(block, used));
                }
                block = new byte[Math.max(len, Math.min(BLOCK, Math.max(FIRST_BLOCK, block.length * 2)))];
                used = 0;
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size + (size >> 1) + 16);
            }
            if (4 * size + 4 > bounds.length) {
                bounds = Arrays.copyOf(bounds, 4 * (size + (size >> 1) + 16));
            }
            System.arraycopy(scratch, 0, block, used, len);
            starts[size] = (long) blocks.size() << 32 | used;
            used += len;
            bounds[4 * size] = minX;
            bounds[4 * size + 1] = minY;
            bounds[4 * size + 2] = maxX;
            bounds[4 * size + 3] = maxY;
            size++;
        }

        private static int kindOf(Geometry g) {
            return g instanceof Point ? POINT : g instanceof LineString ? LINE : g instanceof Polygon ? POLYGON : g instanceof MultiPoint ? MULTI_POINT
                    : g instanceof MultiLineString ? MULTI_LINE : g instanceof MultiPolygon ? MULTI_POLYGON : COLLECTION;
        }

        /** The parts of {@code g}, its kind written before. */
        private void body(Geometry g) {
            if (g instanceof Point p) {
                if (p.isEmpty()) {
                    putLong(0);
                } else {
                    putLong(1);
                    vertex(p.getX(), p.getY());
                }
            } else if (g instanceof LineString l) {
                sequence(l.getCoordinateSequence());
            } else if (g instanceof Polygon p) {
                if (p.isEmpty()) {
                    putLong(0);
                    return;
                }
                putLong(1 + p.getNumInteriorRing());
                sequence(p.getExteriorRing().getCoordinateSequence());
                for (int k = 0; k < p.getNumInteriorRing(); k++) {
                    sequence(p.getInteriorRingN(k).getCoordinateSequence());
                }
            } else {
                GeometryCollection c = (GeometryCollection) g;
                putLong(c.getNumGeometries());
                for (int k = 0; k < c.getNumGeometries(); k++) {
                    put(kindOf(c.getGeometryN(k)));
                    body(c.getGeometryN(k));
                }
            }
        }

        private void sequence(org.locationtech.jts.geom.CoordinateSequence s) {
            int n = s.size();
            putLong(n);
            for (int k = 0; k < n; k++) {
                vertex(s.getX(k), s.getY(k));
            }
        }

        /** A vertex as its coordinates' bits (or grid steps) less the last vertex's: short when the two are near. */
        private void vertex(double x, double y) {
            finite &= Double.isFinite(x) && Double.isFinite(y);
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
            long bx = exact ? Double.doubleToRawLongBits(x) : Math.round(x * scale);
            long by = exact ? Double.doubleToRawLongBits(y) : Math.round(y * scale);
            putLong(zig(bx - lastX));
            putLong(zig(by - lastY));
            lastX = bx;
            lastY = by;
        }

        private void put(int c) {
            if (len == scratch.length) {
                scratch = Arrays.copyOf(scratch, len * 2);
            }
            scratch[len++] = (byte) c;
        }

        private void putLong(long v) {
            if (len + 10 > scratch.length) {
                scratch = Arrays.copyOf(scratch, Math.max(len + 10, len * 2));
            }
            byte[] b = scratch;
            int at = len;
            while ((v & ~0x7FL) != 0) {
                b[at++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[at++] = (byte) v;
            len = at;
        }

        public int size() {
            return size;
        }

        public PackedShapes build() {
            List<byte[]> all = new ArrayList<>(blocks);
            all.add(Arrays.copyOf(block, used));
            return new PackedShapes(exact, all.toArray(new byte[0][]), Arrays.copyOf(starts, size), Arrays.copyOf(bounds, 4 * size), size);
        }
    }
}
