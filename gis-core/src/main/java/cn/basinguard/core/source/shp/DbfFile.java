package cn.basinguard.core.source.shp;

import cn.basinguard.core.GisException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dBase III/IV table (.dbf) read in place: the header and field list once, records on demand, sequentially through
 * a buffer or one at a time by number, so a table of hundreds of thousands of rows is never held in memory. Every
 * size in the header is checked against the file before it is used. Values: C text (trailing blanks removed; blank
 * is null), N/F numbers (Long when they have no decimals, else Double; blank or asterisks are null), D dates
 * (LocalDate; blank or zeros are null), L logicals (Boolean; '?' is null). Positional reads only: several threads
 * may read one table.
 */
final class DbfFile implements AutoCloseable {
    private static final int SAMPLE_BYTES = 64 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final List<DbfField> fields;
    private final int headerLength;
    private final int recordLength;
    private final int declaredRecords;
    private final int records;
    private final DbfEncoding.Decision encoding;

    private DbfFile(Path path, FileChannel channel, List<DbfField> fields, int headerLength, int recordLength,
                    int declaredRecords, int records, DbfEncoding.Decision encoding) {
        this.path = path;
        this.channel = channel;
        this.fields = fields;
        this.headerLength = headerLength;
        this.recordLength = recordLength;
        this.declaredRecords = declaredRecords;
        this.records = records;
        this.encoding = encoding;
    }

