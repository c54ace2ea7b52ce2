package cn.basinguard.core.gpkg;

/**
 * Walks a WKB geometry once, allocating nothing, before any reader builds it. JTS's reader (and ours) trusts the
 * counts in the bytes: a 49-byte blob that claims 2³⁰ points asks for 16 GB, and collections nested a million deep
 * overflow the stack. Here every count must fit in the bytes that are left, nesting stops at {@link #MAX_DEPTH},
 * the parts of a multi-geometry must be of its kind (the readers cast them), and x/y must be finite numbers of a
 * size some CRS can have. What passes can be built by JTS or {@link CurveWkbReader} with memory proportional to the
 * blob. It also says whether any polygon ring is unclosed (the readers close it, and the user is told) and whether
 * curves occur anywhere (JTS cannot read those).
 */
final class WkbCheck {
    /** Real data nests at most 3 deep (a collection of multipolygons of polygons); 32 leaves room and no risk. */
    static final int MAX_DEPTH = 32;
    /** No CRS has coordinates this large: the biggest are zone-prefixed Gauss–Krüger eastings (6·10⁷ m). */
    static final double MAX_ABS_COORDINATE = 1e9;

    private static final java.lang.invoke.VarHandle LITTLE_DOUBLE =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(double[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle BIG_DOUBLE =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(double[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private final byte[] b;
    private int pos;
    private boolean curves;
    private boolean unclosed;

    private WkbCheck(byte[] b, int offset) {
        this.b = b;
        this.pos = offset;
    }

    /** The facts a reader needs about well-formed WKB. */
    record Shape(boolean hasCurves, boolean hasUnclosedRing) {
    }

    /** @throws BlobException with what is wrong, when the WKB is not safe to build */
    static Shape check(byte[] blob, int offset) throws BlobException {
        WkbCheck c = new WkbCheck(blob, offset);
        c.geometry(0, 0);
        return new Shape(c.curves, c.unclosed);
    }

    /** @param allowed the base types this element may have (0: any), as its container requires */
    private void geometry(int depth, int allowed) throws BlobException {
        if (depth > MAX_DEPTH) {
            throw new BlobException("gpkg.blob.tooDeep", MAX_DEPTH);
        }
        need(5);
        int order = b[pos];
        if (order != 0 && order != 1) {
            throw new BlobException("gpkg.blob.byteOrder", order);
        }
        boolean little = order == 1;
        pos++;
        int raw = readInt(little);
        if ((raw & 0x30000000) != 0) {
            // EWKB's SRID flag (an extra int) and unused bits: not ISO WKB, and JTS would read them differently
            throw new BlobException("gpkg.blob.type", Integer.toUnsignedString(raw));
        }
        int iso = raw & 0x0FFFFFFF;
        int dims = iso / 1000;
        int base = iso % 1000;
        if (dims > 3 || !known(base) || (allowed != 0 && !allowedIn(allowed, base))) {
            throw new BlobException("gpkg.blob.type", Integer.toUnsignedString(raw));
        }
        boolean z = (raw & 0x80000000) != 0 || dims == 1 || dims == 3;
        boolean m = (raw & 0x40000000) != 0 || dims == 2 || dims == 3;
        int pointBytes = 8 * (2 + (z ? 1 : 0) + (m ? 1 : 0));
        curves |= base >= 8;
        switch (base) {
            case 1 -> point(little, pointBytes, true);
            case 2 -> {
                if (points(little, pointBytes, false) == 1) {
                    throw new BlobException("gpkg.blob.shortLine");
                }
            }
            case 8 -> {
                int n = points(little, pointBytes, false);
                if (n > 0 && (n < 3 || n % 2 == 0)) {
                    throw new BlobException("gpkg.blob.arcPoints", n);
                }
            }
            case 3, 17 -> {
                int rings = count(little, 4);
                for (int i = 0; i < rings; i++) {
                    points(little, pointBytes, true);
                }
            }
            default -> {
                int parts = count(little, 5);
                for (int i = 0; i < parts; i++) {
                    geometry(depth + 1, base);
                }
            }
        }
    }

    private static boolean known(int base) {
        return base >= 1 && base <= 17 && base != 13 && base != 14;
    }

    /** Which parts each container may hold: the readers cast them to the container's member type. */
    private static boolean allowedIn(int container, int part) {
        return switch (container) {
            case 4 -> part == 1;
            case 5 -> part == 2;
            case 6, 15 -> part == 3;
            case 9 -> part == 2 || part == 8;
            case 10, 11 -> part == 2 || part == 8 || part == 9;
            case 12 -> part == 3 || part == 10;
            case 16 -> part == 17;
            default -> part != 0; // GeometryCollection holds anything
        };
    }

    /** @return the number of points */
    private int points(boolean little, int pointBytes, boolean ring) throws BlobException {
        int n = count(little, pointBytes);
        int first = pos;
        for (int i = 0; i < n; i++) {
            point(little, pointBytes, false);
        }
        if (ring && n > 0) {
            int last = first + (n - 1) * pointBytes;
            boolean closed = n > 1 && readDouble(little, first) == readDouble(little, last)
                && readDouble(little, first + 8) == readDouble(little, last + 8);
            // a ring needs 4 points once closed: 3 corners and the first again
            if (n + (closed ? 0 : 1) < 4) {
                throw new BlobException("gpkg.blob.shortRing", n);
            }
            unclosed |= !closed;
        }
        return n;
    }

    /** @param mayBeEmpty a lone Point: GeoPackage writes an empty point as NaN, NaN */
    private void point(boolean little, int pointBytes, boolean mayBeEmpty) throws BlobException {
        need(pointBytes);
        double x = readDouble(little, pos);
        double y = readDouble(little, pos + 8);
        boolean empty = mayBeEmpty && Double.isNaN(x) && Double.isNaN(y);
        if (!empty && !(Math.abs(x) <= MAX_ABS_COORDINATE && Math.abs(y) <= MAX_ABS_COORDINATE)) {
            throw new BlobException(Double.isFinite(x) && Double.isFinite(y) ? "gpkg.blob.absurdCoordinate"
                : "gpkg.blob.nonFinite", x + ", " + y);
        }
        pos += pointBytes;
    }

    /** A count whose elements, each at least {@code minBytes} long, all fit in what is left of the blob. */
    private int count(boolean little, int minBytes) throws BlobException {
        need(4);
        int n = readInt(little);
        if (n < 0 || (long) n * minBytes > b.length - pos) {
            throw new BlobException("gpkg.blob.count", Integer.toUnsignedString(n), b.length - pos);
        }
        return n;
    }

    private int readInt(boolean little) {
        int v = little ? GeometryBlobDecoder.littleInt(b, pos) : GeometryBlobDecoder.bigInt(b, pos);
        pos += 4;
        return v;
    }

    /** One 8-byte load (the caller has checked the bounds): byte by byte, this was two thirds of a check's decoding. */
    private double readDouble(boolean little, int at) {
        return little ? (double) LITTLE_DOUBLE.get(b, at) : (double) BIG_DOUBLE.get(b, at);
    }

    private void need(int n) throws BlobException {
        if (pos + n > b.length) {
            throw new BlobException("gpkg.blob.truncated", b.length);
        }
    }
}
