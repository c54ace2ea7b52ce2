package cn.basinguard.core.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** The rows of cn-standards §1.6(a); survey (x northing, y easting) pairs become JTS (easting, northing). */
class EllipsoidalAreaTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final Crs GK_CM114 = CrsRegistry.fromEpsg(4547);
    static final Crs GK_ZONE38 = CrsRegistry.fromEpsg(4526);
    static final Crs CGCS2000 = CrsRegistry.fromEpsg(4490);
    static final double TOL = 0.02;

    static LinearRing ring(double prefix, double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) {
            c[i] = new Coordinate(xy[2 * i + 1] + prefix, xy[2 * i]);
        }
        c[c.length - 1] = c[0].copy();
        return GF.createLinearRing(c);
    }

    static Polygon square(double prefix, double x0, double y0, double side) {
        return GF.createPolygon(ring(prefix, x0, y0, x0, y0 + side, x0 + side, y0 + side, x0 + side, y0));
    }

    static Polygon km1(double prefix) {
        return square(prefix, 3520000, 443000, 1000);
    }

    static Polygon km10(double prefix) {
        return square(prefix, 3520000, 443000, 10000);
    }

    static Polygon triangle(double prefix) {
        return GF.createPolygon(ring(prefix, 3520000, 443000, 3520037.5, 443300.25, 3520260.125, 443120.5));
    }

    static Polygon squareWithHole(double prefix) {
        return GF.createPolygon(ring(prefix, 3520000, 443000, 3520000, 444000, 3521000, 444000, 3521000, 443000),
            new LinearRing[] {ring(prefix, 3520400, 443400, 3520600, 443400, 3520600, 443600, 3520400, 443600)});
    }

    static double area(Geometry g) {
        return EllipsoidalArea.standard().area(g, GK_CM114);
    }

    @Test
    void oneKilometreSquare() {
        assertEquals(999_921.3044, area(km1(0)), TOL);
        assertEquals(999_921.3075, EllipsoidalArea.withoutDensification().area(km1(0), GK_CM114), TOL);
        assertEquals(new BigDecimal("999921.30"), EllipsoidalArea.standard().tbmj(km1(0), GK_CM114));
        assertEquals(new BigDecimal("1499.88"), AreaUnits.mu(area(km1(0)), 2));
        assertEquals(new BigDecimal("99.99"), AreaUnits.hectares(area(km1(0)), 2));
    }

    @Test
    void tenKilometreSquare() {
        assertEquals(99_993_312.978, area(km10(0)), TOL);
        assertEquals(99_993_328.965, EllipsoidalArea.withoutDensification().area(km10(0), GK_CM114), TOL);
    }

    @Test
    void triangle() {
        assertEquals(36_788.9505, area(triangle(0)), TOL);
        assertEquals(36_788.7167, EllipsoidalArea.withoutDensification().area(triangle(0), GK_CM114), TOL);
    }

    @Test
    void squareWithHole() {
        assertEquals(959_924.4503, area(squareWithHole(0)), TOL);
    }

    @Test
    void planarColumn() {
        assertEquals(1_000_000.0, PlanarArea.area(km1(0), GK_CM114), 1e-6);
        assertEquals(100_000_000.0, PlanarArea.area(km10(0), GK_CM114), 1e-4);
        assertEquals(36_791.8906, PlanarArea.area(triangle(0), GK_CM114), 1e-4);
        assertEquals(960_000.0, PlanarArea.area(squareWithHole(0), GK_CM114), 1e-6);
    }

    @Test
    void ellipsoidalIsSmallerThanGaussPlanar() {
        for (Polygon p : new Polygon[] {km1(0), km10(0), triangle(0), squareWithHole(0)}) {
            double ratio = PlanarArea.area(p, GK_CM114) / area(p);
            assertTrue(ratio > 1 && ratio < 1 + 1e-4, "planar/ellipsoidal = " + ratio);
        }
    }

    @Test
    void sheetTrapezoidBySeries() {
        double b1 = Math.toRadians(31 + 50 / 60.0);
        double b2 = Math.toRadians(31 + 52.5 / 60.0);
        double dL = Math.toRadians(3.75 / 60);
        assertEquals(27_329_041.9568, EllipsoidConstants.CGCS2000.trapezoid(b1, b2, dL), 0.001);
    }

    @Test
    void oneDegreeCellBySeries() {
        double s = EllipsoidConstants.CGCS2000.trapezoid(Math.toRadians(31.5), Math.toRadians(32.5), Math.toRadians(1));
        assertEquals(10_477_909_606.745, s, 0.01);
    }

    @Test
    void prefixedEastingsGiveTheSameArea() {
        for (Polygon p : new Polygon[] {km1(0), km10(0), triangle(0), squareWithHole(0)}) {
            Polygon prefixed = (Polygon) p.copy();
            prefixed.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x += 38_000_000);
            prefixed.geometryChanged();
            assertEquals(area(p), EllipsoidalArea.standard().area(prefixed, GK_ZONE38), 1e-6);
        }
    }

    @Test
    void lonLatInputGivesTheSameArea() {
        for (Polygon p : new Polygon[] {km1(0), km10(0), triangle(0), squareWithHole(0)}) {
            Geometry lonLat = GeometryTransformer.shared().transform(p, GK_CM114, CGCS2000);
            assertEquals(area(p), EllipsoidalArea.standard().area(lonLat, CGCS2000), 0.05, "lon/lat " + p);
            Geometry prefixed = GeometryTransformer.shared().transform(p, GK_CM114, GK_ZONE38);
            assertEquals(area(p), EllipsoidalArea.standard().area(prefixed, GK_ZONE38), 0.05, "4526 " + p);
        }
    }

    @Test
    void nonPolygonalGeometryHasNoArea() {
        assertEquals(0, EllipsoidalArea.standard().area(GF.createPoint(new Coordinate(443000, 3520000)), GK_CM114));
        assertEquals(0, EllipsoidalArea.standard().area(km1(0).getExteriorRing(), GK_CM114));
        assertEquals(0, EllipsoidalArea.standard().area(GF.createPolygon(), GK_CM114));
        assertEquals(0, GeodesicArea.area(GF.createLineString(), GK_CM114));
        assertEquals(0, PlanarArea.area(GF.createPoint(), GK_CM114));
    }
}
