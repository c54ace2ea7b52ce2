package cn.basinguard.core.check;

import cn.basinguard.core.i18n.Messages;

/**
 * A problem found in the data: reported, repaired for the computation where that is safe, never silently dropped
 * and never written back to the source.
 *
 * @param kind what is wrong
 * @param source the layer as the user knows it ("file.gpkg / 耕地")
 * @param featureId the feature's id in its layer (patch id or fid), null for a layer-wide issue
 * @param detail what exactly (the validator's reason, the coordinates), in the data's own terms
 * @param handling what the checks did about it
 */
public record DataQualityIssue(Kind kind, String source, String featureId, String detail, Handling handling) {
    public enum Kind {
        INVALID_GEOMETRY, NULL_GEOMETRY, EMPTY_GEOMETRY, UNREADABLE_FEATURE, OUTSIDE_UNITS, MISSING_CRS, EMPTY_LAYER,
        APPROXIMATE_DATUM, LINEARIZED_CURVES, NOT_POLYGONAL, RINGS_DROPPED, UNDECODABLE_TEXT, SOURCE_WARNING
    }

    public enum Handling {
        /** repaired for the computation with JTS GeometryFixer; the source keeps its geometry */
        REPAIRED,
        /** left out of the area figures (nothing to measure), listed here */
        EXCLUDED,
        /** used as it is; the figure carries the caveat */
        USED_AS_IS
    }

    /** One line for the summary, the sheet and the window, in the current language. */
    public String describe() {
        String what = Messages.get("dq." + kind.name(), detail == null ? "" : detail);
        String where = featureId == null ? source : source + " #" + featureId;
        return Messages.get("dq.line", where, what, Messages.get("dq.handling." + handling.name()));
    }
}
