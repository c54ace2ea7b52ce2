package cn.basinguard.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A deliberately independent reader for the tests: plain sqlite-jdbc and a hand-written GeoPackage header
 * parser, so the tests do not trust the writer's own code paths.
 */
final class GpkgTestReader implements AutoCloseable {
    final Connection conn;

    record Row(long fid, Geometry geometry, Map<String, Object> values) {
        String text(String column) {
            Object v = values.get(column);
            return v == null ? null : v.toString();
        }

        double number(String column) {
            return ((Number) values.get(column)).doubleValue();
        }
    }

    GpkgTestReader(Path file) throws SQLException {
        conn = DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    List<Row> rows(String table) throws SQLException, ParseException {
        List<Row> out = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY fid")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Geometry g = null;
                Map<String, Object> values = new LinkedHashMap<>();
                for (int c = 1; c <= md.getColumnCount(); c++) {
                    Object v = rs.getObject(c);
                    if (v instanceof byte[] blob && blob.length > 4 && blob[0] == 'G' && blob[1] == 'P') {
                        g = decode(blob);
                    } else {
                        values.put(md.getColumnName(c), v);
                    }
                }
                out.add(new Row(rs.getLong("fid"), g, values));
            }
        }
        return out;
    }

    static Geometry decode(byte[] blob) throws ParseException {
        if (blob[0] != 'G' || blob[1] != 'P' || blob[2] != 0) {
            throw new IllegalArgumentException("not a GeoPackage geometry blob");
        }
        int flags = blob[3];
        ByteOrder order = (flags & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int envelope = (flags >> 1) & 7;
        int envelopeBytes = switch (envelope) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("bad envelope code " + envelope);
        };
        int srsId = ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
        byte[] wkb = new byte[blob.length - 8 - envelopeBytes];
        System.arraycopy(blob, 8 + envelopeBytes, wkb, 0, wkb.length);
        Geometry g = new WKBReader().read(wkb);
        g.setSRID(srsId);
        return g;
    }

    String scalar(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
