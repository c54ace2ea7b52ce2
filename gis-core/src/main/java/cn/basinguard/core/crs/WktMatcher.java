package cn.basinguard.core.crs;

import cn.basinguard.core.GisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds the EPSG code of a CRS given as WKT. GeoPackages written by ArcGIS, QGIS or Chinese survey tools often carry
 * no code at all ("CGCS2000_3_Degree_GK_CM_114E"), so after the CRS's own authority tag the datum and the
 * Gauss–Krüger parameters decide. Anything that is not clearly one of the national grids stays unmatched rather
 * than guessed.
 */
final class WktMatcher {
    private static final String[] PROJECTED = {"PROJCS", "PROJCRS", "PROJECTEDCRS"};
    private static final String[] GEOGRAPHIC = {"GEOGCS", "GEOGCRS", "GEOGRAPHICCRS", "GEODCRS", "GEODETICCRS"};
    private static final String[] BASE_GEOGRAPHIC = {"GEOGCS", "BASEGEOGCRS", "BASEGEODCRS", "GEOGCRS", "GEODCRS"};

    private WktMatcher() {
    }

    static Optional<Integer> match(String wkt) {
        if (wkt == null || wkt.isBlank()) {
            return Optional.empty();
        }
        Optional<WktNode> parsed = WktNode.parse(wkt.trim());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        WktNode root = horizontal(parsed.get());
        OptionalInt tagged = authorityCode(root);
        if (tagged.isPresent() && CrsRegistry.isKnown(tagged.getAsInt())) {
            return Optional.of(tagged.getAsInt());
        }
        if (root.is(GEOGRAPHIC)) {
            return geographicCode(datumOf(root));
        }
        if (root.is(PROJECTED)) {
            return projectedCode(root);
        }
        return Optional.empty();
    }

    /**
     * The horizontal CRS inside the wrappers PROJ and GDAL put around it: a WKT2 BOUNDCRS (written when the data
     * carries TOWGS84 parameters) or a compound CRS with heights.
     */
    private static WktNode horizontal(WktNode root) {
        if (root.is("BOUNDCRS")) {
            return root.child("SOURCECRS").flatMap(s -> s.args().stream().filter(WktNode.class::isInstance)
                .map(WktNode.class::cast).findFirst()).map(WktMatcher::horizontal).orElse(root);
        }
        if (root.is("COMPD_CS", "COMPOUNDCRS")) {
            List<WktNode> parts = new ArrayList<>(root.children(PROJECTED));
            parts.addAll(root.children(GEOGRAPHIC));
            return parts.isEmpty() ? root : parts.get(0);
        }
        return root;
    }

    /** The CRS's own tag, a direct child of the root; tags deeper down belong to the datum, units and so on. */
    private static OptionalInt authorityCode(WktNode root) {
        for (WktNode tag : root.children("AUTHORITY", "ID")) {
            String authority = tag.text(0);
            String code = tag.text(1);
            // ArcGIS writes its own authority, and reuses EPSG's numbers below 32768
            boolean epsgNumbered = "EPSG".equalsIgnoreCase(authority) || "ESRI".equalsIgnoreCase(authority);
            // an EPSG code has at most 6 digits; a longer number is no code (and would not fit an int)
            if (epsgNumbered && code != null && code.matches("\\d{1,9}")) {
                int c = Integer.parseInt(code);
                if ("EPSG".equalsIgnoreCase(authority) || c < 32768) {
                    return OptionalInt.of(c);
                }
            }
        }
        return OptionalInt.empty();
    }

    private static Optional<Integer> geographicCode(DatumFamily datum) {
        return switch (datum) {
            case CGCS2000 -> Optional.of(4490);
            case WGS84 -> Optional.of(4326);
            case XIAN1980 -> Optional.of(4610);
            case BEIJING1954 -> Optional.of(4214);
            case OTHER -> Optional.empty();
        };
    }

