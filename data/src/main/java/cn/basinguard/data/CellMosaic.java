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

/**
 * Splits the district into Voronoi cells of jittered-grid seeds, each clipped to one basin unit. Patches are
 * later shrunk inside their cells, so patches of different cells can never overlap.
 */
final class CellMosaic {
    private static final double MIN_CELL_AREA = 2_000;

    private CellMosaic() {
    }

    static List<Cell> build(DistrictLayout layout, double spacing, SplittableRandom rnd, GeometryFactory gf) {
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
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Polygon cell = (Polygon) diagram.getGeometryN(i);
            for (int u = 0; u < 2; u++) {
                if (!units[u].intersects(cell)) {
                    continue;
                }
                Geometry piece = units[u].containsProperly(cell) ? cell : layout.unit(u).intersection(cell);
                for (int j = 0; j < piece.getNumGeometries(); j++) {
                    if (piece.getGeometryN(j) instanceof Polygon p && p.getArea() >= MIN_CELL_AREA) {
                        cells.add(new Cell(0, u, p));
                    }
                }
            }
        }
        // a stable order independent of the triangulation's internal order
        cells.sort(Comparator.<Cell>comparingInt(Cell::unit)
                .thenComparingDouble(c -> -c.polygon().getEnvelopeInternal().centre().y)
                .thenComparingDouble(c -> c.polygon().getEnvelopeInternal().centre().x));
        List<Cell> numbered = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            numbered.add(new Cell(i, cells.get(i).unit(), cells.get(i).polygon()));
        }
        return numbered;
    }
}
