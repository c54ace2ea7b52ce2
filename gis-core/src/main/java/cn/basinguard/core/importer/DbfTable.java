package cn.basinguard.core.importer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The attribute rows of a dBASE III .dbf. The text encoding is decided as the Shapefile source decides it
 * ({@link cn.basinguard.core.source.shp.DbfEncoding}): the .cpg, else the language-driver byte, else UTF-8 when the
 * bytes are valid UTF-8 and GB18030 otherwise — never GBK, which lacks characters of local names (㵐, U+3D50).
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

    /** The charset a .cpg names, as the Shapefile source reads it (Chinese ones as GB18030); null when unknown. */
    static Charset charsetFromCpg(String cpg) {
        return cn.basinguard.core.source.shp.DbfEncoding.fromCpg(cpg);
    }

    /** @param charset the .cpg encoding; null to detect */
    static DbfTable parse(byte[] bytes, Charset charset) {
        return parse(bytes, charset, new ArrayList<>());
    }

    /**
     * The rows the file holds. Every size in the header is checked against the bytes present before it is used: a
     * header, field list or record count that runs past the end of the file reads what is there and says so in
     * {@code problems} (message keys of the core bundle, already localized).
     *
     * @param charset the .cpg encoding; null to detect
     */
    static DbfTable parse(byte[] bytes, Charset charset, List<String> problems) {
        if (bytes.length < 32) {
            problems.add(cn.basinguard.core.i18n.Messages.get("import.dbf.noHeader"));
            return new DbfTable(List.of(), false);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long count = Integer.toUnsignedLong(b.getInt(4));
        int headerLength = Short.toUnsignedInt(b.getShort(8));
        int recordLength = Short.toUnsignedInt(b.getShort(10));
        if (charset == null) {
            // as the Shapefile source decides: the language-driver byte, else UTF-8 when the bytes are, else GB18030
            byte[] records = java.util.Arrays.copyOfRange(bytes, Math.min(headerLength, bytes.length), bytes.length);
            charset = cn.basinguard.core.source.shp.DbfEncoding.decide(null, null, Byte.toUnsignedInt(bytes[29]), records, records.length).charset();
        }
        if (headerLength > bytes.length) {
            problems.add(cn.basinguard.core.i18n.Messages.get("import.dbf.headerPastEnd", headerLength, bytes.length));
            headerLength = bytes.length;
        }
        List<Field> fields = new ArrayList<>();
        int width = 1; // the deletion flag
        for (int at = 32; at + 32 <= headerLength && bytes[at] != 0x0D; at += 32) {
            int end = at;
            while (end < at + 11 && bytes[end] != 0) {
                end++;
            }
            Field f = new Field(new String(bytes, at, end - at, charset).strip(), (char) bytes[at + 11],
                Byte.toUnsignedInt(bytes[at + 16]), Byte.toUnsignedInt(bytes[at + 17]));
            if (width + f.length() > recordLength) {
                // a field that does not fit in the record would read the next record's bytes (or past the file)
                problems.add(cn.basinguard.core.i18n.Messages.get("import.dbf.fieldPastRecord", oneLine(f.name()), recordLength));
                break;
            }
            width += f.length();
            fields.add(f);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long present = recordLength == 0 ? 0 : (bytes.length - headerLength) / recordLength;
        boolean truncated = count > present;
        long readable = Math.min(count, present);
        for (long r = 0; r < readable; r++) {
            int at = (int) (headerLength + r * recordLength);
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

    /** A name from the file as one line of a message: control characters (a damaged header has any) become spaces. */
    static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
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
