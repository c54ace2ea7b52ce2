package cn.basinguard.core.source.shp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * Turns the content of one .shp record into a JTS geometry, 2D: Z and M values are skipped (the layer says so once).
 * Every count is checked against the bytes the record really has before anything is allocated, so a damaged record
 * is refused with a reason and never makes the reader allocate what the file merely claims. Polygon rings follow the
 * Shapefile rule — clockwise rings are outer rings, counter-clockwise ones holes of the outer ring around them; a
 * counter-clockwise ring inside no outer ring is an outer ring wound the wrong way, as hand-made files have them.
 * An unclosed ring is closed and said; a ring of fewer than three distinct points is dropped and said.
 * Not thread-safe (it keeps per-record notes); one per reading thread.
 */
final class ShapeDecoder {
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** A record that cannot be read; the message is the reader's English, the caller wraps it. */
    static final class BadShape extends Exception {
        /** @param key a {@code shp.bad.*} message key: the reason reaches the user in the data-quality list */
        BadShape(String key, Object... args) {
            super(cn.basinguard.core.i18n.Messages.get(key, args), null, false, false);
        }
    }

    private final GeometryFactory factory;
    /** Where the record's content starts in the array being decoded. */
    private int base;
    private int closedRings;
    private int droppedRings;

    ShapeDecoder(GeometryFactory factory) {
        this.factory = factory;
    }

    /** Rings of the last record that were not closed and were closed here. */
    int closedRings() {
        return closedRings;
    }

    /** Rings of the last record with fewer than three distinct points, left out. */
    int droppedRings() {
        return droppedRings;
    }

    /**
     * The geometry of a record's content {@code b[0, length)}; null for a Null shape.
     *
     * @throws BadShape when the record is damaged: a count larger than its bytes, a part index out of range, a
     *                  non-finite coordinate, an unknown shape type
     */
    Geometry decode(byte[] b, int length) throws BadShape {
        return decodeAt(b, 0, length);
    }

    /** As {@link #decode(byte[], int)} for content that starts at {@code at} in {@code b}. */
    Geometry decodeAt(byte[] b, int at, int length) throws BadShape {
        base = at;
        closedRings = 0;
        droppedRings = 0;
        if (length < 4) {
            throw new BadShape("shp.bad.noType", length);
        }
        int code = (int) INT.get(b, at);
        ShapeType type = ShapeType.of(code);
        if (type == null) {
            throw new BadShape("shp.bad.type", code);
        }
        return switch (type) {
            case NULL -> null;
            case POINT, POINTZ, POINTM -> point(b, length);
            case MULTIPOINT, MULTIPOINTZ, MULTIPOINTM -> multiPoint(b, length);
            case POLYLINE, POLYLINEZ, POLYLINEM -> lines(b, length);
            case POLYGON, POLYGONZ, POLYGONM -> polygons(b, length, false);
            case MULTIPATCH -> polygons(b, length, true);
        };
    }

