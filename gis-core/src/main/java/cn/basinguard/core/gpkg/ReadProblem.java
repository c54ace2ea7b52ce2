package cn.basinguard.core.gpkg;

/**
 * A feature that could not be read as it is (a blob that does not parse), was read approximately (a curve made into
 * straight segments) or was mended on the way (an unclosed ring closed); or, with {@code fid} −1, something about
 * the layer's features as a whole (text that does not decode in the layer's encoding). The feature is skipped or
 * kept as the case says; reading goes on.
 *
 * @param layer the table
 * @param fid the feature's key, −1 for the layer as a whole
 * @param skipped true when the feature was left out
 * @param reason what was wrong, in the reader's words (English, technical; the UI wraps it)
 * @param kind what sort of problem, so a report can say it in the user's words
 */
public record ReadProblem(String layer, long fid, boolean skipped, String reason, Kind kind) {
    public enum Kind {
        /** the feature could not be read and was left out */
        UNREADABLE,
        /** curves were approximated by straight segments */
        LINEARIZED,
        /** rings that were not closed were closed (the reason holds how many) */
        RINGS_CLOSED,
        /** rings of fewer than three distinct points were left out (the reason holds how many) */
        RINGS_DROPPED,
        /** text values hold bytes the layer's encoding cannot decode (the reason holds how many and the encoding) */
        UNDECODABLE_TEXT
    }

    /** A feature left out ({@code skipped}) or a curve made straight, as the GeoPackage reader reports them. */
    public ReadProblem(String layer, long fid, boolean skipped, String reason) {
        this(layer, fid, skipped, reason, skipped ? Kind.UNREADABLE : Kind.LINEARIZED);
    }
}
