package cn.basinguard.core.gpkg;

/**
 * A feature that could not be read as it is (a blob that does not parse) or was read approximately (a curve made
 * into straight segments). The feature is skipped or kept as the case says; reading goes on.
 *
 * @param layer the table
 * @param fid the feature's key
 * @param skipped true when the feature was left out
 * @param reason what was wrong, in the reader's words (English, technical; the UI wraps it)
 */
public record ReadProblem(String layer, long fid, boolean skipped, String reason) {
}
