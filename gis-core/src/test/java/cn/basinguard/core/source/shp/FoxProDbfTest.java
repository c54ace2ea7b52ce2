package cn.basinguard.core.source.shp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.basinguard.core.gpkg.Feature;
import cn.basinguard.core.source.DataSource;
import cn.basinguard.core.source.DataSources;
import cn.basinguard.core.source.SourceOptions;
import cn.basinguard.core.testing.HandmadeShapefile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A .dbf in Visual FoxPro's layout, as some exporters write one: binary columns (I an integer, B a double with its
 * decimals set, Y currency, T a date-time), the _NullFlags column FoxPro keeps for itself and the 263 bytes after the
 * field list. Its values come as numbers and a date-time — a 田坎系数 kept as B was unreadable text before, and a B
 * column with decimals made the table refused.
 */
class FoxProDbfTest {
    @TempDir
    Path dir;

    private record Field(String name, char type, int length, int decimals) {
    }

    @Test
    void visualFoxProBinaryColumnsAreNumbersAndDates() throws Exception {
        double[] square = {38430000, 3496000, 38430000, 3496100, 38430100, 3496100, 38430100, 3496000, 38430000, 3496000};
        Files.write(dir.resolve("dltb.shp"), HandmadeShapefile.polygons(new double[][] {square}, new double[][] {square}));
        List<Field> fields = List.of(new Field("DLBM", 'C', 4, 0), new Field("KCXS", 'B', 8, 4), new Field("TBBH", 'I', 4, 0),
                new Field("JE", 'Y', 8, 4), new Field("GXSJ", 'T', 8, 0), new Field("_NullFlags", '0', 1, 0));
        int recordLength = 1 + fields.stream().mapToInt(Field::length).sum();
        int headerLength = 32 + 32 * fields.size() + 1 + 263;
        ByteBuffer b = ByteBuffer.allocate(headerLength + 2 * recordLength + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x30).put(new byte[] {126, 11, 30}).putInt(2).putShort((short) headerLength).putShort((short) recordLength);
        b.position(32);
        int offset = 1;
        for (Field f : fields) {
            int at = b.position();
            b.put(f.name().getBytes(StandardCharsets.US_ASCII)).position(at + 11);
            b.put((byte) f.type()).putInt(offset).put((byte) f.length()).put((byte) f.decimals()).position(at + 32);
            offset += f.length();
        }
        b.put((byte) 0x0D).position(headerLength);
        // 2023-06-30 14:15:16.5 is Julian day 2460126
        writeRecord(b, "0103", 0.0835, 17, 123.4567, 2_460_126, (14 * 3600 + 15 * 60 + 16) * 1000 + 500);
        writeRecord(b, "0101", 0.1, -2, 0, 0, 0);
        b.put((byte) 0x1A);
        Files.write(dir.resolve("dltb.dbf"), b.array());

        List<Feature> read = new ArrayList<>();
        try (DataSources.Opened o = DataSources.open(dir.resolve("dltb.shp").toString(), SourceOptions.DEFAULT)) {
            DataSource s = o.sources().get(0);
            assertFalse(s.layers().get(0).fields().stream().anyMatch(f -> f.name().equals("_NullFlags")));
            s.read(s.layers().get(0).name(), null, null, read::add, p -> { });
        }
        Map<String, Object> a = read.get(0).attributes();
        assertEquals("0103", a.get("DLBM"));
        assertEquals(0.0835, a.get("KCXS"));
        assertEquals(17, a.get("TBBH"));
        assertEquals(123.4567, a.get("JE"));
        assertEquals("2023-06-30T14:15:16.500", a.get("GXSJ"));
        Map<String, Object> c = read.get(1).attributes();
        assertEquals(-2, c.get("TBBH"));
        assertEquals(null, c.get("GXSJ"), "a date-time of day 0 is none");
    }

    private static void writeRecord(ByteBuffer b, String dlbm, double kcxs, int tbbh, double je, int day, int ms) {
        b.put((byte) ' ').put(dlbm.getBytes(StandardCharsets.US_ASCII)).putDouble(kcxs).putInt(tbbh).putLong(Math.round(je * 10_000))
                .putInt(day).putInt(ms).put((byte) 0);
    }
}
