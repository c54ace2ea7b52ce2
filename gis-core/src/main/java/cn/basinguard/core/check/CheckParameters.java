package cn.basinguard.core.check;

/**
 * The settings a check ran with; they are part of every sheet's fingerprint.
 *
 * @param minOverlapM2 overlaps smaller than this (m², ellipsoidal) are numerical noise along shared edges and are
 *                     not counted; 0.01 m² is the resolution of a TBMJ figure
 */
public record CheckParameters(double minOverlapM2) {
    public static final CheckParameters DEFAULT = new CheckParameters(0.01);
}
