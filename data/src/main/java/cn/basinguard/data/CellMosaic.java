package cn.basinguard.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Splits the district into Voronoi cells of jittered-grid seeds, each clipped to one basin unit, with the rivers and
 * roads ({@link Corridors}) cut out. Patches are later shrunk inside their cells, so patches of different cells can
 * never overlap. The cells, the strips of river and road in each Voronoi cell and the crumbs (pieces too small to be
 * a cell) tile the district with no gap: the land-use layer is made of all three.
 */
final class CellMosaic {
    private static final double MIN_CELL_AREA = 2_000;

    private CellMosaic() {
    }

    /** A piece of river or road in one Voronoi cell of one unit. */
    record Strip(int unit, Polygon polygon, String dlbm) {
    }

    /** The cells (numbered), the strips and the crumbs (Cell id −1), each list in a stable order. */
    record Mosaic(List<Cell> cells, List<Strip> strips, List<Cell> crumbs) {
    }

    static Mosaic build(DistrictLayout layout, double spacing, SplittableRandom rnd, GeometryFactory gf, Corridors corridors) {
        Envelope env = layout.outline().getEnvelopeInternal();
        PreparedGeometry near = PreparedGeometryFactory.prepare(layout.outline().buffer(2 * spacing, 2));
        List<Coordinate> seeds = new ArrayList<>();
        for (double y = env.getMinY() - spacing; y <= env.getMaxY() + spacing; y += spacing) {
            for (double x = env.getMinX() - spacing; x <= env.getMaxX() + spacing; x += spacing) {
                Coordinate c = new Coordinate(x + spacing * 0.8 * (rnd.nextDouble() - 0.5),
                        y + spacing * 0.8 * (rnd.nextDouble() - 0.5));
                if (near.contains(gf.createPoint(c))) {
                    seeds.add(c);
                }
            }
        }
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        MultiPoint mp = gf.createMultiPointFromCoords(seeds.toArray(Coordinate[]::new));
        vb.setSites(mp);
        Envelope clip = new Envelope(env);
        clip.expandBy(3 * spacing);
        vb.setClipEnvelope(clip);
        Geometry diagram = vb.getDiagram(gf);

        PreparedGeometry[] units = {PreparedGeometryFactory.prepare(layout.yunshui()),
                PreparedGeometryFactory.prepare(layout.zhangshui())};
        PreparedGeometry lines = PreparedGeometryFactory.prepare(corridors.all());
        // the strips cut into small fragments once, so each cell overlays only the few near it, not whole rivers
        org.locationtech.jts.index.strtree.STRtree[] fragments = new org.locationtech.jts.index.strtree.STRtree[KINDS.length];
        Geometry[] kinds = {corridors.water(), corridors.roads(), corridors.ruralRoads()};
        for (int k = 0; k < KINDS.length; k++) {
            fragments[k] = new org.locationtech.jts.index.strtree.STRtree();
            for (Geometry f : fragments(kinds[k], kinds[k].getEnvelopeInternal(), gf)) {
                fragments[k].insert(f.getEnvelopeInternal(), f);
            }
        }
        List<Geometry> cut = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        List<Strip> strips = new ArrayList<>();
        List<Cell> crumbs = new ArrayList<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Polygon cell = (Polygon) diagram.getGeometryN(i);
            for (int u = 0; u < 2; u++) {
                if (!units[u].intersects(cell)) {
                    continue;
                }
                Geometry piece = units[u].containsProperly(cell) ? cell : layout.unit(u).intersection(cell);
                if (lines.intersects(piece)) {
                    for (int k = 0; k < KINDS.length; k++) {
                        List<Geometry> in = new ArrayList<>();
                        for (Object o : fragments[k].query(piece.getEnvelopeInternal())) {
                            Geometry f = (Geometry) o;
                            if (f.intersects(piece)) {
                                in.add(OverlayNGRobust.overlay(piece, f, OverlayNG.INTERSECTION));
                                cut.add(f);
                            }
                        }
                        if (in.isEmpty()) {
                            continue;
                        }
                        for (Polygon p : polygons(in.size() == 1 ? in.get(0) : OverlayNGRobust.union(in))) {
                            strips.add(new Strip(u, p, KINDS[k]));
                        }
                    }
                    for (Geometry f : cut) {
                        piece = OverlayNGRobust.overlay(piece, f, OverlayNG.DIFFERENCE);
                    }
                    cut.clear();
                }
                for (Polygon p : polygons(piece)) {
                    (p.getArea() >= MIN_CELL_AREA ? cells : crumbs).add(new Cell(p.getArea() >= MIN_CELL_AREA ? 0 : -1, u, p));
                }
            }
        }
        // a stable order independent of the triangulation's internal order
        Comparator<Polygon> byPlace = Comparator.<Polygon>comparingDouble(p -> -p.getEnvelopeInternal().centre().y)
                .thenComparingDouble(p -> p.getEnvelopeInternal().centre().x).thenComparingDouble(Polygon::getArea);
        cells.sort(Comparator.comparingInt(Cell::unit).thenComparing(Cell::polygon, byPlace));
        crumbs.sort(Comparator.comparingInt(Cell::unit).thenComparing(Cell::polygon, byPlace));
        strips.sort(Comparator.comparingInt(Strip::unit).thenComparing(Strip::dlbm).thenComparing(Strip::polygon, byPlace));
        List<Cell> numbered = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            numbered.add(new Cell(i, cells.get(i).unit(), cells.get(i).polygon()));
        }
        return new Mosaic(numbered, strips, crumbs);
    }

    private static final String[] KINDS = {Corridors.RIVER, Corridors.HIGHWAY, Corridors.RURAL_ROAD};
    private static final int FRAGMENT_VERTICES = 400;

    /** The polygons of {@code g} inside {@code box}, cut by quarters of the box until each is small. */
    private static List<Geometry> fragments(Geometry g, Envelope box, GeometryFactory gf) {
        List<Geometry> out = new ArrayList<>();
        if (g.isEmpty()) {
            return out;
        }
        if (g.getNumPoints() <= FRAGMENT_VERTICES || box.getWidth() < 500) {
            out.addAll(polygons(g));
            return out;
        }
        double mx = box.centre().x;
        double my = box.centre().y;
        Envelope[] quarters = {new Envelope(box.getMinX(), mx, box.getMinY(), my), new Envelope(mx, box.getMaxX(), box.getMinY(), my),
            new Envelope(box.getMinX(), mx, my, box.getMaxY()), new Envelope(mx, box.getMaxX(), my, box.getMaxY())};
        for (Envelope q : quarters) {
            out.addAll(fragments(OverlayNGRobust.overlay(g, gf.toGeometry(q), OverlayNG.INTERSECTION), q, gf));
        }
        return out;
    }

    private static List<Polygon> polygons(Geometry g) {
        List<Polygon> out = new ArrayList<>();
        for (int j = 0; j < g.getNumGeometries(); j++) {
            if (g.getGeometryN(j) instanceof Polygon p && !p.isEmpty() && p.getArea() > 0) {
                out.add(p);
            }
        }
        return out;
    }
}
