package cn.basinguard.core.crs;

/**
 * The Gauss–Krüger zone of a projected CRS (scale factor 1, latitude of origin 0, false northing 0).
 *
 * @param centralMeridian degrees east
 * @param zoneWidth 3 or 6
 * @param zone the zone number (3°: CM/3, 6°: (CM+3)/6), known even when eastings do not carry it
 * @param prefixed whether stored eastings carry zone × 1,000,000
 * @param falseEasting metres, including the zone term when prefixed
 */
public record GaussKruger(int centralMeridian, int zoneWidth, int zone, boolean prefixed, double falseEasting) {

    public static GaussKruger of(int centralMeridian, int zoneWidth, boolean prefixed) {
        int zone = zoneWidth == 3 ? centralMeridian / 3 : (centralMeridian + 3) / 6;
        return new GaussKruger(centralMeridian, zoneWidth, zone, prefixed, prefixed ? zone * 1_000_000.0 + 500_000.0 : 500_000.0);
    }
}
