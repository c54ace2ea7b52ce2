package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * The red line of the big-polygon shape: a few tens of large polygons following river and ridge corridors — a
 * meandering trunk with tributaries, buffered, then densified to 10 000–50 000 vertices and given multi-scale wiggles
 * by a {@link FractalField}, the way ecological red lines drawn along rivers and ridges look. Each unit is split into
 * as many regions as it gets polygons, so the polygons never overlap; the total per unit is calibrated to its target.
 * Coordinates are stored packed (two doubles per vertex), as the polygons stay in memory for the whole run.
 */
final class RedCorridors {
    /** Corridors keep this far (m) inside their region, so neighbours stay apart after the field's displacement. */
    private static final double REGION_INSET = 120;
    private static final double STEP = 25;
    /** Farmland within this distance (m) of a corridor ranks higher: valleys along the rivers are farmed. */
    static final double VALLEY_REACH = 400;

    /** One red-line polygon: its unit, geometry, centre lines and half-width (m). */
    record Corridor(int unit, Polygon polygon, List<LineString> lines, double halfWidth) {
    }

    final List<Corridor> corridors;
    private final STRtree polygons = new STRtree();
    private final STRtree centreLines = new STRtree();
    private final double maxHalfWidth;

    private RedCorridors(List<Corridor> corridors) {
        this.corridors = corridors;
        double w = 0;
        for (int c = 0; c < corridors.size(); c++) {
            Corridor k = corridors.get(c);
            polygons.insert(k.polygon().getEnvelopeInternal(), new Indexed(c, PreparedGeometryFactory.prepare(k.polygon())));
            for (LineString l : k.lines()) {
                Coordinate[] cs = l.getCoordinates();
                for (int i = 0; i + 1 < cs.length; i++) {
                    centreLines.insert(new Envelope(cs[i], cs[i + 1]), new Segment(cs[i], cs[i + 1], k.halfWidth()));
                }
            }
            w = Math.max(w, k.halfWidth());
        }
        polygons.build();
        centreLines.build();
        maxHalfWidth = w;
    }

    private record Indexed(int index, PreparedGeometry polygon) {
    }

    private record Segment(Coordinate a, Coordinate b, double halfWidth) {
    }

    /** The corridor whose polygon holds the point, −1 for none. */
    int covering(Coordinate c, GeometryFactory gf) {
        Geometry p = gf.createPoint(c);
        for (Object o : polygons.query(new Envelope(c))) {
            Indexed k = (Indexed) o;
            if (k.polygon().contains(p)) {
                return k.index();
            }
        }
        return -1;
    }

    /** Distance (m) from the point to the nearest corridor's edge, estimated from its centre line; capped at reach. */
    double distance(double x, double y) {
        double reach = VALLEY_REACH + maxHalfWidth;
        double best = VALLEY_REACH;
        Coordinate p = new Coordinate(x, y);
        for (Object o : centreLines.query(new Envelope(x - reach, x + reach, y - reach, y + reach))) {
            Segment s = (Segment) o;
            double d = org.locationtech.jts.algorithm.Distance.pointToSegment(p, s.a(), s.b()) - s.halfWidth();
            best = Math.min(best, Math.max(0, d));
        }
        return best;
    }

    /** Indices of the corridors whose envelope meets {@code e}. */
    List<Integer> within(Envelope e) {
        List<Integer> out = new ArrayList<>();
        for (Object o : polygons.query(e)) {
            out.add(((Indexed) o).index());
        }
        out.sort(null);
        return out;
    }

    /**
     * @param targetM2 the red-line area of each unit (m², planar)
     * @param count    polygons per unit
     */
    static RedCorridors build(DistrictLayout layout, double[] targetM2, int[] count, int minVertices, int maxVertices,
                              FractalField field, SplittableRandom rnd, GeometryFactory gf) {
        List<Corridor> all = new ArrayList<>();
        for (int u = 0; u < 2; u++) {
            all.addAll(unit(layout.unit(u), u, targetM2[u], count[u], minVertices, maxVertices, field, rnd, gf));
        }
        return new RedCorridors(all);
    }

