package cn.basinguard.core.check;

import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Random star-shaped polygons (simple, since star-shaped about their centre) at zone-38 coordinates, for the overlap tests. */
final class Stars {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private Stars() {
    }

    /**
     * A star of {@code n} points at radii between {@code minShare}·{@code radius} and {@code radius}, around a centre up
     * to {@code spread} m from the origin (38 430 000, 3 520 000); convex only for a small jitter.
     */
    static Polygon star(SplittableRandom rnd, int n, double radius, double spread, double minShare) {
        double cx = 38_430_000 + (rnd.nextDouble() * 2 - 1) * spread;
        double cy = 3_520_000 + (rnd.nextDouble() * 2 - 1) * spread;
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double r = radius * (minShare + (1 - minShare) * rnd.nextDouble());
            cs[i] = new Coordinate(cx + r * Math.cos(t), cy + r * Math.sin(t));
        }
        cs[n] = new Coordinate(cs[0]);
        return FACTORY.createPolygon(cs);
    }
}
