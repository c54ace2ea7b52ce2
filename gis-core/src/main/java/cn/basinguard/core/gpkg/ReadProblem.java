package cn.basinguard.core.gpkg;

/**
 * A feature that could not be read as it is (a blob that does not parse) or was read with a change (a curve made
 * into straight segments, an unclosed ring closed). The feature is skipped or kept as the kind says; reading goes on.
 *
 * @param layer the table
 * @param fid the feature's key
 * @param kind what happened to the feature
 * @param reason what was wrong, in the user's language (from the core message bundle)
 */
public record ReadProblem(String layer, long fid, Kind kind, String reason) {
    public enum Kind {
        /** left out: the geometry cannot be read */
        SKIPPED,
        /** kept: curves approximated by straight segments */
        LINEARIZED,
        /** kept: a polygon ring that did not end at its first point was closed */
        RING_CLOSED
    }

    public boolean skipped() {
        return kind == Kind.SKIPPED;
    }
}
