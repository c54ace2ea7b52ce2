package cn.basinguard.core.pack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * The SHA-256 of a layer's features as they go into a pack, in order: key, geometry (2D WKB) and every attribute by
 * its kind (whole number, real, text, bytes, none). Computed once from what the source gave and once from what the
 * finished pack holds, it shows that the pack holds exactly what was read: the same features, coordinates and
 * values. A whole number read as a Long from one source and an Integer from another counts as the same number, a
 * true/false as 1/0 (how a GeoPackage stores it).
 */
final class FeatureDigest {
    private final MessageDigest md;
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.BIG_ENDIAN);
    private final ByteBuffer buf = ByteBuffer.allocate(9);
    private long count;

    FeatureDigest() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    void add(long fid, Geometry g, List<Object> values) {
        count++;
        putLong('K', fid);
        if (g == null) {
            md.update((byte) 'N');
        } else {
            byte[] b = wkb.write(g);
            putLong('G', b.length);
            md.update(b);
        }
        for (Object v : values) {
            value(v);
        }
    }

    private void value(Object v) {
        if (v == null) {
            md.update((byte) 'N');
        } else if (v instanceof Boolean b) {
            putLong('I', b ? 1 : 0);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            putLong('I', ((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            putLong('D', Double.doubleToLongBits(((Number) v).doubleValue()));
        } else if (v instanceof byte[] bytes) {
            putLong('B', bytes.length);
            md.update(bytes);
        } else {
            byte[] text = v.toString().getBytes(StandardCharsets.UTF_8);
            putLong('S', text.length);
            md.update(text);
        }
    }

    private void putLong(char tag, long v) {
        buf.clear();
        buf.put((byte) tag).putLong(v);
        md.update(buf.array(), 0, 9);
    }

    long count() {
        return count;
    }

    String hex() {
        return HexFormat.of().formatHex(md.digest());
    }
}
