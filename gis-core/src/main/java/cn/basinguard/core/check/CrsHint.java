package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.i18n.Messages;

/**
 * What is probably wrong with the CRS of a site that lies outside the checks' extent: found by reading the same
 * coordinates another way (axes swapped, zone prefix added or removed, another zone, another CRS) and seeing that
 * way put the site inside. {@link Kind#CHECK_CRS} when no other reading does.
 *
 * @param kind what the other reading changes
 * @param suggested the CRS of the reading that puts the site inside; null for {@link Kind#CHECK_CRS}
 * @param swapped whether that reading also swaps the two coordinates
 * @param zonePrefix the zone number found in the eastings, for {@link Kind#ZONE_PREFIX_EXTRA}, {@link Kind#OTHER_ZONE} and
 *     {@link Kind#WRONG_PREFIX}
 */
public record CrsHint(Kind kind, Crs suggested, boolean swapped, Integer zonePrefix) {
    public enum Kind {
        /** longitude/latitude or X/Y in the wrong order */
        SWAPPED_AXES,
        /** a prefixed grid, eastings without the zone number */
        ZONE_PREFIX_MISSING,
        /** an unprefixed grid, eastings with the zone number */
        ZONE_PREFIX_EXTRA,
        /** a Gauss–Krüger zone other than the one declared */
        OTHER_ZONE,
        /** the eastings carry the prefix of another zone than the data's, the rest of the easting fits the data */
        WRONG_PREFIX,
        /** another CRS altogether (lon/lat read as metres, Web Mercator …) */
        OTHER_CRS,
        /** nothing stands out: the planner should check the CRS */
        CHECK_CRS
    }

    static CrsHint checkCrs() {
        return new CrsHint(Kind.CHECK_CRS, null, false, null);
    }

    /** One sentence in the current language; {@code own} is the CRS the site was read in. */
    public String text(Crs own) {
        String ownName = crsName(own);
        String suggestedName = suggested == null ? "" : crsName(suggested);
        String key = kind == Kind.SWAPPED_AXES ? "scope.hint.SWAPPED_AXES." + (own != null && own.isGeographic() ? "lonLat" : "xy")
            : "scope.hint." + kind.name();
        String swappedToo = swapped && kind != Kind.SWAPPED_AXES ? Messages.get("scope.hint.swapped") : "";
        String suggestedZone = suggested == null ? "" : suggested.gaussKruger().map(z -> Integer.toString(z.zone())).orElse("");
        return Messages.get(key, ownName, suggestedName, zonePrefix == null ? "" : zonePrefix.toString(), swappedToo, suggestedZone);
    }

    /** A CRS as the reasons name it: EPSG code and name in the current language; "—" for none. */
    static String crsName(Crs crs) {
        if (crs == null) {
            return "—";
        }
        String n = Messages.locale().getLanguage().equals("en") ? crs.nameEn() : crs.nameZh();
        return crs.epsg() != 0 && !n.startsWith("EPSG:") ? "EPSG:" + crs.epsg() + " " + n : n;
    }
}
