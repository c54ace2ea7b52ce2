package cn.basinguard.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Little-endian 2D WKB of a one-polygon MULTIPOLYGON written from plain rings, so the generator can store what JTS
 * will not build (a ring whose last point is not its first) exactly as a faulty delivery would hold it.
 */
final class Wkb {
    private Wkb() {
    }

    static byte[] multiPolygon(List<Coordinate[]> rings) {
        int points = 0;
        for (Coordinate[] r : rings) {
            points += r.length;
        }
        ByteBuffer b = ByteBuffer.allocate(9 + 9 + 4 * rings.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putInt(6).putInt(1);
        b.put((byte) 1).putInt(3).putInt(rings.size());
        for (Coordinate[] r : rings) {
            b.putInt(r.length);
            for (Coordinate c : r) {
                b.putDouble(c.x).putDouble(c.y);
            }
        }
        return b.array();
    }

    static Envelope envelope(List<Coordinate[]> rings) {
        Envelope e = new Envelope();
        for (Coordinate[] r : rings) {
            for (Coordinate c : r) {
                e.expandToInclude(c);
            }
        }
        return e;
    }
}
