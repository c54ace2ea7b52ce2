package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Project sites for the tiled generator: the 专栏 1–9 projects again and again (as the county sample has them),
 * each centred where its SLYT would put it — on a red-line cell or corridor, on basic farmland, on ordinary
 * cultivated land, on a medium reservoir's shore, on the dividing line — found by drawing grid positions and asking
 * {@link LandRules} what they carry, so no patch needs to be kept. As at county scale, SLYT is the intent only: at
 * this density a footprint of several hectares meets many patches, and the checks compute the overlaps themselves.
 */
final class TiledSites {
    private static final int DRAWS = 200_000;

    private TiledSites() {
    }

    static List<Site> plan(TiledLayout tl, LandRules rules, int copies, SplittableRandom rnd, GeometryFactory gf) {
        List<Site> out = new ArrayList<>();
        Coordinate[] divide = tl.layout.divide().intersection(tl.layout.outline().buffer(-3_000, 2)).getCoordinates();
        PreparedGeometry[] clean = new PreparedGeometry[2];
        for (int u = 0; u < 2; u++) {
            clean[u] = PreparedGeometryFactory.prepare(tl.layout.unit(u).buffer(-500, 2));
        }
        int serial = 1;
        for (int copy = 0; copy < copies; copy++) {
            for (SitePlanner.Project p : SitePlanner.PROJECTS) {
                String name = copies == 1 ? p.name() : p.name() + "（地块" + (copy + 1) + "）";
                double area = p.hectares() * 1e4 * (0.8 + 0.4 * rnd.nextDouble());
                double rot = rnd.nextDouble(Math.PI);
                Coordinate c = switch (p.intent()) {
                    case Site.SPANS_UNITS -> divide[divide.length / 4 + rnd.nextInt(divide.length / 2)];
                    case Site.NEAR_RESERVOIR -> shore(tl, p.unit(), rnd);
                    case Site.CLEAN -> inside(clean[p.unit()], rnd, gf);
                    default -> onLand(tl, rules, p.intent(), p.unit(), rnd, clean[p.unit()], gf);
                };
                Polygon shape = SitePlanner.footprint(c, area, p.aspect(), rot, rnd, gf);
                out.add(new Site(String.format("XM-%05d", serial++), name, p.column(), p.category(), p.intent(), shape));
            }
        }
        return out;
    }

    /** A seed point of a cell that carries what the intent overlaps (or a point in a red-line corridor). */
    private static Coordinate onLand(TiledLayout tl, LandRules rules, String intent, int unit, SplittableRandom rnd,
                                     PreparedGeometry fallback, GeometryFactory gf) {
        Envelope e = tl.layout.unit(unit).getEnvelopeInternal();
        CellGrid g = tl.grid;
        for (int draw = 0; draw < DRAWS; draw++) {
            double x = e.getMinX() + rnd.nextDouble(e.getWidth());
            double y = e.getMinY() + rnd.nextDouble(e.getHeight());
            if (Site.RED_LINE.equals(intent) && rules.bigPolygons()) {
                if (tl.unitOf(x, y) == unit && rules.covered(x, y)) {
                    return new Coordinate(x, y);
                }
                continue;
            }
            int i = g.column(x);
            int j = g.row(y);
            if (i < 0 || j < 0 || i >= g.nx || j >= g.ny) {
                continue;
            }
            CellGrid.Draws d = g.draws(i, j);
            if (!tl.seeded(d.x(), d.y()) || tl.unitOf(d.x(), d.y()) != unit) {
                continue;
            }
            LandRules.Use use = rules.useOfSeed(unit, d.x(), d.y(), d, tl.nearWaterEstimate(d.x(), d.y()));
            boolean fits = switch (intent) {
                case Site.RED_LINE -> use == LandRules.Use.RED;
                case Site.BASIC_FARMLAND -> use == LandRules.Use.CULTIVATED && d.host();
                default -> use == LandRules.Use.CULTIVATED && !d.host();
            };
            if (fits) {
                return new Coordinate(d.x(), d.y());
            }
        }
        return inside(fallback, rnd, gf);
    }

    private static Coordinate shore(TiledLayout tl, int unit, SplittableRandom rnd) {
        List<Reservoir> medium = new ArrayList<>();
        for (Reservoir r : tl.reservoirs) {
            if (r.medium() && r.unit() == unit) {
                medium.add(r);
            }
        }
        Coordinate[] ring = medium.get(rnd.nextInt(medium.size())).surface().getExteriorRing().getCoordinates();
        return ring[rnd.nextInt(ring.length - 1)];
    }

    private static Coordinate inside(PreparedGeometry area, SplittableRandom rnd, GeometryFactory gf) {
        Envelope e = area.getGeometry().getEnvelopeInternal();
        for (int draw = 0; draw < 1_000; draw++) {
            Coordinate c = new Coordinate(e.getMinX() + rnd.nextDouble(e.getWidth()), e.getMinY() + rnd.nextDouble(e.getHeight()));
            if (area.contains(gf.createPoint(c))) {
                return c;
            }
        }
        return area.getGeometry().getInteriorPoint().getCoordinate();
    }
}
