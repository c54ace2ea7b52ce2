package cn.basinguard.core.gpkg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * The one shape that fills a county's red-line layers — little-endian 2D Polygon and MultiPolygon WKB — read
 * straight into packed coordinate arrays. JTS's WKB reader pulls each double through a stream in 8-byte copies;
 * on a 200,000-patch layer that was most of the decoding time. Anything else returns null and goes to JTS.
 */
final class FastPolygonWkb {
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final Polygon[] NO_POLYGONS = new Polygon[0];

    private final GeometryFactory factory;
    private byte[] b;
    private int pos;

    FastPolygonWkb(GeometryFactory factory) {
        this.factory = factory;
    }

    /** The geometry, or null when the WKB is not a little-endian 2D (Multi)Polygon or does not fit the blob. */
    Geometry read(byte[] blob, int offset) {
        b = blob;
        pos = offset;
        if (blob.length < offset + 9 || blob[offset] != 1) {
            return null;
        }
        int type = (int) INT.get(blob, offset + 1);
        try {
            if (type == 3) {
                pos += 5;
                return polygon();
            }
            if (type == 6) {
                pos += 5;
                int n = count(9);
                Polygon[] parts = n == 0 ? NO_POLYGONS : new Polygon[n];
                for (int i = 0; i < n; i++) {
                    if (pos + 5 > b.length || b[pos] != 1 || (int) INT.get(b, pos + 1) != 3) {
                        return null;
                    }
                    pos += 5;
                    parts[i] = polygon();
                    if (parts[i] == null) {
                        return null;
                    }
                }
                return factory.createMultiPolygon(parts);
            }
        } catch (IllegalArgumentException e) {
            return null; // a ring JTS refuses (not closed, too short): let JTS's reader say what is wrong
        }
        return null;
    }

    private Polygon polygon() {
        int rings = count(4);
        if (rings < 0) {
            return null;
        }
        if (rings == 0) {
            return factory.createPolygon();
        }
        LinearRing shell = ring();
        if (shell == null) {
            return null;
        }
        LinearRing[] holes = new LinearRing[rings - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring();
            if (holes[i] == null) {
                return null;
            }
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring() {
        int n = count(16);
        if (n < 0) {
            return null;
        }
        double[] xy = new double[2 * n];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = (double) DOUBLE.get(b, pos);
            pos += 8;
        }
        return factory.createLinearRing(new PackedCoordinateSequence.Double(xy, 2, 0));
    }

    /** Reads an element count; −1 when the elements of {@code minBytes} each cannot fit in what is left. */
    private int count(int minBytes) {
        if (pos + 4 > b.length) {
            return -1;
        }
        int n = (int) INT.get(b, pos);
        pos += 4;
        return n < 0 || (long) n * minBytes > b.length - pos ? -1 : n;
    }
}
