package cn.basinguard.core.importer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The attribute rows of a dBASE III .dbf. The text encoding comes from the .cpg when there is one; without it, bytes
 * that are valid UTF-8 are read as UTF-8 and anything else as GBK, the encoding of Chinese design-institute exports.
 */
final class DbfTable {
    private record Field(String name, char type, int length, int decimals) {
    }

    private final List<Map<String, Object>> rows;
    private final boolean truncated;

    private DbfTable(List<Map<String, Object>> rows, boolean truncated) {
        this.rows = rows;
        this.truncated = truncated;
    }

    List<Map<String, Object>> rows() {
        return rows;
    }

    boolean truncated() {
        return truncated;
    }

    static Charset charsetFromCpg(String cpg) {
        String c = cpg.strip().toUpperCase(Locale.ROOT);
        if (c.equals("936") || c.equals("CP936") || c.startsWith("GB")) {
            return TextDecoder.GBK;
        }
        if (c.startsWith("UTF") || c.equals("65001")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(c);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** @param charset the .cpg encoding; null to detect */
    static DbfTable parse(byte[] bytes, Charset charset) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt(4);
        int headerLength = Short.toUnsignedInt(b.getShort(8));
        int recordLength = Short.toUnsignedInt(b.getShort(10));
        if (charset == null) {
            byte[] body = java.util.Arrays.copyOfRange(bytes, Math.min(32, bytes.length), bytes.length);
            charset = TextDecoder.isStrictUtf8(body) ? StandardCharsets.UTF_8 : TextDecoder.GBK;
        }
        List<Field> fields = new ArrayList<>();
        for (int at = 32; at + 32 <= headerLength && bytes[at] != 0x0D; at += 32) {
            int end = at;
            while (end < at + 11 && bytes[end] != 0) {
                end++;
            }
            fields.add(new Field(new String(bytes, at, end - at, charset).strip(), (char) bytes[at + 11],
                Byte.toUnsignedInt(bytes[at + 16]), Byte.toUnsignedInt(bytes[at + 17])));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean truncated = false;
        for (int r = 0; r < count; r++) {
            int at = headerLength + r * recordLength;
            if (at + recordLength > bytes.length) {
                truncated = true;
                break;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            int pos = at + 1;
            for (Field f : fields) {
                row.put(f.name(), value(f, new String(bytes, pos, f.length(), charset).strip()));
                pos += f.length();
            }
            rows.add(row);
        }
        return new DbfTable(rows, truncated);
    }

    private static Object value(Field f, String text) {
        if (text.isEmpty() || text.chars().allMatch(ch -> ch == '*')) {
            return null;
        }
        try {
            return switch (f.type()) {
                case 'N', 'F' -> f.decimals() == 0 && !text.contains(".") ? (Object) Long.parseLong(text)
                    : (Object) Double.parseDouble(text);
                case 'L' -> "YyTt".indexOf(text.charAt(0)) >= 0;
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