    private static List<Corridor> unit(Polygon unit, int u, double target, int n, int minV, int maxV,
                                       FractalField field, SplittableRandom rnd, GeometryFactory gf) {
        List<Polygon> regions = regions(unit, n, rnd, gf);
        List<List<LineString>> lines = new ArrayList<>();
        double[] share = new double[regions.size()];
        double shareSum = 0;
        int[] vertices = new int[regions.size()];
        for (int r = 0; r < regions.size(); r++) {
            lines.add(network(regions.get(r), rnd, gf));
            share[r] = 0.6 + 0.8 * rnd.nextDouble();
            shareSum += share[r];
            vertices[r] = minV + rnd.nextInt(maxV - minV + 1);
        }
        double[] want = new double[regions.size()];
        for (int r = 0; r < want.length; r++) {
            want[r] = target * share[r] / shareSum;
        }
        // buffer each network to its share and add the detail; if the detail moved the total by more than half a
        // per cent, correct the shares once
        List<Corridor> made = null;
        for (int round = 0; round < 2; round++) {
            made = new ArrayList<>();
            double got = 0;
            for (int r = 0; r < want.length; r++) {
                Corridor c = corridor(u, regions.get(r), lines.get(r), want[r], vertices[r], field, gf);
                made.add(c);
                got += c.polygon().getArea();
            }
            if (Math.abs(got - target) < 0.005 * target) {
                break;
            }
            for (int r = 0; r < want.length; r++) {
                want[r] *= target / got;
            }
        }
        // the last correction (under half a per cent): scale each polygon about its centroid, exact for areas
        double got = 0;
        for (Corridor c : made) {
            got += c.polygon().getArea();
        }
        double k = Math.sqrt(target / got);
        List<Corridor> out = new ArrayList<>();
        for (Corridor c : made) {
            Coordinate centre = c.polygon().getCentroid().getCoordinate();
            Polygon scaled = (Polygon) AffineTransformation.scaleInstance(k, k, centre.x, centre.y).transform(c.polygon());
            // on the millimetre grid, valid there, so the move into the zone-38 grid cannot fold it
            Polygon onGrid = FractalField.largest(GeometryPrecisionReducer.reduce(scaled, DistrictLayout.MM));
            out.add(new Corridor(u, packed(onGrid, gf), c.lines(), c.halfWidth()));
        }
        return out;
    }

    /** The unit split into n regions (Voronoi cells of well-spread points), each kept {@link #REGION_INSET} inside. */
    private static List<Polygon> regions(Polygon unit, int n, SplittableRandom rnd, GeometryFactory gf) {
        PreparedGeometry inner = PreparedGeometryFactory.prepare(unit.buffer(-1_000, 2));
        Envelope e = unit.getEnvelopeInternal();
        List<Coordinate> sites = new ArrayList<>();
        while (sites.size() < n) {
            Coordinate best = null;
            double bestDist = -1;
            // best of ten candidates: spread out without a regular pattern
            for (int k = 0; k < 10; k++) {
                Coordinate c = new Coordinate(e.getMinX() + rnd.nextDouble(e.getWidth()), e.getMinY() + rnd.nextDouble(e.getHeight()));
                if (!inner.contains(gf.createPoint(c))) {
                    k--;
                    continue;
                }
                double d = Double.MAX_VALUE;
                for (Coordinate s : sites) {
                    d = Math.min(d, s.distance(c));
                }
                if (d > bestDist) {
                    best = c;
                    bestDist = d;
                }
            }
            sites.add(best);
        }
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(sites);
        Envelope clip = new Envelope(e);
        clip.expandBy(5_000);
        vb.setClipEnvelope(clip);
        Geometry diagram = vb.getDiagram(gf);
        Geometry insetUnit = unit.buffer(-REGION_INSET, 2);
        List<Polygon> out = new ArrayList<>();
        // in the order of the sites, not the triangulation's
        for (Coordinate s : sites) {
            for (int i = 0; i < diagram.getNumGeometries(); i++) {
                Polygon cell = (Polygon) diagram.getGeometryN(i);
                if (s.equals2D((Coordinate) cell.getUserData())) {
                    Geometry inset = cell.buffer(-REGION_INSET, 2);
                    out.add(FractalField.largest(OverlayNGRobust.overlay(insetUnit, inset, OverlayNG.INTERSECTION)));
                }
            }
        }
        return out;
    }

