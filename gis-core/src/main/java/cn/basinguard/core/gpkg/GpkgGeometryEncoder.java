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
        byte[] wkb = wkbWriter.write(geometry);
        boolean empty = geometry.isEmpty();
        // readers use the envelope for quick filtering; an empty geometry carries none
        int envelopeBytes = empty ? 0 : 32;
        ByteBuffer buf = ByteBuffer.allocate(8 + envelopeBytes + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 'G').put((byte) 'P').put((byte) 0);
        buf.put((byte) (FLAG_LITTLE_ENDIAN | (empty ? FLAG_EMPTY : FLAG_ENVELOPE_XY)));
        buf.putInt(srsId);
        if (!empty) {
            Envelope e = geometry.getEnvelopeInternal();
            buf.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        buf.put(wkb);
        return buf.array();
    }
}
