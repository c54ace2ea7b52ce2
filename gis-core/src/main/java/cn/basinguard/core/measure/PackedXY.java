package cn.basinguard.core.measure;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * A ring's x and y as one array (x0, y0, x1, y1 …) for loops that visit every vertex. The check's geometries are read
 * into 2D packed sequences, whose own array serves as it is; reading them through {@link CoordinateSequence#getX} is an
 * interface call per ordinate that the quick compiler the command line's check runs with does not inline (a tenth of
 * the time of the area and validity loops). Other sequences are copied.
 */
public final class PackedXY {
    private PackedXY() {
    }

    /** The sequence's x/y pairs; the sequence's own array when it is a 2D packed one (never write to it). */
    public static double[] of(CoordinateSequence s) {
        if (s instanceof PackedCoordinateSequence.Double p && p.getDimension() == 2) {
            double[] raw = p.getRawCoordinates();
            if (raw.length == 2 * s.size()) {
                return raw;
            }
        }
        int n = s.size();
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = s.getX(i);
            xy[2 * i + 1] = s.getY(i);
        }
        return xy;
    }
}
