package cn.basinguard.core.gpkg;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXYZM;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;

/**
 * Reads ISO WKB that contains curves (CircularString 8, CompoundCurve 9, CurvePolygon 10, MultiCurve 11,
 * MultiSurface 12, PolyhedralSurface 15, TIN 16, Triangle 17) into linear JTS geometries: circular arcs become
 * chords of at most {@link #MAX_STEP_DEGREES}°, passing through every stored arc point. JTS has no curve types, so
 * this is the one place that knows them.
 */
final class CurveWkbReader {
    static final double MAX_STEP_DEGREES = 2.0;

    private final GeometryFactory factory;
    private final byte[] b;
    private int pos;
    private boolean little;
    private boolean closedARing;

    CurveWkbReader(GeometryFactory factory, byte[] blob, int offset) {
        this.factory = factory;
        this.b = blob;
        this.pos = offset;
    }

    Geometry read() throws ParseException {
        little = readByte() == 1;
        int raw = readInt();
        boolean z = (raw & 0x80000000) != 0;
        boolean m = (raw & 0x40000000) != 0;
        int iso = raw & 0x0FFFFFFF;
        int dimsCode = iso / 1000;
        int base = iso % 1000;
        z |= dimsCode == 1 || dimsCode == 3;
        m |= dimsCode == 2 || dimsCode == 3;
        return switch (base) {
            case 1 -> factory.createPoint(point(z, m));
            case 2 -> factory.createLineString(points(z, m));
            case 3, 17 -> polygonOfLinearRings(z, m);
            case 4, 5, 6, 7, 11, 12, 15, 16 -> collection(base);
            case 8 -> factory.createLineString(arcs(points(z, m)));
            case 9 -> factory.createLineString(compound());
            case 10 -> curvePolygon();
            default -> throw new ParseException("unknown WKB geometry type " + raw);
        };
    }

