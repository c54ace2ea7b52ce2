package cn.basinguard.core.gpkg;

/**
 * A feature that could not be read as it is (a blob that does not parse) or was read with a change (a curve made
 * into straight segments, an unclosed ring closed); or, with {@code fid} −1, something about the layer's features
 * as a whole (rings dropped, text that does not decode in the layer's encoding). The feature is skipped or kept as
 * the kind says; reading goes on.
 *
 * @param layer the table
 * @param fid the feature's key, −1 for the layer as a whole
 * @param kind what happened to the feature
 * @param reason what was wrong, in the user's language (from the core message bundle), or for the layer-wide kinds
 *               the figures the report needs (how many, and the encoding)
 */
public record ReadProblem(String layer, long fid, Kind kind, String reason) {
    public enum Kind {
        /** left out: the geometry cannot be read */
        SKIPPED,
        /** kept: curves approximated by straight segments */
        LINEARIZED,
        /** kept: a polygon ring that did not end at its first point was closed */
        RING_CLOSED,
        /** layer-wide: rings of fewer than three distinct points were left out (the reason holds how many) */
        RINGS_DROPPED,
        /** layer-wide: text values hold bytes the layer's encoding cannot decode (reason: how many, encoding) */
        UNDECODABLE_TEXT
    }

    public boolean skipped() {
        return kind == Kind.SKIPPED;
    }
}
