package cn.basinguard.core.source.shp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;

/**
 * The geometry file of a Shapefile (.shp) with its record index: taken from the .shx when there is one (the
 * Shapefile's own random-access index), else found by one pass over the record headers. Records are read in place —
 * sequentially through a 1 MB window, or one at a time by number — never the whole file at once. Every offset and
 * length is checked against the file's real size. Positional reads only: several threads may read one file.
 */
final class ShpFile implements AutoCloseable {
    static final int HEADER = 100;
    private static final int FILE_CODE = 9994;
    /** No real record is this big (a 30-million-vertex polygon); a larger length is damage, not data. */
    private static final int MAX_RECORD = 512 << 20;
    private static final int WINDOW = 1 << 20;

    /** What opening found, for the source's warnings. */
    record Notes(boolean noShx, boolean shxMismatch, int truncatedAt, boolean lengthMismatch) {
    }

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final ShapeType type;
    private final Envelope extent;
    private final long[] offsets;
    private final int[] lengths;
    private final Notes notes;
    private volatile double[] bounds;

    private ShpFile(Path path, FileChannel channel, long size, ShapeType type, Envelope extent, long[] offsets,
                    int[] lengths, Notes notes) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.type = type;
        this.extent = extent;
        this.offsets = offsets;
        this.lengths = lengths;
        this.notes = notes;
    }

    /** A file that is not a Shapefile (bad file code, short header); the message names what was found. */
    static final class NotShapefile extends IOException {
        NotShapefile(String message) {
            super(message);
        }
    }

    static ShpFile open(Path shp, Path shx) throws IOException {
        FileChannel ch = FileChannel.open(shp, StandardOpenOption.READ);
        try {
            long size = ch.size();
            ByteBuffer h = ByteBuffer.allocate(HEADER);
            read(ch, h, 0);
            if (h.position() < HEADER) {
                throw new NotShapefile("shorter than the 100-byte header (" + size + " bytes)");
            }
            int code = h.order(ByteOrder.BIG_ENDIAN).getInt(0);
            if (code != FILE_CODE) {
                throw new NotShapefile("file code " + code + ", not 9994");
            }
            long declaredLength = 2L * Integer.toUnsignedLong(h.getInt(24));
            h.order(ByteOrder.LITTLE_ENDIAN);
            ShapeType type = ShapeType.of(h.getInt(32));
            if (type == null) {
                throw new NotShapefile("unknown shape type " + h.getInt(32));
            }
            double minX = h.getDouble(36);
            double minY = h.getDouble(44);
            double maxX = h.getDouble(52);
            double maxY = h.getDouble(60);
            Envelope extent = Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY)
                && minX <= maxX && minY <= maxY ? new Envelope(minX, maxX, minY, maxY) : null;
            Index index = shx == null ? null : fromShx(shx, size);
            boolean shxMismatch = false;
            if (index == null) {
                index = scan(ch, size);
                shxMismatch = shx != null;
            }
            Notes notes = new Notes(shx == null, shxMismatch, index.truncatedAt, declaredLength != size);
            return new ShpFile(shp, ch, size, type, extent, index.offsets, index.lengths, notes);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private record Index(long[] offsets, int[] lengths, int truncatedAt) {
    }

    /** The .shx's record offsets and lengths; null when the .shx is not one (then the .shp is scanned instead). */
    private static Index fromShx(Path shx, long shpSize) throws IOException {
        try (FileChannel ch = FileChannel.open(shx, StandardOpenOption.READ)) {
            long shxSize = ch.size();
            if (shxSize < HEADER || (shxSize - HEADER) % 8 != 0 && shxSize - HEADER < 8) {
                return null;
            }
            ByteBuffer h = ByteBuffer.allocate(HEADER);
            read(ch, h, 0);
            if (h.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
                return null;
            }
            int n = (int) Math.min(Integer.MAX_VALUE - 8, (shxSize - HEADER) / 8);
            long[] offsets = new long[n];
            int[] lengths = new int[n];
            ByteBuffer b = ByteBuffer.allocate(64 * 1024).order(ByteOrder.BIG_ENDIAN);
            int i = 0;
            long pos = HEADER;
            while (i < n) {
                b.clear();
                b.limit((int) Math.min(b.capacity(), 8L * (n - i)));
                read(ch, b, pos);
                int got = b.position() / 8;
                if (got == 0) {
                    break;
                }
                for (int k = 0; k < got; k++, i++) {
                    offsets[i] = 2L * Integer.toUnsignedLong(b.getInt(8 * k));
                    lengths[i] = (int) Math.min(Integer.MAX_VALUE, 2L * Integer.toUnsignedLong(b.getInt(8 * k + 4)));
                }
                pos += 8L * got;
            }
            int truncatedAt = -1;
            for (int k = 0; k < i; k++) {
                if (offsets[k] < HEADER || offsets[k] + 8 + lengths[k] > shpSize) {
                    truncatedAt = k;
                    break;
                }
            }
            int usable = truncatedAt < 0 ? i : truncatedAt;
            return new Index(Arrays.copyOf(offsets, usable), Arrays.copyOf(lengths, usable), truncatedAt);
        }
    }

    /** Finds the records by walking their headers, as readers must when the .shx is missing or not an index. */
    private static Index scan(FileChannel ch, long size) throws IOException {
        long[] offsets = new long[1024];
        int[] lengths = new int[1024];
        int n = 0;
        int truncatedAt = -1;
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        long at = HEADER;
        while (at + 8 <= size) {
            h.clear();
            read(ch, h, at);
            long content = 2L * h.getInt(4);
            if (content < 4 || at + 8 + content > size) {
                truncatedAt = n;
                break;
            }
            if (n == offsets.length) {
                offsets = Arrays.copyOf(offsets, n * 2);
                lengths = Arrays.copyOf(lengths, n * 2);
            }
            offsets[n] = at;
            lengths[n] = (int) content;
            n++;
            at += 8 + content;
        }
        if (truncatedAt < 0 && at != size) {
            truncatedAt = n;
        }
        return new Index(Arrays.copyOf(offsets, n), Arrays.copyOf(lengths, n), truncatedAt);
    }

    Path path() {
        return path;
    }

    ShapeType type() {
        return type;
    }

    /** The extent the header states, null when it states none that is usable. */
    Envelope extent() {
        return extent == null ? null : new Envelope(extent);
    }

    int count() {
        return offsets.length;
    }

    Notes notes() {
        return notes;
    }

    /** Reads record contents in increasing order through one window; not thread-safe, one per reading thread. */
    final class Reader {
        private byte[] window = new byte[0];
        private long windowStart = -1;
        private int windowLength;
        private byte[] big;
        private int contentAt;

        /**
         * Makes record {@code i}'s content available as {@link #bytes()} from {@link #at()}; returns its length.
         *
         * @throws ShapeDecoder.BadShape when the record claims more bytes than a record can have
         */
        int load(int i) throws IOException, ShapeDecoder.BadShape {
            long start = offsets[i] + 8;
            int length = lengths[i];
            if (length > MAX_RECORD) {
                throw new ShapeDecoder.BadShape("record claims " + length + " bytes");
            }
            if (windowStart >= 0 && start >= windowStart && start + length <= windowStart + windowLength) {
                contentAt = (int) (start - windowStart);
                return length;
            }
            if (length > WINDOW) {
                big = big != null && big.length >= length ? big : new byte[length];
                ByteBuffer b = ByteBuffer.wrap(big, 0, length);
                read(channel, b, start);
                if (b.position() < length) {
                    throw new ShapeDecoder.BadShape("record ends past the end of the file");
                }
                contentAt = -1;
                return length;
            }
            if (window.length < WINDOW) {
                window = new byte[WINDOW];
            }
            ByteBuffer b = ByteBuffer.wrap(window, 0, (int) Math.min(WINDOW, size - start));
            read(channel, b, start);
            windowStart = start;
            windowLength = b.position();
            if (windowLength < length) {
                throw new ShapeDecoder.BadShape("record ends past the end of the file");
            }
            contentAt = 0;
            return length;
        }

        /** The array holding the loaded record's content. */
        byte[] bytes() {
            return contentAt < 0 ? big : window;
        }

        /** Where in {@link #bytes()} the content starts. */
        int at() {
            return Math.max(contentAt, 0);
        }
    }

    Reader reader() {
        return new Reader();
    }

    /**
     * Each record's box as minX, minY, maxX, maxY at 4i … 4i+3 (NaN for a Null or unreadable record), read once from
     * the record headers for queries by area.
     */
    double[] bounds() throws IOException {
        double[] b = bounds;
        if (b == null) {
            synchronized (this) {
                b = bounds;
                if (b == null) {
                    b = readBounds();
                    bounds = b;
                }
            }
        }
        return b;
    }

    private double[] readBounds() throws IOException {
        double[] out = new double[4 * offsets.length];
        Arrays.fill(out, Double.NaN);
        Reader r = reader();
        byte[] head = new byte[36];
        for (int i = 0; i < offsets.length; i++) {
            int length;
            try {
                length = r.load(i);
            } catch (ShapeDecoder.BadShape e) {
                continue;
            }
            int n = Math.min(36, length);
            System.arraycopy(r.bytes(), r.at(), head, 0, n);
            Envelope e = ShapeDecoder.bounds(head, n);
            if (e != null) {
                out[4 * i] = e.getMinX();
                out[4 * i + 1] = e.getMinY();
                out[4 * i + 2] = e.getMaxX();
                out[4 * i + 3] = e.getMaxY();
            }
        }
        return out;
    }

    private static void read(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
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
