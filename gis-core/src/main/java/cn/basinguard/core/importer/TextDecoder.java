package cn.basinguard.core.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text files from Chinese offices: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 —
 * which reads GBK files alike and also the characters GBK lacks (㵐, U+3D50, in the names of this district's rivers).
 */
final class TextDecoder {
    static final Charset GB18030 = cn.basinguard.core.source.shp.DbfEncoding.GB18030;

    private TextDecoder() {
    }

    /** The decoded text, BOM removed. */
    static String decode(byte[] bytes) {
        int start = hasBom(bytes) ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            // strict UTF-8 first: GB18030 bytes are almost never valid UTF-8, while UTF-8 bytes often decode as GB18030 garbage
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(buf).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, GB18030);
        }
    }

    private static boolean hasBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }
}