    /** The record's bounding box as the record states it (points: the point); null for a Null shape or a short record. */
    static Envelope bounds(byte[] b, int length) {
        if (length < 4) {
            return null;
        }
        int code = (int) INT.get(b, 0);
        ShapeType type = ShapeType.of(code);
        if (type == null || type == ShapeType.NULL) {
            return null;
        }
        if (type.family() == 0 && type != ShapeType.MULTIPOINT && type != ShapeType.MULTIPOINTZ && type != ShapeType.MULTIPOINTM) {
            if (length < 20) {
                return null;
            }
            double x = d(b, 4);
            double y = d(b, 12);
            return Double.isFinite(x) && Double.isFinite(y) ? new Envelope(x, x, y, y) : null;
        }
        if (length < 36) {
            return null;
        }
        double minX = d(b, 4);
        double minY = d(b, 12);
        double maxX = d(b, 20);
        double maxY = d(b, 28);
        if (!(Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY))
            || minX > maxX || minY > maxY) {
            return null;
        }
        return new Envelope(minX, maxX, minY, maxY);
    }

    private Point point(byte[] b, int length) throws BadShape {
        need(length, 20);
        double x = dd(b, 4);
        double y = dd(b, 12);
        finite(x, y);
        return factory.createPoint(new PackedCoordinateSequence.Double(new double[] {x, y}, 2, 0));
    }

    private Geometry multiPoint(byte[] b, int length) throws BadShape {
        need(length, 40);
        int n = count(b, 36, length - 40, 16);
        Point[] points = new Point[n];
        for (int i = 0; i < n; i++) {
            double x = dd(b, 40 + 16 * i);
            double y = dd(b, 48 + 16 * i);
            finite(x, y);
            points[i] = factory.createPoint(new PackedCoordinateSequence.Double(new double[] {x, y}, 2, 0));
        }
        return factory.createMultiPoint(points);
    }

    /** numParts, numPoints and the part starts of a PolyLine, Polygon or MultiPatch record, checked against its bytes. */
    private int[] parts(byte[] b, int length, boolean patch) throws BadShape {
        need(length, 44);
        int numParts = i32(b, 36);
        int numPoints = i32(b, 40);
        if (numParts < 0 || numPoints < 0) {
            throw new BadShape("shp.bad.negative", numParts, numPoints);
        }
        long needed = 44L + 4L * numParts * (patch ? 2 : 1) + 16L * numPoints;
        if (needed > length) {
            throw new BadShape("shp.bad.counts", numParts, numPoints, needed, length);
        }
        int[] starts = new int[numParts + 1];
        for (int p = 0; p < numParts; p++) {
            starts[p] = i32(b, 44 + 4 * p);
            if (starts[p] < 0 || starts[p] > numPoints || (p > 0 && starts[p] < starts[p - 1])) {
                throw new BadShape("shp.bad.partStart", p + 1, starts[p], numPoints);
            }
        }
        starts[numParts] = numPoints;
        return starts;
    }

    private Geometry lines(byte[] b, int length) throws BadShape {
        int[] starts = parts(b, length, false);
        int pointsAt = 44 + 4 * (starts.length - 1);
        List<LineString> lines = new ArrayList<>(starts.length - 1);
        for (int p = 0; p + 1 < starts.length; p++) {
            int n = starts[p + 1] - starts[p];
            if (n == 0) {
                continue;
            }
            double[] xy = coords(b, pointsAt + 16 * starts[p], n);
            if (n == 1) {
                // a one-point part is no line; GDAL keeps it as a degenerate segment
                xy = new double[] {xy[0], xy[1], xy[0], xy[1]};
            }
            lines.add(factory.createLineString(new PackedCoordinateSequence.Double(xy, 2, 0)));
        }
        if (lines.size() == 1) {
            return lines.get(0);
        }
        return factory.createMultiLineString(lines.toArray(new LineString[0]));
    }

    private Geometry polygons(byte[] b, int length, boolean patch) throws BadShape {
        int[] starts = parts(b, length, patch);
        int numParts = starts.length - 1;
        int typesAt = 44 + 4 * numParts;
        int pointsAt = typesAt + (patch ? 4 * numParts : 0);
        List<double[]> outer = new ArrayList<>();
        List<double[]> holes = new ArrayList<>();
        List<Polygon> triangles = new ArrayList<>();
        for (int p = 0; p < numParts; p++) {
            int n = starts[p + 1] - starts[p];
            if (n == 0) {
                continue;
            }
            double[] xy = coords(b, pointsAt + 16 * starts[p], n);
            int partType = patch ? i32(b, typesAt + 4 * p) : 5;
            if (patch && (partType == 0 || partType == 1)) {
                triangles(xy, partType == 1, triangles);
                continue;
            }
            double[] ring = closed(xy);
            if (ring == null) {
                droppedRings++;
                continue;
            }
            if (patch && partType == 3) {
                holes.add(ring);
            } else if (patch && partType != 5) {
                outer.add(ring); // outer ring (2) or first ring (4)
            } else if (signedArea(ring) < 0) {
                outer.add(ring); // clockwise: an outer ring
            } else {
                holes.add(ring);
            }
        }
        List<Polygon> polys = assemble(outer, holes);
        polys.addAll(triangles);
        if (polys.isEmpty()) {
            return factory.createPolygon();
        }
        if (polys.size() == 1) {
            return polys.get(0);
        }
        return factory.createMultiPolygon(polys.toArray(new Polygon[0]));
    }

    private void triangles(double[] xy, boolean fan, List<Polygon> out) {
        int n = xy.length / 2;
        for (int i = 2; i < n; i++) {
            int a = fan ? 0 : i - 2;
            double[] t = {xy[2 * a], xy[2 * a + 1], xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1], xy[2 * a], xy[2 * a + 1]};
            if (signedArea(t) != 0) {
                out.add(factory.createPolygon(ring(t)));
            }
        }
    }

    /** Each hole goes to the smallest outer ring that contains it; a hole inside none is an outer ring wound wrongly. */
    private List<Polygon> assemble(List<double[]> outer, List<double[]> holes) {
        List<LinearRing> shells = new ArrayList<>(outer.size());
        List<Envelope> shellBoxes = new ArrayList<>(outer.size());
        for (double[] r : outer) {
            LinearRing ring = ring(r);
            shells.add(ring);
            shellBoxes.add(ring.getEnvelopeInternal());
        }
        List<List<LinearRing>> owned = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            owned.add(new ArrayList<>(0));
        }
        for (double[] h : holes) {
            LinearRing hole = ring(h);
            int owner = -1;
            if (shells.size() == 1 && shellBoxes.get(0).covers(hole.getEnvelopeInternal())) {
                owner = 0; // the common case: one outer ring and its holes
            } else {
                Envelope hb = hole.getEnvelopeInternal();
                for (int i = 0; i < shells.size(); i++) {
                    if (shellBoxes.get(i).covers(hb) && RingNesting.inside(hole, shells.get(i))
                        && (owner < 0 || shellBoxes.get(i).getArea() < shellBoxes.get(owner).getArea())) {
                        owner = i;
                    }
                }
            }
            if (owner < 0) {
                shells.add(hole);
                shellBoxes.add(hole.getEnvelopeInternal());
                owned.add(new ArrayList<>(0));
            } else {
                owned.get(owner).add(hole);
            }
        }
        if (shells.size() > 1 && RingNesting.shellInShell(shells)) {
            List<LinearRing> all = new ArrayList<>(shells);
            owned.forEach(all::addAll);
            return RingNesting.byNesting(all, factory);
        }
        List<Polygon> polys = new ArrayList<>(shells.size());
        for (int i = 0; i < shells.size(); i++) {
            polys.add(factory.createPolygon(shells.get(i), owned.get(i).toArray(new LinearRing[0])));
        }
        return polys;
    }

    private LinearRing ring(double[] xy) {
        return factory.createLinearRing(new PackedCoordinateSequence.Double(xy, 2, 0));
    }

    /** The ring closed (first point repeated at the end), or null when it has fewer than three distinct points. */
    private double[] closed(double[] xy) {
        int n = xy.length / 2;
        boolean isClosed = n > 1 && xy[0] == xy[2 * n - 2] && xy[1] == xy[2 * n - 1];
        int distinct = 0;
        for (int i = 0; i < n && distinct < 3; i++) {
            boolean seen = false;
            for (int k = 0; k < i && !seen; k++) {
                seen = xy[2 * k] == xy[2 * i] && xy[2 * k + 1] == xy[2 * i + 1];
            }
            if (!seen) {
                distinct++;
            }
        }
        if (distinct < 3) {
            return null;
        }
        if (isClosed) {
            return xy;
        }
        closedRings++;
        double[] c = java.util.Arrays.copyOf(xy, xy.length + 2);
        c[xy.length] = xy[0];
        c[xy.length + 1] = xy[1];
        return c;
    }

    /** Twice the signed area (shoelace), positive for counter-clockwise rings. */
    static double signedArea(double[] xy) {
        int n = xy.length / 2;
        if (n < 3) {
            return 0;
        }
        double x0 = xy[0];
        double y0 = xy[1];
        double sum = 0;
        for (int i = 1; i + 1 < n; i++) {
            // relative to the first vertex, so projected coordinates of 10^6 m lose no precision
            sum += (xy[2 * i] - x0) * (xy[2 * i + 3] - y0) - (xy[2 * i + 2] - x0) * (xy[2 * i + 1] - y0);
        }
        return sum;
    }

    private double[] coords(byte[] b, int at, int n) throws BadShape {
        double[] xy = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            xy[i] = dd(b, at + 8 * i);
        }
        for (int i = 0; i < 2 * n; i += 2) {
            finite(xy[i], xy[i + 1]);
        }
        return xy;
    }

    private static void finite(double x, double y) throws BadShape {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new BadShape("shp.bad.nonFinite", Double.toString(x), Double.toString(y));
        }
    }

    private int count(byte[] b, int at, int bytesLeft, int bytesEach) throws BadShape {
        int n = i32(b, at);
        if (n < 0 || (long) n * bytesEach > bytesLeft) {
            throw new BadShape("shp.bad.countFit", n, bytesLeft);
        }
        return n;
    }

    private static void need(int length, int bytes) throws BadShape {
        if (length < bytes) {
            throw new BadShape("shp.bad.short", length, bytes);
        }
    }

    private double dd(byte[] b, int at) {
        return (double) DOUBLE.get(b, base + at);
    }

    private int i32(byte[] b, int at) {
        return (int) INT.get(b, base + at);
    }

    private static double d(byte[] b, int at) {
        return (double) DOUBLE.get(b, at);
    }
}
