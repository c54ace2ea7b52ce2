package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The district's linear land: rivers (1101 河流水面) and roads (1003 公路用地, 1006 农村道路) as long strips of
 * meandering centre lines, buffered to their width. The cell mosaic cuts them out of its cells before any land is
 * planned, so cultivated land, basic farmland and the red line never lie on them, and each strip piece in a cell
 * becomes a long thin DLTB patch, as 三调 splits a river or road at parcel borders.
 *
 * <p>Layout: each unit has a main river running its length (涢水 / 㵐水, 90 / 70 m wide) and two tributaries
 * (25 m); two highways (30 m) cross the district, one north–south and one west–east; rural roads (8 m) form a
 * loose grid about 6 km apart. Roads over rivers are counted as river (the water surface is the land class there).
 */
record Corridors(Geometry water, Geometry roads, Geometry ruralRoads) {
    static final String RIVER = "1101";
    static final String HIGHWAY = "1003";
    static final String RURAL_ROAD = "1006";
    private static final double RURAL_SPACING = 6_000;

    static Corridors build(DistrictLayout layout, SplittableRandom rnd, GeometryFactory gf) {
        List<Geometry> rivers = new ArrayList<>();
        double[] mainWidth = {90, 70};
        for (int u = 0; u < 2; u++) {
            Envelope e = layout.unit(u).getEnvelopeInternal();
            // the main stem from the unit's north to its south, off-centre, meandering
            Coordinate a = new Coordinate(e.getMinX() + e.getWidth() * (0.35 + 0.3 * rnd.nextDouble()), e.getMaxY() + 2_000);
            Coordinate b = new Coordinate(e.getMinX() + e.getWidth() * (0.35 + 0.3 * rnd.nextDouble()), e.getMinY() - 2_000);
            LineString main = meander(a, b, 0.04, rnd, gf);
            rivers.add(strip(main, mainWidth[u]).intersection(layout.unit(u)));
            for (int t = 0; t < 2; t++) {
                // a tributary from the unit's west or east side to a point of the main stem
                Coordinate join = main.getCoordinateN((int) (main.getNumPoints() * (0.3 + 0.4 * rnd.nextDouble())));
                double side = t == 0 ? e.getMinX() - 1_000 : e.getMaxX() + 1_000;
                Coordinate from = new Coordinate(side, join.y + (rnd.nextDouble() - 0.3) * e.getHeight() * 0.3);
                rivers.add(strip(meander(from, join, 0.05, rnd, gf), 25).intersection(layout.unit(u)));
            }
        }
        Geometry water = OverlayNGRobust.union(rivers);
        Envelope d = layout.outline().getEnvelopeInternal();
        List<Geometry> highways = List.of(
                strip(meander(new Coordinate(d.getMinX() + d.getWidth() * 0.55, d.getMaxY() + 2_000),
                        new Coordinate(d.getMinX() + d.getWidth() * 0.45, d.getMinY() - 2_000), 0.015, rnd, gf), 30),
                strip(meander(new Coordinate(d.getMinX() - 2_000, d.getMinY() + d.getHeight() * 0.45),
                        new Coordinate(d.getMaxX() + 2_000, d.getMinY() + d.getHeight() * 0.55), 0.015, rnd, gf), 30));
        Geometry roads = clip(OverlayNGRobust.union(highways), layout, water);
        List<Geometry> rural = new ArrayList<>();
        for (double x = d.getMinX() + RURAL_SPACING * (0.5 + 0.5 * rnd.nextDouble()); x < d.getMaxX(); x += RURAL_SPACING) {
            rural.add(strip(meander(new Coordinate(x, d.getMaxY() + 1_000), new Coordinate(x + (rnd.nextDouble() - 0.5) * 3_000,
                    d.getMinY() - 1_000), 0.02, rnd, gf), 8));
        }
        for (double y = d.getMinY() + RURAL_SPACING * (0.5 + 0.5 * rnd.nextDouble()); y < d.getMaxY(); y += RURAL_SPACING) {
            rural.add(strip(meander(new Coordinate(d.getMinX() - 1_000, y), new Coordinate(d.getMaxX() + 1_000,
                    y + (rnd.nextDouble() - 0.5) * 3_000), 0.02, rnd, gf), 8));
        }
        Geometry ruralRoads = clip(OverlayNG.overlay(OverlayNGRobust.union(rural), roads, OverlayNG.DIFFERENCE), layout, water);
        return new Corridors(water, roads, ruralRoads);
    }

    /** All strips together: what the cells lose. */
    Geometry all() {
        return OverlayNGRobust.union(List.of(water, roads, ruralRoads));
    }

    private static Geometry clip(Geometry g, DistrictLayout layout, Geometry water) {
        return OverlayNGRobust.overlay(OverlayNGRobust.overlay(g, layout.outline(), OverlayNG.INTERSECTION), water,
                OverlayNG.DIFFERENCE);
    }

    private static Geometry strip(LineString centre, double width) {
        BufferParameters p = new BufferParameters(4, BufferParameters.CAP_FLAT, BufferParameters.JOIN_ROUND, 5);
        return org.locationtech.jts.operation.buffer.BufferOp.bufferOp(centre, width / 2, p);
    }

    /** A line from a to b that wanders sideways by up to {@code sway} of its length, in three sine octaves. */
    private static LineString meander(Coordinate a, Coordinate b, double sway, SplittableRandom rnd, GeometryFactory gf) {
        double len = a.distance(b);
        double nx = -(b.y - a.y) / len;
        double ny = (b.x - a.x) / len;
        double[] phase = {rnd.nextDouble(6.28), rnd.nextDouble(6.28), rnd.nextDouble(6.28)};
        int n = (int) Math.max(20, len / 150);
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double off = len * sway * Math.sin(Math.PI * t) * (Math.sin(3 * Math.PI * t + phase[0])
                    + 0.4 * Math.sin(9 * Math.PI * t + phase[1]) + 0.15 * Math.sin(27 * Math.PI * t + phase[2]));
            cs[i] = new Coordinate(a.x + (b.x - a.x) * t + nx * off, a.y + (b.y - a.y) * t + ny * off);
        }
        return gf.createLineString(cs);
    }
}
