package cn.basinguard.core.gpkg;

import java.io.IOException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Decodes GeoPackage geometry blobs (GeoPackage 1.3 §2.1.3: "GP" magic, version, flags, srs_id, optional envelope,
 * then ISO WKB). Linear types go to JTS's WKB reader; curve types (CircularString … MultiSurface), which JTS cannot
 * hold, go to {@link CurveWkbReader} and come back as straight segments, which {@link #lastWasLinearized()} says.
 * One decoder per thread: it reuses its buffers.
 */
final class GeometryBlobDecoder {
    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    private final GeometryFactory factory;
    private final WKBReader wkb;
    private final OffsetInStream in = new OffsetInStream();
    private final FastPolygonWkb fast;
    private boolean linearized;
    private boolean unclosedRing;

    GeometryBlobDecoder(GeometryFactory factory) {
        this.factory = factory;
        this.wkb = new WKBReader(factory);
        this.fast = new FastPolygonWkb(factory);
    }

    boolean lastWasLinearized() {
        return linearized;
    }

    /** Whether the last blob had a polygon ring that did not end at its first point (the readers closed it). */
    boolean lastHadUnclosedRing() {
        return unclosedRing;
    }

    /**
     * The geometry of a blob. The WKB is checked by {@link WkbCheck} before anything is allocated, so a count or a
     * nesting depth taken from the bytes can neither exhaust the heap nor the stack.
     *
     * @throws BlobException with the program's own message when the blob cannot be read
     */
    Geometry decode(byte[] blob) throws BlobException {
        linearized = false;
        unclosedRing = false;
        if (blob.length < 8) {
            throw new BlobException("gpkg.blob.short", blob.length);
        }
        if (blob[0] != 'G' || blob[1] != 'P') {
            throw new BlobException("gpkg.blob.magic");
        }
        int flags = blob[3] & 0xFF;
        if ((flags & 0x20) != 0) {
            throw new BlobException("gpkg.blob.extended");
        }
        int envelope = (flags >> 1) & 0x07;
        if (envelope >= ENVELOPE_BYTES.length) {
            throw new BlobException("gpkg.blob.envelope", envelope);
        }
        int offset = 8 + ENVELOPE_BYTES[envelope];
        boolean empty = (flags & 0x10) != 0;
        int srsId = (flags & 0x01) != 0 ? littleInt(blob, 4) : bigInt(blob, 4);
        if (blob.length < offset + 5) {
            if (empty) {
                return factory.createGeometryCollection();
            }
            throw new BlobException("gpkg.blob.truncated", blob.length);
        }
        Geometry g;
        try {
            g = decodeWkb(blob, offset);
        } catch (BlobException e) {
            if (empty) {
                return factory.createGeometryCollection();
            }
            throw e;
        }
        g.setSRID(srsId);
        return g;
    }

    /**
     * The ISO WKB geometry that starts at {@code offset} (after a GeoPackage header, or at 0 for plain WKB as a
     * database gives it), checked by {@link WkbCheck} first.
     *
     * @throws BlobException with the program's own message when the WKB cannot be read
     */
    Geometry decodeWkb(byte[] blob, int offset) throws BlobException {
        linearized = false;
        unclosedRing = false;
        if (blob.length < offset + 5) {
            throw new BlobException("gpkg.blob.truncated", blob.length);
        }
        WkbCheck.Shape shape = WkbCheck.check(blob, offset);
        Geometry g;
        try {
            int type = wkbType(blob, offset);
            Geometry quick = (type == 3 || type == 6) && !shape.hasUnclosedRing() ? fast.read(blob, offset) : null;
            if (quick != null) {
                g = quick;
            } else if (shape.hasCurves()) {
                CurveWkbReader curves = new CurveWkbReader(factory, blob, offset);
                g = curves.read();
                linearized = true;
                unclosedRing = curves.closedARing();
            } else {
                in.reset(blob, offset);
                g = wkb.read(in);
            }
        } catch (ParseException | IOException | IllegalArgumentException e) {
            // JTS's own refusals of a well-formed blob (a line of one point, say); its words stay out of the message
            throw new BlobException("gpkg.blob.invalid");
        }
        unclosedRing |= shape.hasUnclosedRing();
        return g;
    }

    private static int wkbType(byte[] b, int offset) {
        return b[offset] == 1 ? littleInt(b, offset + 1) : bigInt(b, offset + 1);
    }

    /** ISO codes 8–17 (+1000/2000/3000 for Z/M/ZM), also with EWKB-style high flag bits. */
    static boolean isCurveType(int type) {
        int base = (type & 0x0FFFFFFF) % 1000;
        return base >= 8 && base <= 17;
    }

    static int littleInt(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    static int bigInt(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }
}