    private Geometry collection(int base) throws ParseException {
        int n = readCount();
        List<Geometry> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(read());
        }
        return switch (base) {
            case 4 -> factory.createMultiPoint(parts.stream().map(p -> (org.locationtech.jts.geom.Point) p)
                    .toArray(org.locationtech.jts.geom.Point[]::new));
            case 5, 11 -> factory.createMultiLineString(parts.stream().map(p -> (LineString) p).toArray(LineString[]::new));
            case 6, 12, 15, 16 -> factory.createMultiPolygon(parts.stream().map(p -> (Polygon) p).toArray(Polygon[]::new));
            default -> factory.createGeometryCollection(parts.toArray(new Geometry[0]));
        };
    }

    private Polygon polygonOfLinearRings(boolean z, boolean m) throws ParseException {
        int n = readCount();
        if (n == 0) {
            return factory.createPolygon();
        }
        LinearRing shell = factory.createLinearRing(closed(points(z, m)));
        LinearRing[] holes = new LinearRing[n - 1];
        for (int i = 1; i < n; i++) {
            holes[i - 1] = factory.createLinearRing(closed(points(z, m)));
        }
        return factory.createPolygon(shell, holes);
    }

    private Polygon curvePolygon() throws ParseException {
        int n = readCount();
        if (n == 0) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(read());
        LinearRing[] holes = new LinearRing[n - 1];
        for (int i = 1; i < n; i++) {
            holes[i - 1] = ring(read());
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(Geometry curve) throws ParseException {
        if (!(curve instanceof LineString line)) {
            throw new ParseException("a curve polygon ring is a " + curve.getGeometryType());
        }
        return factory.createLinearRing(closed(line.getCoordinates()));
    }

    /** The ring ending at its first point: an unclosed ring is closed, as GDAL does, and {@link #closedARing} says so. */
    private Coordinate[] closed(Coordinate[] cs) {
        if (cs.length == 0 || cs[0].equals2D(cs[cs.length - 1])) {
            return cs;
        }
        closedARing = true;
        Coordinate[] out = java.util.Arrays.copyOf(cs, cs.length + 1);
        out[cs.length] = cs[0].copy();
        return out;
    }

    /** Whether a ring had to be closed while reading. */
    boolean closedARing() {
        return closedARing;
    }

    private Coordinate[] compound() throws ParseException {
        int n = readCount();
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Geometry part = read();
            Coordinate[] cs = part.getCoordinates();
            for (int k = 0; k < cs.length; k++) {
                if (k == 0 && !out.isEmpty() && out.get(out.size() - 1).equals2D(cs[0])) {
                    continue;
                }
                out.add(cs[k]);
            }
        }
        return out.toArray(new Coordinate[0]);
    }

    /** Linearizes a circular string: each arc p[i], p[i+1], p[i+2] (i even) becomes chords through the three points. */
    static Coordinate[] arcs(Coordinate[] p) throws ParseException {
        if (p.length < 3 || p.length % 2 == 0) {
            if (p.length == 0) {
                return p;
            }
            throw new ParseException("a circular string needs an odd number of at least 3 points, has " + p.length);
        }
        List<Coordinate> out = new ArrayList<>();
        out.add(p[0]);
        for (int i = 0; i + 2 < p.length; i += 2) {
            arc(p[i], p[i + 1], p[i + 2], out);
        }
        return out.toArray(new Coordinate[0]);
    }

    private static void arc(Coordinate a, Coordinate mid, Coordinate c, List<Coordinate> out) {
        double d = 2 * (a.x * (mid.y - c.y) + mid.x * (c.y - a.y) + c.x * (a.y - mid.y));
        if (Math.abs(d) < 1e-12 * (Math.abs(a.x) + Math.abs(a.y) + 1)) {
            out.add(mid);
            out.add(c);
            return;
        }
        double a2 = a.x * a.x + a.y * a.y;
        double m2 = mid.x * mid.x + mid.y * mid.y;
        double c2 = c.x * c.x + c.y * c.y;
        double ux = (a2 * (mid.y - c.y) + m2 * (c.y - a.y) + c2 * (a.y - mid.y)) / d;
        double uy = (a2 * (c.x - mid.x) + m2 * (a.x - c.x) + c2 * (mid.x - a.x)) / d;
        double r = Math.hypot(a.x - ux, a.y - uy);
        if (!(Math.abs(ux) + Math.abs(uy) + r <= WkbCheck.MAX_ABS_COORDINATE)) {
            // nearly collinear points: the circle through them is so large that its arc would leave every CRS;
            // the straight segments through the stored points are what such an arc means
            out.add(mid);
            out.add(c);
            return;
        }
        double t0 = Math.atan2(a.y - uy, a.x - ux);
        double t1 = Math.atan2(mid.y - uy, mid.x - ux);
        double t2 = Math.atan2(c.y - uy, c.x - ux);
        boolean ccw = d > 0;
        double sweep1 = sweep(t0, t1, ccw);
        double sweep2 = sweep(t1, t2, ccw);
        if (a.equals2D(c)) {
            sweep2 = sweep1; // a full circle: the middle point is diametrically opposite
        }
        addArc(ux, uy, r, t0, sweep1, mid, out);
        addArc(ux, uy, r, t1, sweep2, c, out);
    }

    private static double sweep(double from, double to, boolean ccw) {
        double s = to - from;
        if (ccw) {
            while (s <= 0) {
                s += 2 * Math.PI;
            }
        } else {
            while (s >= 0) {
                s -= 2 * Math.PI;
            }
        }
        return s;
    }

    private static void addArc(double cx, double cy, double r, double start, double sweep, Coordinate end, List<Coordinate> out) {
        int steps = Math.max(1, (int) Math.ceil(Math.abs(Math.toDegrees(sweep)) / MAX_STEP_DEGREES));
        for (int k = 1; k < steps; k++) {
            double t = start + sweep * k / steps;
            out.add(new Coordinate(cx + r * Math.cos(t), cy + r * Math.sin(t)));
        }
        out.add(end);
    }

    private Coordinate[] points(boolean z, boolean m) throws ParseException {
        int n = readCount();
        Coordinate[] cs = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            cs[i] = point(z, m);
        }
        return cs;
    }

    private Coordinate point(boolean z, boolean m) throws ParseException {
        double x = readDouble();
        double y = readDouble();
        double zv = z ? readDouble() : Double.NaN;
        if (m) {
            return new CoordinateXYZM(x, y, zv, readDouble());
        }
        return new Coordinate(x, y, zv);
    }

    private int readCount() throws ParseException {
        int n = readInt();
        if (n < 0 || n > (b.length - pos) / 8 + 1) {
            throw new ParseException("element count " + n + " exceeds the blob");
        }
        return n;
    }

    private int readByte() throws ParseException {
        need(1);
        return b[pos++];
    }

    private int readInt() throws ParseException {
        need(4);
        int v = little ? GeometryBlobDecoder.littleInt(b, pos) : GeometryBlobDecoder.bigInt(b, pos);
        pos += 4;
        return v;
    }

    private double readDouble() throws ParseException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int byteIndex = little ? pos + 7 - i : pos + i;
            v = (v << 8) | (b[byteIndex] & 0xFFL);
        }
        pos += 8;
        return Double.longBitsToDouble(v);
    }

    private void need(int n) throws ParseException {
        if (pos + n > b.length) {
            throw new ParseException("WKB ends early at byte " + pos);
        }
    }
}
