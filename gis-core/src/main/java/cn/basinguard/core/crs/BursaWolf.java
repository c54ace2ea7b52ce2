package cn.basinguard.core.crs;

import cn.basinguard.core.GisException;
import java.util.Locale;

/**
 * A seven-parameter (Bursa–Wolf, 布尔莎) datum transformation from an older national datum (Xi'an 1980, Beijing 1954) to
 * CGCS2000, as provincial surveying bureaus publish them: three translations in metres, three rotations in arc-seconds
 * and a scale difference in parts per million. Rotations are taken in the coordinate-frame convention of the Chinese
 * 布尔莎 formula (《2000国家大地坐标系推广使用技术指南》; EPSG method 9607, ArcGIS "Coordinate Frame"); parameters
 * published in the position-vector convention (EPSG 9606, PROJ's +towgs84) have their rotations' signs flipped, which
 * {@link #parse} does when the text ends in {@code ,pv}.
 *
 * <p>Positions go through geocentric coordinates with the height taken as 0 on the source ellipsoid, and the height on
 * the target ellipsoid is dropped, as 2D conversions of planning data do. The reverse solves the forward map exactly
 * (a 3×3 inverse, then the 2D round trip corrected until it closes to 1e-12°), so data moved one way and back lands
 * where it started.
 *
 * @param datum the datum the parameters convert from
 */
public record BursaWolf(DatumFamily datum, double dx, double dy, double dz, double rxSeconds, double rySeconds,
                        double rzSeconds, double ppm) {
    private static final double SECONDS = Math.PI / (180 * 3600);

    /** Reads {@code DATUM:dx,dy,dz,rx,ry,rz,s[,pv|,cf]}, DATUM being XIAN80 or BEIJING54. */
    public static BursaWolf parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new GisException("datumShift.syntax", spec);
        }
        String name = spec.substring(0, colon).strip().toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
        DatumFamily datum = switch (name) {
            case "XIAN80", "XIAN1980", "XA80", "西安80", "西安1980" -> DatumFamily.XIAN1980;
            case "BEIJING54", "BEIJING1954", "BJ54", "北京54", "北京1954" -> DatumFamily.BEIJING1954;
            default -> throw new GisException("datumShift.datum", spec.substring(0, colon).strip());
        };
        String[] parts = spec.substring(colon + 1).split("[,，\\s]+");
        boolean pv = false;
        int n = parts.length;
        if (n == 8 && (parts[7].equalsIgnoreCase("pv") || parts[7].equalsIgnoreCase("cf"))) {
            pv = parts[7].equalsIgnoreCase("pv");
            n = 7;
        }
        if (n != 7) {
            throw new GisException("datumShift.syntax", spec);
        }
        double[] v = new double[7];
        for (int i = 0; i < 7; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new GisException("datumShift.number", parts[i].strip(), spec);
            }
            if (!Double.isFinite(v[i])) {
                throw new GisException("datumShift.number", parts[i].strip(), spec);
            }
        }
        // translations beyond a kilometre, rotations beyond a minute or scales beyond 1000 ppm are no datum's parameters
        if (Math.abs(v[0]) > 1000 || Math.abs(v[1]) > 1000 || Math.abs(v[2]) > 1000 || Math.abs(v[3]) > 60 || Math.abs(v[4]) > 60
            || Math.abs(v[5]) > 60 || Math.abs(v[6]) > 1000) {
            throw new GisException("datumShift.range", spec);
        }
        double sign = pv ? -1 : 1;
        return new BursaWolf(datum, v[0], v[1], v[2], sign * v[3], sign * v[4], sign * v[5], v[6]);
    }

    /** The parameters as {@link #parse} reads them (coordinate-frame convention). */
    public String text() {
        return String.format(Locale.ROOT, "%s:%s,%s,%s,%s,%s,%s,%s", datum == DatumFamily.XIAN1980 ? "XIAN80" : "BEIJING54",
            num(dx), num(dy), num(dz), num(rxSeconds), num(rySeconds), num(rzSeconds), num(ppm));
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Source-datum geocentric X, Y, Z to CGCS2000 geocentric, in place. */
    void forward(double[] xyz) {
        double rx = rxSeconds * SECONDS;
        double ry = rySeconds * SECONDS;
        double rz = rzSeconds * SECONDS;
        double k = 1 + ppm * 1e-6;
        double x = xyz[0];
        double y = xyz[1];
        double z = xyz[2];
        xyz[0] = dx + k * (x + rz * y - ry * z);
        xyz[1] = dy + k * (-rz * x + y + rx * z);
        xyz[2] = dz + k * (ry * x - rx * y + z);
    }

    /** CGCS2000 geocentric to source-datum geocentric, the exact inverse of {@link #forward}, in place. */
    void reverse(double[] xyz) {
        double rx = rxSeconds * SECONDS;
        double ry = rySeconds * SECONDS;
        double rz = rzSeconds * SECONDS;
        double k = 1 + ppm * 1e-6;
        double x = (xyz[0] - dx) / k;
        double y = (xyz[1] - dy) / k;
        double z = (xyz[2] - dz) / k;
        // solve [[1, rz, -ry], [-rz, 1, rx], [ry, -rx, 1]] · p = (x, y, z) by Cramer's rule
        double a11 = 1, a12 = rz, a13 = -ry;
        double a21 = -rz, a22 = 1, a23 = rx;
        double a31 = ry, a32 = -rx, a33 = 1;
        double det = a11 * (a22 * a33 - a23 * a32) - a12 * (a21 * a33 - a23 * a31) + a13 * (a21 * a32 - a22 * a31);
        xyz[0] = (x * (a22 * a33 - a23 * a32) - a12 * (y * a33 - a23 * z) + a13 * (y * a32 - a22 * z)) / det;
        xyz[1] = (a11 * (y * a33 - a23 * z) - x * (a21 * a33 - a23 * a31) + a13 * (a21 * z - y * a31)) / det;
        xyz[2] = (a11 * (a22 * z - y * a32) - a12 * (a21 * z - y * a31) + x * (a21 * a32 - a22 * a31)) / det;
    }
}
