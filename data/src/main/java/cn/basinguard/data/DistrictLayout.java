package cn.basinguard.data;

import cn.basinguard.core.crs.GeometryTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * The imaginary district outline (≈1 400 km² around Suizhou city) in EPSG:4547 metres, split by one
 * dividing line into the two basin units, so the units tile the outline exactly by construction.
 */
record DistrictLayout(Polygon outline, Polygon yunshui, Polygon zhangshui, LineString divide) {
    static final double DISTRICT_AREA_M2 = 1_400e6;
    /** Millimetre grid of the detailed boundaries. */
    static final PrecisionModel MM = new PrecisionModel(1_000);
    private static final double CENTRE_LON = 113.35;
    private static final double CENTRE_LAT = 31.80;

    static DistrictLayout build(SplittableRandom rnd, GeometryFactory gf) {
        return build(rnd, gf, 1, null, 0);
    }

    /**
     * @param areaFactor the district's area in multiples of {@link #DISTRICT_AREA_M2} (same shape, scaled)
     * @param detail     if not null, the outline and the dividing line are densified to {@code spacing} metres and
     *                   displaced by it before the split, so the units get long, detailed boundaries and still tile
     */
    static DistrictLayout build(SplittableRandom rnd, GeometryFactory gf, double areaFactor, FractalField detail,
                                double spacing) {
        double area = DISTRICT_AREA_M2 * areaFactor;
        double[] gk = GeometryTransformer.shared().transform(CENTRE_LON, CENTRE_LAT, SampleCrs.LON_LAT, SampleCrs.GK_CM114);
        Coordinate c = new Coordinate(gk[0], gk[1]);
        Polygon raw = blob(rnd, c, gf);
        double k = Math.sqrt(area / raw.getArea());
        Polygon outline = (Polygon) AffineTransformation.scaleInstance(k, k, c.x, c.y).transform(raw);
        double r = Math.sqrt(area / Math.PI);
        LineString divide = dividingLine(rnd, c, r, gf);
        if (detail != null) {
            // on a millimetre grid: thousands of vertices along two meeting lines leave near-coincident points that a
            // later move into the zone-38 grid (x + 38 000 000, coarser doubles) could otherwise fold into a
            // self-intersection
            outline = (Polygon) FractalField.largest(GeometryPrecisionReducer.reduce(detail.apply(outline, spacing), MM));
            divide = (LineString) GeometryPrecisionReducer.reduce(detail.apply(divide, spacing), MM);
        }
        Polygon westSide = westOf(divide, outline, gf);
        if (detail != null) {
            // long detailed boundaries: the robust overlay, whose results are valid where the classic one can pinch
            Polygon west = largest(OverlayNG.overlay(outline, westSide, OverlayNG.INTERSECTION, MM));
            Polygon east = largest(OverlayNG.overlay(outline, west, OverlayNG.DIFFERENCE, MM));
            return new DistrictLayout(outline, west, east, divide);
        }
        // on a millimetre grid, as the land-use layer that tiles it is (LandUseMosaic), so the two have one outline
        outline = (Polygon) FractalField.largest(GeometryPrecisionReducer.reduce(outline, MM));
        Polygon west = largest(OverlayNG.overlay(outline, westSide, OverlayNG.INTERSECTION, MM));
        // the remainder, not a second intersection, so the two units share one boundary and tile exactly
        Polygon east = largest(OverlayNG.overlay(outline, west, OverlayNG.DIFFERENCE, MM));
        // 涢水 drains the hilly west and north; 㵐水 (漳水) the lower east and south
        return new DistrictLayout(outline, west, east, divide);
    }

    private static Polygon blob(SplittableRandom rnd, Coordinate c, GeometryFactory gf) {
        int n = 96;
        double[] phase = {rnd.nextDouble(6.28), rnd.nextDouble(6.28), rnd.nextDouble(6.28), rnd.nextDouble(6.28)};
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double rr = 1 + 0.10 * Math.sin(2 * t + phase[0]) + 0.07 * Math.sin(3 * t + phase[1])
                    + 0.035 * Math.sin(5 * t + phase[2]) + 0.02 * Math.sin(9 * t + phase[3])
                    + 0.012 * (rnd.nextDouble() - 0.5);
            ring[i] = new Coordinate(c.x + 0.9 * 21_000 * rr * Math.cos(t), c.y + 1.1 * 21_000 * rr * Math.sin(t));
        }
        ring[n] = ring[0].copy();
        return gf.createPolygon(ring);
    }

    /** A gently meandering line from far north-north-east to far south, well beyond the outline. */
    private static LineString dividingLine(SplittableRandom rnd, Coordinate c, double r, GeometryFactory gf) {
        List<Coordinate> pts = new ArrayList<>();
        int n = 60;
        double phase = rnd.nextDouble(6.28);
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double y = c.y + 2.2 * r * (1 - 2 * t);
            double x = c.x + 0.12 * r + 0.25 * r * (1 - 2 * t) + 1_200 * Math.sin(7 * t + phase)
                    + 300 * (rnd.nextDouble() - 0.5);
            pts.add(new Coordinate(x, y));
        }
        return gf.createLineString(pts.toArray(Coordinate[]::new));
    }

    /** The region west of the dividing line, closed far beyond the outline. */
    private static Polygon westOf(LineString line, Polygon outline, GeometryFactory gf) {
        Coordinate[] cs = line.getCoordinates();
        double farWest = outline.getEnvelopeInternal().getMinX() - 50_000;
        Coordinate[] ring = new Coordinate[cs.length + 3];
        System.arraycopy(cs, 0, ring, 0, cs.length);
        ring[cs.length] = new Coordinate(farWest, cs[cs.length - 1].y);
        ring[cs.length + 1] = new Coordinate(farWest, cs[0].y);
        ring[cs.length + 2] = cs[0].copy();
        return gf.createPolygon(ring);
    }

    private static Polygon largest(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        if (best == null || best.getArea() < 0.999 * g.getArea()) {
            throw new IllegalStateException("dividing line cuts the outline into more than two parts");
        }
        return best;
    }

    Polygon unit(int index) {
        return index == 0 ? yunshui : zhangshui;
    }
}
