package cn.basinguard.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class FewEdgesTest {
    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void agreesWithTheOverlayOnTouchingCrossingNestedAndApartPolygons() throws Exception {
        WKTReader wkt = new WKTReader();
        Geometry site = wkt.read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
        String[][] cases = {
            {"POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))", "true"},        // shares an edge
            {"POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))", "true"},     // shares a corner
            {"POLYGON ((10.5 0, 20 0, 20 10, 10.5 10, 10.5 0))", "false"}, // apart by half a metre
            {"POLYGON ((2 2, 4 2, 4 4, 2 4, 2 2))", "true"},               // inside the site
            {"POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5))", "true"},     // holds the site
            {"POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (-1 -1, 11 -1, 11 11, -1 11, -1 -1))", "false"}, // site in its hole
            {"POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (0 0, 10 0, 10 10, 0 10, 0 0))", "true"},       // hole is the site
            {"POLYGON ((5 -5, 6 -5, 6 15, 5 15, 5 -5))", "true"},          // a strip across it
            {"MULTIPOLYGON (((20 20, 30 20, 30 30, 20 20)), ((5 5, 6 5, 6 6, 5 5)))", "true"},
            {"POLYGON ((11 5, 20 -5, 20 15, 11 5))", "false"},             // a triangle pointing at an edge
            {"POLYGON ((10 5, 20 -5, 20 15, 10 5))", "true"},              // ... touching it
        };
        for (String[] c : cases) {
            Geometry other = wkt.read(c[0]);
            assertEquals(Boolean.parseBoolean(c[1]), FewEdges.meet(site, other), c[0]);
            assertEquals(site.intersects(other), FewEdges.meet(site, other), c[0]);
        }
    }

    /**
     * Random polygons on a coarse grid (so that many touch along edges, at corners and at a vertex lying on an edge):
     * the answer is JTS's intersects whenever both are valid.
     */
    @Test
    void agreesWithJtsOnRandomPolygonsOnACoarseGrid() {
        Random random = new Random(20261130L);
        int compared = 0;
        int met = 0;
        for (int n = 0; n < 20_000; n++) {
            Geometry a = randomPolygon(random, 3 + random.nextInt(8));
            Geometry b = random.nextInt(4) == 0 ? withHole(random) : randomPolygon(random, 3 + random.nextInt(20));
            if (!a.isValid() || !b.isValid()) {
                continue;
            }
            compared++;
            boolean expected = a.intersects(b);
            met += expected ? 1 : 0;
            assertEquals(expected, FewEdges.meet(a, b), () -> a + " / " + b);
        }
        assertTrue(compared > 5_000 && met > compared / 10 && met < compared * 9 / 10, compared + " compared, " + met + " meet");
    }

    /** A star-shaped polygon around a random centre: vertices at increasing angles, radii on the grid. */
    private Polygon randomPolygon(Random random, int vertices) {
        double cx = random.nextInt(20);
        double cy = random.nextInt(20);
        Coordinate[] cs = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * (i + 0.3 * random.nextDouble()) / vertices;
            double r = 1 + random.nextInt(8);
            cs[i] = new Coordinate(Math.round(cx + r * Math.cos(angle)), Math.round(cy + r * Math.sin(angle)));
        }
        cs[vertices] = cs[0].copy();
        return factory.createPolygon(cs);
    }

    private Polygon withHole(Random random) {
        double x = random.nextInt(16);
        double y = random.nextInt(16);
        double s = 4 + random.nextInt(8);
        double h = 1 + random.nextInt((int) s / 2);
        return factory.createPolygon(factory.createLinearRing(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + s, y),
            new Coordinate(x + s, y + s), new Coordinate(x, y + s), new Coordinate(x, y)}),
            new org.locationtech.jts.geom.LinearRing[] {factory.createLinearRing(new Coordinate[] {new Coordinate(x + h, y + h),
                new Coordinate(x + s - h, y + h), new Coordinate(x + s - h, y + s - h), new Coordinate(x + h, y + s - h),
                new Coordinate(x + h, y + h)})});
    }
}
