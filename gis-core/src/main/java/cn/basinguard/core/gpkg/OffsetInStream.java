package cn.basinguard.core.gpkg;

import org.locationtech.jts.io.InStream;

/** Feeds JTS's WKB reader from the middle of a blob, so the WKB after a GeoPackage header is not copied out. */
final class OffsetInStream implements InStream {
    private byte[] buffer;
    private int position;

    void reset(byte[] buffer, int offset) {
        this.buffer = buffer;
        this.position = offset;
    }

    @Override
    public int read(byte[] buf) {
        int n = Math.min(buf.length, buffer.length - position);
        if (n <= 0) {
            return 0;
        }
        System.arraycopy(buffer, position, buf, 0, n);
        position += n;
        return n;
    }
}
