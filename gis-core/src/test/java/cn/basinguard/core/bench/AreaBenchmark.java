package cn.basinguard.core.bench;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GaussKruger;
import cn.basinguard.core.measure.EllipsoidConstants;
import cn.basinguard.core.measure.EllipsoidalArea;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Throughput of the 32号 ellipsoidal area on parcel-like polygons in EPSG:4526, the check engine's hot path.
 * Run after {@code mvn -q -pl gis-core test-compile}:
 * {@code java -cp gis-core/target/classes:gis-core/target/test-classes:<jts, proj4j, proj4j-epsg jars>
 * cn.basinguard.core.bench.AreaBenchmark [parcels]}. Not a unit test: surefire does not pick it up.
 */
public final class AreaBenchmark {
    private AreaBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Polygon[] parcels = parcels(count, new Random(42));
        Crs zone38 = CrsRegistry.fromEpsg(4526);
        EllipsoidalArea area = EllipsoidalArea.standard();
        GaussKruger gk = zone38.gaussKruger().orElseThrow();
        long vertices = 0;
        for (Polygon p : parcels) {
            vertices += p.getNumPoints() - 1;
        }
        System.out.printf("%,d parcels, %.1f vertices each on average, EPSG:4526%n", count, (double) vertices / count);
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            double total = 0;
            for (Polygon p : parcels) {
                total += area.area(p, zone38);
            }
            long t1 = System.nanoTime();
            double gridTotal = 0;
            for (Polygon p : parcels) {
                gridTotal += area.areaInGrid(p, gk, EllipsoidConstants.CGCS2000);
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: area(g, crs) %,.0f parcels/s; areaInGrid %,.0f parcels/s; total %.2f ha (check %.2f)%n",
                round, count / ((t1 - t0) / 1e9), count / ((t2 - t1) / 1e9), total / 1e4, gridTotal / 1e4);
        }
    }

    /** Star-shaped parcels of 6–30 vertices and roughly 0.1–5 ha scattered over Zengdu in zone 38. */
    static Polygon[] parcels(int count, Random rnd) {
        GeometryFactory gf = new GeometryFactory();
        Polygon[] out = new Polygon[count];
        for (int k = 0; k < count; k++) {
            int n = 6 + rnd.nextInt(25);
            double targetArea = 1_000 + rnd.nextDouble() * 49_000;
            double r = Math.sqrt(targetArea / Math.PI) / 0.85;
            double ce = 38_000_000 + 410_000 + rnd.nextDouble() * 60_000;
            double cn = 3_480_000 + rnd.nextDouble() * 80_000;
            Coordinate[] c = new Coordinate[n + 1];
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / n;
                double radius = r * (0.7 + 0.3 * rnd.nextDouble());
                // millimetre survey coordinates, as delivered
                c[i] = new Coordinate(Math.rint((ce + radius * Math.cos(a)) * 1000) / 1000,
                    Math.rint((cn + radius * Math.sin(a)) * 1000) / 1000);
            }
            c[n] = c[0].copy();
            out[k] = gf.createPolygon(c);
        }
        return out;
    }
}
