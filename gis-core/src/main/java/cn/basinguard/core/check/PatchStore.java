package cn.basinguard.core.check;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The occupied-patch rows of one check's sites, kept in a temporary file rather than on the heap, each site's rows an
 * immutable list that reads them back when a table, the JSON or a sheet asks. A check of a city's 4,000 sites in a
 * 三调 DLTB finds ~360,000 rows: as records (strings, boxed areas) they were ~80 MB that grew to the end of the check,
 * most of the city check's memory beyond a county's; in the file they cost 4 bytes a row.
 *
 * <p>The file is made at the first rows, opened with {@link StandardOpenOption#DELETE_ON_CLOSE} (on Linux it has no
 * name once open; on Windows the system deletes it when the program ends, however it ends) and closed when no result
 * refers to the store any more. When it cannot be made or written (no temp folder, a full disk), the rows stay in
 * memory as before: a check never fails for want of this file.
 */
final class PatchStore {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final LayerRole[] ROLES = LayerRole.values();

    /** The folder of the file: the system's temp folder but in tests. */
    private final Path folder;
    private Holder file;
    private boolean unusable;
    private long end;

    PatchStore() {
        this(null);
    }

    /** @param folder where the file goes; null for the system's temp folder */
    PatchStore(Path folder) {
        this.folder = folder;
    }

    /** The channel, closed by the cleaner once the store is unreachable. */
    private static final class Holder implements Runnable {
        final FileChannel channel;

        Holder(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void run() {
            try {
                channel.close();
            } catch (IOException e) {
                // the file goes with the program anyway
            }
        }
    }

    /** The rows as an immutable list: kept in the file, or in memory when the file cannot take them. */
    synchronized List<OccupiedPatch> keep(List<OccupiedPatch> rows) {
        if (rows.isEmpty() || unusable) {
            return List.copyOf(rows);
        }
        // rows into a byte buffer by hand: a DataOutputStream on a ByteArrayOutputStream took each int a byte at a time
        // through a synchronised call (3 % of a county check, whose 1,003 sites occupy some 300,000 patches)
        ByteBuffer bytes = ByteBuffer.allocate(rows.size() * 96);
        int[] offsets = new int[rows.size() + 1];
        for (int i = 0; i < rows.size(); i++) {
            offsets[i] = bytes.position();
            bytes = write(bytes, rows.get(i));
        }
        offsets[rows.size()] = bytes.position();
        try {
            if (file == null) {
                Path path = folder == null ? Files.createTempFile("basinguard-patches-", ".bin")
                        : Files.createTempFile(folder, "basinguard-patches-", ".bin");
                FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
                file = new Holder(channel);
                CLEANER.register(this, file);
            }
            ByteBuffer buffer = bytes.flip();
            long at = end;
            while (buffer.hasRemaining()) {
                at += file.channel.write(buffer, at);
            }
            Rows kept = new Rows(this, end, offsets);
            end = at;
            return kept;
        } catch (IOException | RuntimeException e) {
            unusable = true;
            return List.copyOf(rows);
        }
    }

    private byte[] read(long position, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                int n = file.channel.read(buffer, position + buffer.position());
                if (n < 0) {
                    throw new IOException("the rows' file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.array();
    }

    /** The row appended to {@code out} as {@link #readRow} reads it (big-endian); a larger buffer when it is full. */
    private static ByteBuffer write(ByteBuffer out, OccupiedPatch p) {
        byte[][] texts = new byte[7][];
        int size = 1 + 7 * 4 + 1 + 5 * 8;
        String[] strings = {p.id(), p.tbbh(), p.dlbm(), p.dlmc(), p.qsxz(), p.qsdwmc(), p.zldwmc()};
        for (int i = 0; i < strings.length; i++) {
            if (strings[i] != null) {
                texts[i] = strings[i].getBytes(StandardCharsets.UTF_8);
                size += texts[i].length;
            }
        }
        if (out.remaining() < size) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(2 * out.capacity(), out.position() + size));
            out = larger.put(out.flip());
        }
        out.put((byte) p.role().ordinal());
        for (byte[] b : texts) {
            if (b == null) {
                out.putInt(-1);
            } else {
                out.putInt(b.length).put(b);
            }
        }
        out.put((byte) (p.tbmj() != null ? 1 : 0));
        out.putDouble(p.tbmj() == null ? 0 : p.tbmj());
        out.putDouble(p.area().m2()).putDouble(p.area().planarM2());
        out.putDouble(p.patchArea().m2()).putDouble(p.patchArea().planarM2());
        return out;
    }

    private static OccupiedPatch readRow(DataInputStream in) throws IOException {
        LayerRole role = ROLES[in.readUnsignedByte()];
        String[] s = new String[7];
        for (int i = 0; i < s.length; i++) {
            int n = in.readInt();
            if (n >= 0) {
                byte[] b = new byte[n];
                in.readFully(b);
                s[i] = new String(b, StandardCharsets.UTF_8);
            }
        }
        boolean hasTbmj = in.readBoolean();
        double tbmj = in.readDouble();
        MeasuredArea area = new MeasuredArea(in.readDouble(), in.readDouble());
        MeasuredArea patchArea = new MeasuredArea(in.readDouble(), in.readDouble());
        return new OccupiedPatch(role, s[0], s[1], s[2], s[3], s[4], s[5], s[6], hasTbmj ? tbmj : null, area, patchArea);
    }

    /** One site's rows in the file: from {@code base}, row i at {@code offsets[i]}, up to {@code offsets[size]}. */
    static final class Rows extends AbstractList<OccupiedPatch> implements RandomAccess {
        private final PatchStore store;
        private final long base;
        private final int[] offsets;

        private Rows(PatchStore store, long base, int[] offsets) {
            this.store = store;
            this.base = base;
            this.offsets = offsets;
        }

        @Override
        public OccupiedPatch get(int index) {
            java.util.Objects.checkIndex(index, size());
            return decode(store.read(base + offsets[index], offsets[index + 1] - offsets[index]), 1).get(0);
        }

        @Override
        public int size() {
            return offsets.length - 1;
        }

        /** All of the site's rows with one read. */
        private List<OccupiedPatch> all() {
            return java.util.Collections.unmodifiableList(decode(store.read(base, offsets[offsets.length - 1]), size()));
        }

        @Override
        public Iterator<OccupiedPatch> iterator() {
            return all().iterator();
        }

        @Override
        public java.util.Spliterator<OccupiedPatch> spliterator() {
            return all().spliterator();
        }

        @Override
        public void forEach(java.util.function.Consumer<? super OccupiedPatch> action) {
            all().forEach(action);
        }

        private static List<OccupiedPatch> decode(byte[] bytes, int rows) {
            List<OccupiedPatch> out = new ArrayList<>(rows);
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
                for (int i = 0; i < rows; i++) {
                    out.add(readRow(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        }
    }
}
