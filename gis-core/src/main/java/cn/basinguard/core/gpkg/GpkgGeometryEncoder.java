package cn.basinguard.core.gpkg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * Encodes a JTS geometry as a GeoPackage binary blob (GeoPackage 1.2/1.3 §2.1.3): "GP", version 0,
 * flags (little endian, XY envelope, empty bit), srs_id, envelope, then 2D ISO WKB.
 */
public final class GpkgGeometryEncoder {
    private static final byte FLAG_LITTLE_ENDIAN = 0x01;
    private static final byte FLAG_ENVELOPE_XY = 0x02;
    private static final byte FLAG_EMPTY = 0x10;

    private final WKBWriter wkbWriter = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);

    public byte[] encode(Geometry geometry, int srsId) {
        return wrap(wkbWriter.write(geometry), geometry.isEmpty() ? null : geometry.getEnvelopeInternal(), srsId);
    }

    /** The GeoPackage blob of a WKB geometry: the header (with the XY envelope unless {@code envelope} is null) and the WKB. */
    public static byte[] wrap(byte[] wkb, Envelope envelope, int srsId) {
        // readers use the envelope for quick filtering; an empty geometry carries none
        boolean empty = envelope == null || envelope.isNull();
        int envelopeBytes = empty ? 0 : 32;
        ByteBuffer buf = ByteBuffer.allocate(8 + envelopeBytes + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 'G').put((byte) 'P').put((byte) 0);
        buf.put((byte) (FLAG_LITTLE_ENDIAN | (empty ? FLAG_EMPTY : FLAG_ENVELOPE_XY)));
        buf.putInt(srsId);
        if (!empty) {
            buf.putDouble(envelope.getMinX()).putDouble(envelope.getMaxX()).putDouble(envelope.getMinY())
                    .putDouble(envelope.getMaxY());
        }
        buf.put(wkb);
        return buf.array();
    }

    /**
     * {minx, maxx, miny, maxy} from the header of a blob this encoder wrote (little endian, XY envelope); null when
     * the header carries no XY envelope (an empty geometry).
     */
    static double[] headerEnvelope(byte[] header) {
        if (header == null || header.length < 40 || header[0] != 'G' || header[1] != 'P') {
            return null;
        }
        int flags = header[3];
        if ((flags & 0x0E) >> 1 != 1) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(header).order((flags & FLAG_LITTLE_ENDIAN) != 0 ? ByteOrder.LITTLE_ENDIAN
                : ByteOrder.BIG_ENDIAN);
        return new double[] {b.getDouble(8), b.getDouble(16), b.getDouble(24), b.getDouble(32)};
    }
}
