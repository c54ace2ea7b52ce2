package cn.basinguard.core.crs;

import cn.basinguard.core.GisException;
import java.util.List;
import java.util.Optional;

/**
 * EPSG's numbering of the Chinese national grids (cn-standards §3): each family is a run of consecutive codes, one
 * per central meridian from 75°E to 135°E, with or without the zone prefix in the easting.
 */
final class GkCodes {
    record Description(String nameEn, String nameZh, boolean geographic, DatumFamily datum, GaussKruger gaussKruger) {
    }

    private record Family(DatumFamily datum, int firstCode, int width, boolean prefixed) {
        int count() {
            return (LAST_CM - FIRST_CM) / width + 1;
        }

        boolean contains(int code) {
            return code >= firstCode && code < firstCode + count();
        }
    }

    private static final int FIRST_CM = 75;
    private static final int LAST_CM = 135;

    private static final List<Family> FAMILIES = List.of(
        new Family(DatumFamily.CGCS2000, 4513, 3, true),
        new Family(DatumFamily.CGCS2000, 4534, 3, false),
        new Family(DatumFamily.CGCS2000, 4491, 6, true),
        new Family(DatumFamily.CGCS2000, 4502, 6, false),
        new Family(DatumFamily.XIAN1980, 2349, 3, true),
        new Family(DatumFamily.XIAN1980, 2370, 3, false),
        new Family(DatumFamily.XIAN1980, 2327, 6, true),
        new Family(DatumFamily.XIAN1980, 2338, 6, false),
        new Family(DatumFamily.BEIJING1954, 2401, 3, true),
        new Family(DatumFamily.BEIJING1954, 2422, 3, false),
        new Family(DatumFamily.BEIJING1954, 21413, 6, true),
        new Family(DatumFamily.BEIJING1954, 21453, 6, false));

    private GkCodes() {
    }

    static Optional<Description> describe(int code) {
        switch (code) {
            case 4490:
                return geographic(DatumFamily.CGCS2000);
            case 4326:
                return geographic(DatumFamily.WGS84);
            case 4610:
                return geographic(DatumFamily.XIAN1980);
            case 4214:
                return geographic(DatumFamily.BEIJING1954);
            case 3857:
                return Optional.of(new Description("WGS 84 / Pseudo-Mercator", "WGS84 Web墨卡托投影", false, DatumFamily.WGS84, null));
            default:
                return FAMILIES.stream().filter(f -> f.contains(code)).findFirst()
                    .map(f -> gridDescription(f, FIRST_CM + (code - f.firstCode()) * f.width()));
        }
    }

    /** The EPSG code of a national Gauss–Krüger grid. */
    static int epsg(DatumFamily datum, int centralMeridian, int width, boolean prefixed) {
        boolean onGrid = width == 3 ? centralMeridian % 3 == 0 : (centralMeridian + 3) % 6 == 0;
        if (!onGrid || centralMeridian < FIRST_CM || centralMeridian > LAST_CM) {
            throw new GisException("crs.gk.outOfRange", centralMeridian, width);
        }
        for (Family f : FAMILIES) {
            if (f.datum() == datum && f.width() == width && f.prefixed() == prefixed) {
                return f.firstCode() + (centralMeridian - FIRST_CM) / width;
            }
        }
        throw new GisException("crs.gk.noGrid", datum.nameEn(), width);
    }

    private static Optional<Description> geographic(DatumFamily datum) {
        return Optional.of(new Description(datum.nameEn(), datum.nameZh(), true, datum, null));
    }

    private static Description gridDescription(Family f, int cm) {
        GaussKruger gk = GaussKruger.of(cm, f.width(), f.prefixed());
        // EPSG calls the 3-degree grids "3-degree Gauss-Kruger" and the 6-degree ones plain "Gauss-Kruger"
        String en = f.datum().nameEn() + " / " + (f.width() == 3 ? "3-degree " : "") + "Gauss-Kruger "
            + (f.prefixed() ? "zone " + gk.zone() : "CM " + cm + "E");
        String zh = f.datum().nameZh() + " 高斯-克吕格投影 " + f.width() + "度带 "
            + (f.prefixed() ? "第" + gk.zone() + "带（横坐标含带号）" : "中央经线" + cm + "°");
        return new Description(en, zh, false, f.datum(), gk);
    }
}
