package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * A smooth displacement of the plane made of several octaves of sine waves (wavelengths shrinking by 3 from
 * {@code longestWave}), used to give boundaries the wiggles of lines digitised along rivers and ridges: a boundary is
 * densified to a chosen vertex spacing, then every vertex moves by the field at its position.
 *
 * <p>Each octave's slope is bounded, so the whole displacement has a gradient below 1: the map is a near-identity
 * deformation of the plane, which keeps valid polygons valid and disjoint polygons disjoint (units still tile, red-line
 * polygons never overlap), whatever their size. No random state once built: the same point always moves the same way.
 */
final class FractalField {
    /** Terms per octave: two for x, two for y, in different directions so the wiggles are not aligned. */
    private static final int TERMS = 4;
    private final double[] kx;
    private final double[] ky;
    private final double[] phase;
    private final double[] amplitude;

    /**
     * @param slope largest slope of one octave's displacement; {@code octaves × slope × √2} must stay below 1
     */
    FractalField(SplittableRandom rnd, double longestWave, int octaves, double slope) {
        if (octaves * slope * Math.sqrt(2) >= 1) {
            throw new IllegalArgumentException("the displacement would fold the plane");
        }
        int n = octaves * TERMS;
        kx = new double[n];
        ky = new double[n];
        phase = new double[n];
        amplitude = new double[n];
        double wave = longestWave;
        for (int o = 0; o < octaves; o++) {
            for (int t = 0; t < TERMS; t++) {
                int i = o * TERMS + t;
                double dir = rnd.nextDouble(2 * Math.PI);
                double k = 2 * Math.PI / wave;
                kx[i] = k * Math.cos(dir);
                ky[i] = k * Math.sin(dir);
                phase[i] = rnd.nextDouble(2 * Math.PI);
                // two terms per component share the octave's slope
                amplitude[i] = slope / 2 / k;
            }
            wave /= 3;
        }
    }

    /** The displaced position of (x, y). */
    Coordinate at(double x, double y) {
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < kx.length; i++) {
            double s = amplitude[i] * Math.sin(kx[i] * x + ky[i] * y + phase[i]);
            if ((i & 2) == 0) {
                dx += s;
            } else {
                dy += s;
            }
        }
        return new Coordinate(x + dx, y + dy);
    }

    /** The line densified to {@code spacing} and displaced. */
    LineString apply(LineString line, double spacing) {
        return line.getFactory().createLineString(displaced(line.getCoordinates(), spacing, false));
    }

    /**
     * The polygon (all its rings) densified to {@code spacing} and displaced. Should rounding still make it invalid,
     * it is repaired and its largest part kept.
     */
    Polygon apply(Polygon p, double spacing) {
        GeometryFactory gf = p.getFactory();
        LinearRing shell = gf.createLinearRing(displaced(p.getExteriorRing().getCoordinates(), spacing, true));
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = gf.createLinearRing(displaced(p.getInteriorRingN(i).getCoordinates(), spacing, true));
        }
        Polygon out = gf.createPolygon(shell, holes);
        return out.isValid() ? out : largest(GeometryFixer.fix(out));
    }

    private Coordinate[] displaced(Coordinate[] cs, double spacing, boolean ring) {
        List<Coordinate> out = new ArrayList<>();
        for (int i = 0; i + 1 < cs.length; i++) {
            Coordinate a = cs[i];
            Coordinate b = cs[i + 1];
            int parts = Math.max(1, (int) Math.ceil(a.distance(b) / spacing));
            for (int k = 0; k < parts; k++) {
                double t = (double) k / parts;
                out.add(at(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)));
            }
        }
        Coordinate last = cs[cs.length - 1];
        out.add(ring ? out.get(0).copy() : at(last.x, last.y));
        return out.toArray(Coordinate[]::new);
    }

    static Polygon largest(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        return best;
    }

    /** The total length of all rings of a polygon. */
    static double perimeter(Polygon p) {
        double len = p.getExteriorRing().getLength();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            len += p.getInteriorRingN(i).getLength();
        }
        return len;
    }
}
