package cn.basinguard.core.importer;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.DatumFamily;
import cn.basinguard.core.i18n.Messages;
import java.util.List;
import java.util.Map;

/**
 * The CRS of a land-approval TXT from its header (坐标系, 几度分带, 带号) and the zone prefix on its eastings.
 * The prefix is trusted over 带号 because published samples contradict their own 带号 (cn-standards §2.1).
 */
final class TxtCrsResolver {
    private TxtCrsResolver() {
    }

    /** @param prefixZone the zone number found as easting prefix; 0 when the eastings carry none */
    static Crs resolve(Map<String, String> header, int prefixZone, List<ImportProblem> problems) {
        DatumFamily datum = datum(header.getOrDefault("坐标系", ""));
        if (datum == null) {
            problems.add(new ImportProblem(0, Messages.get("import.txt.noDatum", header.getOrDefault("坐标系", ""))));
            return null;
        }
        if (datum == DatumFamily.XIAN1980 || datum == DatumFamily.BEIJING1954) {
            problems.add(new ImportProblem(0, Messages.get("import.txt.oldDatum", datum.nameZh())));
        }
        if (datum == DatumFamily.WGS84) {
            // no national GK grid exists on WGS84; CGCS2000 agrees with it well under a metre
            problems.add(new ImportProblem(0, Messages.get("import.txt.wgs84Grid")));
            datum = DatumFamily.CGCS2000;
        }
        Integer width = intValue("几度分带", header.get("几度分带"), problems);
        Integer zoneHeader = intValue("带号", header.get("带号"), problems);
        int zone = prefixZone > 0 ? prefixZone : zoneHeader == null ? 0 : zoneHeader;
        if (width == null || (width != 3 && width != 6)) {
            width = widthOfZone(zone);
            if (width == null) {
                problems.add(new ImportProblem(0, Messages.get("import.txt.noZone")));
                return null;
            }
            problems.add(new ImportProblem(0, Messages.get("import.txt.widthGuessed", width, zone)));
        }
        if (zone == 0) {
            problems.add(new ImportProblem(0, Messages.get("import.txt.noZone")));
            return null;
        }
        if (prefixZone > 0 && zoneHeader != null && zoneHeader != prefixZone) {
            problems.add(new ImportProblem(0, Messages.get("import.txt.zoneMismatch", zoneHeader, prefixZone)));
        }
        try {
            return grid(datum, zone, width, prefixZone > 0);
        } catch (RuntimeException e) {
            problems.add(new ImportProblem(0, Messages.get("import.txt.zoneOutOfRange", zone, width)));
            return null;
        }
    }

    /** 3° zones are numbered 25–45 in China and 6° zones 13–23, so the number tells the width; null for zone 0. */
    static Integer widthOfZone(int zone) {
        return zone >= 24 ? Integer.valueOf(3) : zone > 0 ? Integer.valueOf(6) : null;
    }

    /** The national grid of a zone number; a GisException when the zone is outside China. */
    static Crs grid(DatumFamily datum, int zone, int width, boolean prefixed) {
        int cm = width == 3 ? 3 * zone : 6 * zone - 3;
        return CrsRegistry.gkZoneFor(datum, cm, width, prefixed);
    }

    private static DatumFamily datum(String text) {
        String t = text.toUpperCase().replace(" ", "");
        if (t.contains("2000")) {
            return DatumFamily.CGCS2000;
        }
        if (t.contains("80") || t.contains("西安")) {
            return DatumFamily.XIAN1980;
        }
        if (t.contains("54") || t.contains("北京")) {
            return DatumFamily.BEIJING1954;
        }
        if (t.contains("WGS")) {
            return DatumFamily.WGS84;
        }
        return null;
    }

    /** The digits of a header value as a number; null (and a problem when there were digits) when there is none. */
    private static Integer intValue(String field, String s, List<ImportProblem> problems) {
        if (s == null) {
            return null;
        }
        String digits = s.replaceAll("[^0-9]", "").replaceFirst("^0+(?=.)", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.length() > 3) {
            // zones are numbered below 100 and widths are 3 or 6: a longer number is a typo, not a zone
            problems.add(new ImportProblem(0, Messages.get("import.txt.badHeaderNumber", field, s)));
            return null;
        }
        return Integer.valueOf(digits);
    }
}