    /**
     * Opens a table read-only.
     *
     * @param setting the user's encoding, which beats the file's (null: the file's)
     * @param cpg the text of the .cpg beside it, or null
     * @throws GisException {@code shp.dbf.notDbase} when the header is not a dBase header
     */
    static DbfFile open(Path path, Charset setting, String cpg) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = ch.size();
            ByteBuffer head = ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            readFully(ch, head, 0);
            if (head.position() < 32) {
                throw new GisException("shp.dbf.notDbase", path, "shorter than a dBase header");
            }
            int version = head.get(0) & 0x07;
            int declared = head.getInt(4);
            int headerLength = Short.toUnsignedInt(head.getShort(8));
            int recordLength = Short.toUnsignedInt(head.getShort(10));
            int ldid = head.get(29) & 0xFF;
            if ((version != 3 && version != 4 && version != 5 && version != 0 && version != 2) || headerLength < 33
                || recordLength < 1 || headerLength > size || declared < 0) {
                throw new GisException("shp.dbf.notDbase", path, "header length " + headerLength + ", record length " + recordLength);
            }
            ByteBuffer desc = ByteBuffer.allocate(headerLength - 32);
            readFully(ch, desc, 32);
            byte[] d = desc.array();
            long available = (size - headerLength) / recordLength;
            int records = (int) Math.min(declared, available);
            int sampleLength = (int) Math.min(SAMPLE_BYTES, Math.max(0, size - headerLength));
            ByteBuffer sample = ByteBuffer.allocate(sampleLength);
            readFully(ch, sample, headerLength);
            // field names join the sample: a table with Chinese names but ASCII values is still told apart
            byte[] sampleAndNames = new byte[sampleLength + d.length];
            System.arraycopy(d, 0, sampleAndNames, 0, d.length);
            System.arraycopy(sample.array(), 0, sampleAndNames, d.length, sampleLength);
            DbfEncoding.Decision enc = DbfEncoding.decide(setting, cpg, ldid, sampleAndNames, sampleAndNames.length);
            List<DbfField> fields = fields(path, d, recordLength, enc.charset());
            return new DbfFile(path, ch, fields, headerLength, recordLength, declared, records, enc);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static List<DbfField> fields(Path path, byte[] d, int recordLength, Charset cs) {
        List<DbfField> out = new ArrayList<>();
        int offset = 1;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int at = 0; at + 32 <= d.length && d[at] != 0x0D; at += 32) {
            int end = at;
            while (end < at + 11 && d[end] != 0) {
                end++;
            }
            String name = new String(d, at, end - at, cs).strip();
            char type = (char) (d[at + 11] & 0xFF);
            int length = Byte.toUnsignedInt(d[at + 16]);
            int decimals = Byte.toUnsignedInt(d[at + 17]);
            if (type == 'C') {
                // dBase's wide text columns keep the high byte of the width where numbers keep their decimals (a
                // FoxPro double keeps its decimals there: widened, it ran past the record and the table was refused)
                length += decimals * 256;
                decimals = 0;
            }
            if (length == 0) {
                continue;
            }
            if (type == '0') {
                offset += length; // Visual FoxPro's _NullFlags: its bookkeeping, not a column of the data
                continue;
            }
            if (offset + length > recordLength) {
                throw new GisException("shp.dbf.notDbase", path, "field " + name + " ends at byte " + (offset + length)
                    + " of records of " + recordLength + " bytes");
            }
            String unique = name.isEmpty() ? "FIELD_" + (out.size() + 1) : name;
            for (int k = 2; !names.add(unique.toUpperCase(java.util.Locale.ROOT)); k++) {
                unique = name + "_" + k;
            }
            out.add(new DbfField(unique, type, length, decimals, offset));
            offset += length;
        }
        return List.copyOf(out);
    }

    Path path() {
        return path;
    }

    List<DbfField> fields() {
        return fields;
    }

    DbfEncoding.Decision encoding() {
        return encoding;
    }

    /** Records the file really holds (fewer than declared when it is cut short). */
    int records() {
        return records;
    }

    /** Records the header claims. */
    int declaredRecords() {
        return declaredRecords;
    }

    /** Reads records in order through one buffer. */
    final class Cursor {
        private final ByteBuffer buf;
        private final int[] columns;
        private long bufStart = -1;
        private int bufRecords;
        private int replacementCount;

        Cursor(int[] columns) {
            this.columns = columns;
            int perBuffer = Math.max(1, (1 << 20) / recordLength);
            this.buf = ByteBuffer.allocate(perBuffer * recordLength);
        }

        /** Record {@code i}'s values for the chosen columns, or null when it is marked deleted. */
        Map<String, Object> read(int i) throws IOException {
            long pos = headerLength + (long) i * recordLength;
            if (bufStart < 0 || pos < bufStart || pos + recordLength > bufStart + (long) bufRecords * recordLength) {
                buf.clear();
                int want = (int) Math.min(buf.capacity(), (long) (records - i) * recordLength);
                buf.limit(want);
                readFully(channel, buf, pos);
                bufStart = pos;
                bufRecords = buf.position() / recordLength;
                if (bufRecords == 0) {
                    throw new IOException("record " + i + " is past the end of " + path.getFileName());
                }
            }
            int at = (int) (pos - bufStart);
            byte[] b = buf.array();
            if (b[at] == '*') {
                return null;
            }
            Map<String, Object> row = new LinkedHashMap<>(columns.length * 2);
            for (int c : columns) {
                DbfField f = fields.get(c);
                row.put(f.name(), value(f, b, at + f.offset()));
            }
            return row;
        }

        /** Text values that held bytes the encoding cannot decode (they show U+FFFD), so far. */
        int replacementCount() {
            return replacementCount;
        }

        private Object value(DbfField f, byte[] b, int at) {
            if (f.binary()) {
                return binary(f, b, at);
            }
            int end = at + f.length();
            int start = at;
            while (end > start && (b[end - 1] == ' ' || b[end - 1] == 0)) {
                end--;
            }
            if (f.type() != 'C' && f.type() != 'M') {
                while (start < end && b[start] == ' ') {
                    start++;
                }
            }
            if (start == end) {
                return null;
            }
            switch (f.type()) {
                case 'N', 'F':
                    return number(b, start, end, f.decimals());
                case 'D':
                    return date(b, start, end);
                case 'L':
                    byte v = b[start];
                    return v == 'T' || v == 't' || v == 'Y' || v == 'y' ? Boolean.TRUE
                        : v == 'F' || v == 'f' || v == 'N' || v == 'n' ? Boolean.FALSE : null;
                default:
                    if (ascii(b, start, end)) {
                        // most 三调 values are codes and numbers: plain ASCII, copied without a decoder
                        return new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
                    }
                    String s = new String(b, start, end - start, encoding.charset());
                    if (s.indexOf('\uFFFD') >= 0) {
                        replacementCount++;
                    }
                    return s;
            }
        }
    }

    Cursor cursor(int[] columns) {
        return new Cursor(columns);
    }

    private static boolean ascii(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A Visual FoxPro binary column: I a 32-bit integer, B a double, Y currency (a 64-bit count of ten-thousandths), T
     * a date and time (Julian day and milliseconds), little-endian. Read as text, as they were, a 田坎系数 kept as B
     * was a few unreadable characters and its patches lost their deduction.
     */
    private static Object binary(DbfField f, byte[] b, int at) {
        java.nio.ByteBuffer v = java.nio.ByteBuffer.wrap(b, at, f.length()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return switch (f.type()) {
            case 'I' -> v.getInt();
            case 'B' -> v.getDouble();
            case 'Y' -> v.getLong() / 10_000.0;
            default -> {
                int day = v.getInt();
                int ms = v.getInt();
                if (day == 0) {
                    yield null;
                }
                // Julian day 2440588 is 1970-01-01
                yield java.time.LocalDateTime.of(java.time.LocalDate.ofEpochDay(day - 2_440_588L), java.time.LocalTime.MIDNIGHT)
                        .plusNanos(ms * 1_000_000L).toString();
            }
        };
    }

    private static Object number(byte[] b, int start, int end, int decimals) {
        boolean stars = true;
        boolean integer = true;
        long v = 0;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            stars &= c == '*';
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
            } else if (!(i == start && (c == '-' || c == '+'))) {
                integer = false;
            }
        }
        if (stars) {
            return null;
        }
        boolean digits = end - start > (b[start] == '-' || b[start] == '+' ? 1 : 0);
        if (integer && digits && decimals == 0 && end - start <= 18) {
            return b[start] == '-' ? -v : v;
        }
        String text = new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            double d = Double.parseDouble(text.replace(',', '.'));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null; // as GDAL: a number column with text in it reads as no value
        }
    }

    private static Object date(byte[] b, int start, int end) {
        if (end - start != 8) {
            return null;
        }
        int v = 0;
        for (int i = start; i < end; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return null;
            }
            v = v * 10 + (b[i] - '0');
        }
        if (v == 0) {
            return null;
        }
        try {
            return LocalDate.of(v / 10000, v / 100 % 100, v % 100);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position());
            if (n < 0) {
                break;
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }
}
