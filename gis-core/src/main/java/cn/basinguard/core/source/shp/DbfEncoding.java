package cn.basinguard.core.source.shp;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text encoding of a .dbf: the .cpg when there is one, else the language-driver byte of the header, else a look
 * at the bytes — valid UTF-8 with non-ASCII text is UTF-8, anything else is Chinese office data. Chinese data declared
 * as GBK, CP936 or GB2312 is read as GB18030, GBK's superset: characters beyond GBK such as 㵐 (U+3D50, in the unit
 * name 㵐水片区) are only representable in GB18030, so a file that declares GBK and holds them was written as GB18030
 * by the tool that made it, and reading GB18030 changes nothing for text that is plain GBK.
 */
public final class DbfEncoding {
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** How the encoding was decided, for the layer's description and for messages. */
    public enum Basis { SETTING, CPG, LANGUAGE_DRIVER, DETECTED }

    /** The encoding and why. */
    public record Decision(Charset charset, Basis basis, String declared) {
    }

    private DbfEncoding() {
    }

    /** The charset a .cpg names, Chinese ones widened to GB18030; null when the name is unknown. */
    public static Charset fromCpg(String cpg) {
        String c = cpg.strip().toUpperCase(Locale.ROOT);
        if (c.startsWith("ANSI ")) {
            c = c.substring(5).strip();
        }
        if (c.isEmpty()) {
            return null;
        }
        if (c.equals("936") || c.equals("CP936") || c.equals("MS936") || c.equals("GBK") || c.startsWith("GB2312")
            || c.startsWith("GB18030") || c.equals("GB_2312-80") || c.equals("EUC-CN") || c.equals("54936")) {
            return GB18030;
        }
        if (c.equals("UTF-8") || c.equals("UTF8") || c.equals("65001")) {
            return StandardCharsets.UTF_8;
        }
        if (c.matches("\\d{3,5}")) {
            c = (c.equals("28591") ? "ISO-8859-1" : "CP" + c);
        }
        try {
            return Charset.forName(c);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The charset a dBase language-driver id (header byte 29) names, or null when it names none or the system's
     * code page (0x57 "ANSI"), which the bytes then decide. Ids from the dBase/ArcGIS tables.
     */
    public static Charset fromLanguageDriver(int ldid) {
        return switch (ldid) {
            case 0x4D, 0x7A -> GB18030; // 936 Chinese (PRC) GBK
            case 0x4E -> Charset.forName("CP949");
            case 0x4F, 0x78 -> Charset.forName("Big5");
            case 0x7B, 0x13 -> Charset.forName("Shift_JIS");
            case 0x01 -> Charset.forName("IBM437");
            case 0x02 -> Charset.forName("IBM850");
            case 0x03 -> Charset.forName("windows-1252");
            default -> null;
        };
    }

    /**
     * Decides the encoding.
     *
     * @param setting the user's choice, which beats everything (null: none)
     * @param cpg the .cpg text (null: no .cpg)
     * @param ldid the language-driver byte
     * @param sample the first records' bytes, to tell UTF-8 from GB18030 when nothing else says
     */
    public static Decision decide(Charset setting, String cpg, int ldid, byte[] sample, int sampleLength) {
        if (setting != null) {
            return new Decision(widen(setting), Basis.SETTING, setting.name());
        }
        if (cpg != null) {
            Charset c = fromCpg(cpg);
            if (c != null) {
                return new Decision(c, Basis.CPG, cpg.strip());
            }
        }
        Charset byLdid = fromLanguageDriver(ldid);
        if (byLdid != null) {
            return new Decision(byLdid, Basis.LANGUAGE_DRIVER, "0x" + Integer.toHexString(ldid).toUpperCase(Locale.ROOT));
        }
        return new Decision(looksUtf8(sample, sampleLength) ? StandardCharsets.UTF_8 : GB18030, Basis.DETECTED, null);
    }

    /** A user's GBK or GB2312 is GB18030 too, for the reason the class comment gives. */
    static Charset widen(Charset c) {
        String n = c.name().toUpperCase(Locale.ROOT);
        return n.equals("GBK") || n.equals("GB2312") || n.equals("X-MS936") || n.equals("MS936") ? GB18030 : c;
    }

    /** True when the bytes hold non-ASCII text and all of it is valid UTF-8 (a cut character at the end allowed). */
    static boolean looksUtf8(byte[] b, int length) {
        boolean nonAscii = false;
        for (int i = 0; i < length; i++) {
            if (b[i] < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) {
            return false;
        }
        // not the end of the input: a character cut off at the end of the sample is not an error
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(length);
        return !StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, length), out, false).isError();
    }
}
