package cn.basinguard.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The 32号 ellipsoidal area keeps its precision on a red-line polygon of 30,000 vertices (about 700 km², a river-like
 * boundary) and on the pieces the tiled check cuts from it: tile cuts (the engine's work boxes), and small patches and
 * rotated strips on its boundary. Each is compared with GeographicLib's geodesic area of the same piece, the grid
 * coordinates taken to longitude/latitude by Karney's sixth-order Krüger series (independent of the 32号 K0–K4
 * series; accurate to nanometres this near the central meridian). proj4j's inverse, good to ~0.5 µm, is not: on a
 * 700 km² polygon its errors alone move the geodesic area by 0.02 m².
 *
 * <p>The yardstick is the piece as the standard measures it: 32号 rounds X/Y to 4 decimals (0.1 mm) before anything
 * else, so the geodesic area is taken of the piece with its vertices on that grid; a cut's new vertices are not on it,
 * and what rounding them moves (up to some 0.05 mm per vertex) is the standard's rule, not an error of the sum.
 * The geodesic area is taken with the piece's edges densified to 1 m, so that it is the area of the region whose edges
 * are straight on the grid, as 32号's is (cn-standards §1.7: a 2 km geodesic edge 70 km from the central meridian
 * bows 0.9 mm away from the grid-straight one, about 1 m² per edge).
 * Required: pieces up to 1 ha (every patch and conflict piece in practice) within 0.01 m²; every piece of 100 m² or
 * more within 2·10⁻⁵; larger pieces within 10⁻⁶. The 32号 procedure itself is not exact: its rounding of B/L to 10⁻⁶″
 * (0.03 mm) at every vertex and at every 70 m densification point moves km²-sized pieces with hundreds of vertices by
 * up to ~0.08 m² (10⁻⁷), and the standards' own table shows 0.009 m² on a plain 1 km square; what must not happen is
 * precision lost as vertices grow (the whole 30,000-vertex polygon: 0.03 m², 4·10⁻¹¹).
 */
class LargePolygonPrecisionTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Geodesic CGCS2000 = new Geodesic(6378137, 1 / 298.257222101);
    private static final Crs GRID = CrsRegistry.fromEpsg(4526);
    private static final double A = 6378137;
    private static final double F = 1 / 298.257222101;
    private static final double N = F / (2 - F);
    private static final double E = Math.sqrt(F * (2 - F));
    /** Karney (2011), "Transverse Mercator with an accuracy of a few nanometers", eqs. (14) and (36). */
    private static final double RECTIFYING = A / (1 + N) * (1 + N * N / 4 + Math.pow(N, 4) / 64 + Math.pow(N, 6) / 256);
    private static final double[] BETA = {
        N / 2 - 2 * N * N / 3 + 37 * Math.pow(N, 3) / 96 - Math.pow(N, 4) / 360 - 81 * Math.pow(N, 5) / 512
            + 96199 * Math.pow(N, 6) / 604800,
        N * N / 48 + Math.pow(N, 3) / 15 - 437 * Math.pow(N, 4) / 1440 + 46 * Math.pow(N, 5) / 105
            - 1118711 * Math.pow(N, 6) / 3870720,
        17 * Math.pow(N, 3) / 480 - 37 * Math.pow(N, 4) / 840 - 209 * Math.pow(N, 5) / 4480 + 5569 * Math.pow(N, 6) / 90720,
        4397 * Math.pow(N, 4) / 161280 - 11 * Math.pow(N, 5) / 504 - 830251 * Math.pow(N, 6) / 7257600,
        4583 * Math.pow(N, 5) / 161280 - 108847 * Math.pow(N, 6) / 3991680,
        20648693 * Math.pow(N, 6) / 638668800};

    /** The yardstick itself gives the exact areas of cn-standards §1.6(a) (an exact integral along straight GK edges). */
    @Test
    void theYardstickGivesTheExactAreasOfTheStandardsTable() {
        Polygon km1 = (Polygon) GF.toGeometry(new Envelope(38_443_000, 38_444_000, 3_520_000, 3_521_000));
        Polygon km10 = (Polygon) GF.toGeometry(new Envelope(38_443_000, 38_453_000, 3_520_000, 3_530_000));
        assertEquals(999_921.2958, geodesicArea(km1), 1e-3);
        assertEquals(99_993_312.983, geodesicArea(km10), 2e-3);
        // and ours is the 32号 procedure's figure, as close to exact as the table's "2008 + 70 m" column (±0.01 m²)
        assertEquals(999_921.2958, EllipsoidalArea.standard().area(km1, GRID), 0.01);
        assertEquals(99_993_312.983, EllipsoidalArea.standard().area(km10, GRID), 0.01);
    }

    @Test
    void aThirtyThousandVertexPolygonAndItsPiecesMatchTheGeodesicArea() {
        Polygon big = riverLikePolygon(30_000, new Random(16));
        List<Geometry> pieces = new ArrayList<>();
        pieces.add(big);
        Envelope e = big.getEnvelopeInternal();
        // the engine's work boxes: a grid of ~2 km cells over the polygon
        for (double x = e.getMinX(); x < e.getMaxX(); x += 2_000) {
            for (double y = e.getMinY(); y < e.getMaxY(); y += 2_000) {
                Geometry cut = big.intersection(GF.toGeometry(new Envelope(x, x + 2_000, y, y + 2_000)));
                if (!cut.isEmpty()) {
                    pieces.add(cut);
                }
            }
        }
        // patches on its boundary: squares of 5-80 m and strips of 3 × 200 m at random angles
        Random rnd = new Random(7);
        Coordinate[] boundary = big.getExteriorRing().getCoordinates();
        for (int k = 0; k < 300; k++) {
            Coordinate c = boundary[rnd.nextInt(boundary.length - 1)];
            Geometry patch;
            if (k % 2 == 0) {
                double w = 5 + rnd.nextDouble() * 75;
                patch = GF.toGeometry(new Envelope(c.x - w / 2, c.x + w / 2, c.y - w / 2, c.y + w / 2));
            } else {
                patch = AffineTransformation.rotationInstance(rnd.nextDouble() * Math.PI, c.x, c.y)
                        .transform(GF.toGeometry(new Envelope(c.x - 100, c.x + 100, c.y - 1.5, c.y + 1.5)));
            }
            Geometry piece = big.intersection(patch);
            if (!piece.isEmpty() && piece.getArea() > 0.5) {
                pieces.add(piece);
            }
        }
        double worstAbs = 0;
        double worstRel = 0;
        double worstSmall = 0;
        String worst = "";
        for (Geometry piece : pieces) {
            double ours = EllipsoidalArea.standard().area(piece, GRID);
            double geodesic = geodesicArea(piece);
            double diff = Math.abs(ours - geodesic);
            String what = String.format("piece of %.2f m² with %d vertices: 32号 %.6f, geodesic %.6f, diff %.6f m² (%.2e)",
                    geodesic, piece.getNumPoints(), ours, geodesic, diff, diff / geodesic);
            if (geodesic <= 10_000) {
                assertTrue(diff <= 0.01, what);
            }
            if (geodesic >= 100) {
                assertTrue(diff <= 2e-5 * geodesic, what);
            }
            if (geodesic > 10_000) {
                assertTrue(diff <= 1e-6 * geodesic, what);
            }
            if (diff > worstAbs) {
                worstAbs = diff;
                worst = what;
            }
            worstRel = Math.max(worstRel, geodesic >= 100 ? diff / geodesic : 0);
            if (geodesic <= 10_000) {
                worstSmall = Math.max(worstSmall, diff);
            }
        }
        System.out.printf("LargePolygonPrecisionTest: %d pieces; worst %s; worst relative (≥100 m²) %.2e; worst on"
                + " pieces up to 1 ha %.4f m²%n", pieces.size(), worst, worstRel, worstSmall);
    }

    /** A closed boundary around (38 430 000, 3 520 000) with meanders at several scales; vertices on the 0.1 mm grid. */
    private static Polygon riverLikePolygon(int n, Random rnd) {
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double r = 15_000 + 2_000 * Math.sin(7 * t) + 300 * Math.sin(53 * t) + 40 * Math.sin(997 * t) + rnd.nextDouble() * 3;
            cs[i] = new Coordinate(onGrid(38_430_000 + r * Math.cos(t)), onGrid(3_520_000 + r * Math.sin(t)));
        }
        cs[n] = cs[0];
        return GF.createPolygon(cs);
    }

    private static double onGrid(double v) {
        return Math.floor(v * 1e4 + 0.5) / 1e4;
    }

    private static double geodesicArea(Geometry piece) {
        Geometry onGrid = piece.copy();
        onGrid.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = onGrid(c.x);
            c.y = onGrid(c.y);
        });
        onGrid.geometryChanged();
        Geometry g = org.locationtech.jts.densify.Densifier.densify(onGrid, 1.0);
        double sum = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                sum += ring(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    sum -= ring(p.getInteriorRingN(h));
                }
            }
        }
        return sum;
    }

    private static double ring(LineString ring) {
        PolygonArea area = new PolygonArea(CGCS2000, false);
        CoordinateSequence s = ring.getCoordinateSequence();
        for (int i = 0; i < s.size() - 1; i++) {
            double[] latLon = inverse(s.getY(i), s.getX(i) - 38_500_000);
            area.AddPoint(latLon[0], 114 + latLon[1]);
        }
        return Math.abs(area.Compute(false, true).area);
    }

    /** Latitude and longitude from the central meridian (degrees) of a northing and an easting from it (k0 = 1). */
    private static double[] inverse(double northing, double easting) {
        double xi = northing / RECTIFYING;
        double eta = easting / RECTIFYING;
        double xiPrime = xi;
        double etaPrime = eta;
        for (int j = 1; j <= 6; j++) {
            xiPrime -= BETA[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
            etaPrime -= BETA[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
        }
        double conformal = Math.asin(Math.sin(xiPrime) / Math.cosh(etaPrime));
        double lambda = Math.atan2(Math.sinh(etaPrime), Math.cos(xiPrime));
        // τ = tan φ from τ' = tan χ by Newton's method (Karney 2011, eqs. 7-9 and 19-21)
        double tauPrime = Math.tan(conformal);
        double tau = tauPrime;
        for (int i = 0; i < 10; i++) {
            double sigma = Math.sinh(E * atanh(E * tau / Math.hypot(1, tau)));
            double tp = tau * Math.hypot(1, sigma) - sigma * Math.hypot(1, tau);
            double slope = (1 - E * E) * Math.hypot(1, tp) * Math.hypot(1, tau) / (1 + (1 - E * E) * tau * tau);
            double step = (tauPrime - tp) / slope;
            tau += step;
            if (Math.abs(step) < 1e-15) {
                break;
            }
        }
        return new double[] {Math.toDegrees(Math.atan(tau)), Math.toDegrees(lambda)};
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