    /** A meandering trunk across the region and a few tributaries joining it. */
    private static List<LineString> network(Polygon region, SplittableRandom rnd, GeometryFactory gf) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(region);
        Coordinate centre = region.getInteriorPoint().getCoordinate();
        Coordinate[] ring = region.getExteriorRing().getCoordinates();
        Coordinate edge = ring[rnd.nextInt(ring.length - 1)];
        // start a little inside, walk towards the far side
        Coordinate start = new Coordinate(edge.x + 0.15 * (centre.x - edge.x), edge.y + 0.15 * (centre.y - edge.y));
        Coordinate goal = new Coordinate(2 * centre.x - start.x, 2 * centre.y - start.y);
        List<LineString> out = new ArrayList<>();
        LineString trunk = walk(start, goal, 30_000, inside, rnd, gf);
        if (trunk.getNumPoints() < 4) {
            trunk = gf.createLineString(new Coordinate[] {start, centre});
        }
        out.add(trunk);
        int tributaries = 3 + rnd.nextInt(4);
        Coordinate[] t = trunk.getCoordinates();
        for (int k = 0; k < tributaries && t.length > 10; k++) {
            int at = t.length / 10 + rnd.nextInt(Math.max(1, t.length * 8 / 10));
            Coordinate a = t[at];
            Coordinate b = t[Math.min(t.length - 1, at + 1)];
            double heading = Math.atan2(b.y - a.y, b.x - a.x) + (rnd.nextBoolean() ? 1 : -1) * (0.8 + 0.5 * rnd.nextDouble());
            double length = 1_500 + 2_500 * rnd.nextDouble();
            Coordinate g = new Coordinate(a.x + length * Math.cos(heading), a.y + length * Math.sin(heading));
            LineString trib = walk(a, g, length * 1.6, inside, rnd, gf);
            if (trib.getNumPoints() >= 4) {
                out.add(trib);
            }
        }
        return out;
    }

    /** A river-like walk towards {@code goal}: heading = bearing to the goal plus two meander waves and a drift. */
    private static LineString walk(Coordinate from, Coordinate goal, double maxLength, PreparedGeometry inside,
                                   SplittableRandom rnd, GeometryFactory gf) {
        List<Coordinate> pts = new ArrayList<>();
        pts.add(from.copy());
        double p1 = rnd.nextDouble(2 * Math.PI);
        double p2 = rnd.nextDouble(2 * Math.PI);
        double w1 = 700 + 400 * rnd.nextDouble();
        double w2 = 200 + 120 * rnd.nextDouble();
        double drift = 0;
        Coordinate at = from;
        for (double s = 0; s < maxLength && at.distance(goal) > 2 * STEP; s += STEP) {
            drift = Math.max(-0.5, Math.min(0.5, drift + 0.06 * (rnd.nextDouble() - 0.5)));
            double heading = Math.atan2(goal.y - at.y, goal.x - at.x) + 0.75 * Math.sin(2 * Math.PI * s / w1 + p1)
                    + 0.35 * Math.sin(2 * Math.PI * s / w2 + p2) + drift;
            Coordinate next = new Coordinate(at.x + STEP * Math.cos(heading), at.y + STEP * Math.sin(heading));
            if (!inside.contains(gf.createPoint(next))) {
                break;
            }
            pts.add(next);
            at = next;
        }
        if (pts.size() < 2) {
            pts.add(new Coordinate(from.x + 1, from.y));
        }
        return gf.createLineString(pts.toArray(Coordinate[]::new));
    }

    /** The network buffered to the half-width that gives {@code area}, clipped to its region, then detailed. */
    private static Corridor corridor(int unit, Polygon region, List<LineString> lines, double area, int vertices,
                                     FractalField field, GeometryFactory gf) {
        Geometry net = gf.createMultiLineString(lines.toArray(LineString[]::new));
        double h = Math.max(5, area / (2 * net.getLength()));
        Polygon shape = null;
        for (int it = 0; it < 8; it++) {
            shape = buffered(net, h, region);
            double got = shape.getArea();
            if (Math.abs(got - area) < 1e-3 * area) {
                break;
            }
            // area grows about linearly with the half-width of a long, thin corridor
            h *= Math.max(0.5, Math.min(2, area / got));
        }
        Polygon detailed = field.apply(shape, FractalField.perimeter(shape) / vertices);
        return new Corridor(unit, detailed, lines, h);
    }

    private static Polygon buffered(Geometry net, double h, Polygon region) {
        BufferParameters bp = new BufferParameters(4, BufferParameters.CAP_ROUND, BufferParameters.JOIN_ROUND, 5);
        Geometry b = BufferOp.bufferOp(net, h, bp);
        return FractalField.largest(OverlayNGRobust.overlay(b, region, OverlayNG.INTERSECTION));
    }

    private static Polygon packed(Polygon p, GeometryFactory gf) {
        GeometryFactory packedGf = new GeometryFactory(gf.getPrecisionModel(), gf.getSRID(),
                PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
        LinearRing shell = packedGf.createLinearRing(p.getExteriorRing().getCoordinateSequence().toCoordinateArray());
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = packedGf.createLinearRing(p.getInteriorRingN(i).getCoordinateSequence().toCoordinateArray());
        }
        return packedGf.createPolygon(shell, holes);
    }
}
