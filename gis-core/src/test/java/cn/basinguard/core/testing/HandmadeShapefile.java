package cn.basinguard.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Shapefile bytes laid out by hand as the specification has them, for files no writer makes (GDAL's and ours both
 * wind rings by the rule and count points honestly): polygon records given as their rings, and a .dbf of one text
 * column.
 */
public final class HandmadeShapefile {
    private HandmadeShapefile() {
    }

    /** A .shp of polygon records, each given as its rings (x, y pairs), with its header's file length and box. */
    public static byte[] polygons(double[][]... records) {
        List<byte[]> recs = new ArrayList<>();
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[][] rings : records) {
            int points = 0;
            for (double[] r : rings) {
                points += r.length / 2;
                for (int i = 0; i < r.length; i += 2) {
                    box[0] = Math.min(box[0], r[i]);
                    box[1] = Math.min(box[1], r[i + 1]);
                    box[2] = Math.max(box[2], r[i]);
                    box[3] = Math.max(box[3], r[i + 1]);
                }
            }
            ByteBuffer c = ByteBuffer.allocate(44 + 4 * rings.length + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
            c.putInt(5).putDouble(0).putDouble(0).putDouble(0).putDouble(0).putInt(rings.length).putInt(points);
            int at = 0;
            for (double[] r : rings) {
                c.putInt(at);
                at += r.length / 2;
            }
            for (double[] r : rings) {
                for (double v : r) {
                    c.putDouble(v);
                }
            }
            recs.add(c.array());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int n = 0;
        for (byte[] r : recs) {
            body.writeBytes(ByteBuffer.allocate(8).putInt(++n).putInt(r.length / 2).array());
            body.writeBytes(r);
        }
        ByteBuffer header = ByteBuffer.allocate(100).putInt(9994).position(24).putInt(50 + body.size() / 2);
        header.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(5);
        if (records.length > 0) {
            header.putDouble(box[0]).putDouble(box[1]).putDouble(box[2]).putDouble(box[3]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A .dbf with one character field {@code name} of {@code width} and the given rows (ASCII). */
    public static byte[] dbf(String name, int width, String... rows) {
        return dbf(name, width, StandardCharsets.US_ASCII, rows);
    }

    /** A .dbf with one character field {@code name} of {@code width}, the rows in {@code charset}, no language-driver byte. */
    public static byte[] dbf(String name, int width, java.nio.charset.Charset charset, String... rows) {
        ByteBuffer b = ByteBuffer.allocate(32 + 32 + 1 + rows.length * (1 + width) + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put(new byte[3]).putInt(rows.length).putShort((short) 65).putShort((short) (1 + width)).put(new byte[20]);
        b.put(java.util.Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 11)).put((byte) 'C').put(new byte[4]).put((byte) width)
                .put(new byte[15]);
        b.put((byte) 0x0D);
        for (String r : rows) {
            byte[] bytes = r.getBytes(charset);
            byte[] t = java.util.Arrays.copyOf(bytes, width);
            for (int i = bytes.length; i < width; i++) {
                t[i] = ' ';
            }
            b.put((byte) ' ').put(t);
        }
        b.put((byte) 0x1A);
        return b.array();
    }
}
