package cn.basinguard.core.source;

import java.nio.charset.Charset;

/**
 * How sources are opened, as the user set it.
 *
 * @param dbfEncoding the text encoding of every .dbf, beating .cpg files and language-driver bytes; null to let each
 *                    file say (the common case)
 * @param recursive whether a folder's subfolders are opened too
 */
public record SourceOptions(Charset dbfEncoding, boolean recursive) {
    public static final SourceOptions DEFAULT = new SourceOptions(null, false);
}
