package cn.basinguard.core.source;

import cn.basinguard.core.crs.BursaWolf;
import cn.basinguard.core.crs.Crs;
import java.nio.charset.Charset;
import java.util.List;

/**
 * How sources are opened, as the user set it.
 *
 * @param dbfEncoding the text encoding of every .dbf, beating .cpg files and language-driver bytes; null to let each
 *                    file say (the common case)
 * @param recursive whether a folder's subfolders are opened too
 * @param datumShifts seven-parameter sets for layers in Xi'an 1980 or Beijing 1954 (at most one per datum): every
 *                    layer in that datum is moved to CGCS2000 with them
 */
public record SourceOptions(Charset dbfEncoding, boolean recursive, List<BursaWolf> datumShifts) {
    public static final SourceOptions DEFAULT = new SourceOptions(null, false, List.of());

    public SourceOptions {
        datumShifts = List.copyOf(datumShifts);
    }

    public SourceOptions(Charset dbfEncoding, boolean recursive) {
        this(dbfEncoding, recursive, List.of());
    }

    /** The CRS a layer declares, with the user's datum parameters when there are some for its datum. */
    public Crs withShift(Crs crs) {
        if (crs == null) {
            return null;
        }
        for (BursaWolf p : datumShifts) {
            if (p.datum() == crs.datum()) {
                return crs.withDatumShift(p);
            }
        }
        return crs;
    }
}