    private static Optional<Integer> projectedCode(WktNode root) {
        DatumFamily datum = root.child(BASE_GEOGRAPHIC).map(WktMatcher::datumOf).orElse(DatumFamily.OTHER);
        String method = normalise(root.find("PROJECTION", "METHOD").map(WktNode::name).orElse(""));
        if (method.contains("pseudomercator") || method.contains("popularvisualisation")
            || method.contains("mercatorauxiliarysphere")) {
            return datum == DatumFamily.WGS84 ? Optional.of(3857) : Optional.empty();
        }
        if (!method.contains("transversemercator") && !method.contains("gausskruger")) {
            return Optional.empty();
        }
        Parameters p = Parameters.of(root);
        if (datum == DatumFamily.OTHER || datum == DatumFamily.WGS84 || !p.isNationalGrid()) {
            return Optional.empty();
        }
        int cm = (int) Math.round(p.centralMeridian);
        boolean prefixed = p.falseEasting != 500_000;
        int zone = (int) ((p.falseEasting - 500_000) / 1_000_000);
        int width;
        if (prefixed) {
            width = cm == 3 * zone ? 3 : cm == 6 * zone - 3 ? 6 : 0;
        } else {
            width = namesSixDegreeGrid(normalise(root.name())) && (cm + 3) % 6 == 0 ? 6 : 3;
        }
        if (width == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(GkCodes.epsg(datum, cm, width, prefixed));
        } catch (GisException e) {
            return Optional.empty();
        }
    }

    /**
     * A 6° and a 3° grid with the same central meridian and no prefix are the same projection; only the name tells
     * them apart. EPSG and ArcGIS both call the 6° grids plain "Gauss-Kruger"/"GK" and the 3° ones "3-degree".
     */
    private static boolean namesSixDegreeGrid(String name) {
        if (name.contains("6degree") || name.contains("6度")) {
            return true;
        }
        boolean namesGk = name.contains("gausskruger") || name.contains("gkcm") || name.contains("gkzone");
        return namesGk && !name.contains("3degree") && !name.contains("3度");
    }

    static DatumFamily datumOf(WktNode geographic) {
        String datumName = normalise(geographic.find("DATUM", "GEODETICDATUM", "TRF").map(WktNode::name).orElse(""));
        if (datumName.contains("china2000") || datumName.contains("cgcs2000")
            || datumName.contains("chinageodeticcoordinatesystem2000")) {
            return DatumFamily.CGCS2000;
        }
        if (datumName.contains("xian1980") || datumName.contains("xian80")) {
            return DatumFamily.XIAN1980;
        }
        if (datumName.contains("beijing1954") || datumName.contains("beijing54")) {
            return DatumFamily.BEIJING1954;
        }
        if (datumName.contains("wgs84") || datumName.contains("wgs1984") || datumName.contains("worldgeodeticsystem1984")) {
            return DatumFamily.WGS84;
        }
        return geographic.find("SPHEROID", "ELLIPSOID").map(WktMatcher::datumByEllipsoid).orElse(DatumFamily.OTHER);
    }

    /** Only reached when the datum name says nothing; the ellipsoid then identifies the Chinese datums uniquely. */
    private static DatumFamily datumByEllipsoid(WktNode ellipsoid) {
        double a = ellipsoid.number(1);
        double invF = ellipsoid.number(2);
        if (a == 6378140 && Math.abs(invF - 298.257) < 1e-6) {
            return DatumFamily.XIAN1980;
        }
        if (a == 6378245 && Math.abs(invF - 298.3) < 1e-6) {
            return DatumFamily.BEIJING1954;
        }
        if (a == 6378137 && Math.abs(invF - 298.257222101) < 1e-6) {
            return DatumFamily.CGCS2000;
        }
        if (a == 6378137 && Math.abs(invF - 298.257223563) < 1e-6) {
            return DatumFamily.WGS84;
        }
        return DatumFamily.OTHER;
    }

    static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static final class Parameters {
        double centralMeridian = Double.NaN;
        double falseEasting = Double.NaN;
        double falseNorthing = 0;
        double scale = 1;
        double latitudeOfOrigin = 0;

        static Parameters of(WktNode root) {
            Parameters p = new Parameters();
            List<WktNode> all = new ArrayList<>();
            root.collect(all, "PARAMETER");
            for (WktNode n : all) {
                double v = n.number(1);
                switch (normalise(n.name())) {
                    case "centralmeridian", "longitudeofnaturalorigin", "longitudeofcenter", "longitudeoforigin" ->
                        p.centralMeridian = v;
                    case "falseeasting" -> p.falseEasting = v;
                    case "falsenorthing" -> p.falseNorthing = v;
                    case "scalefactor", "scalefactoratnaturalorigin" -> p.scale = v;
                    case "latitudeoforigin", "latitudeofnaturalorigin", "latitudeofcenter" -> p.latitudeOfOrigin = v;
                    default -> {
                    }
                }
            }
            return p;
        }

        boolean isNationalGrid() {
            return Math.abs(scale - 1) < 1e-9 && latitudeOfOrigin == 0 && falseNorthing == 0
                && centralMeridian == Math.rint(centralMeridian)
                && (falseEasting - 500_000) % 1_000_000 == 0 && falseEasting >= 500_000;
        }
    }
}
