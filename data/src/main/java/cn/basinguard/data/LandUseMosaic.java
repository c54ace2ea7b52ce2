package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The sample's 三调 DLTB: every class, tiling the district with no gap or overlap. It is made of what the planner
 * already placed — the cultivated patches (whose geometry and net area the calibration fixed), the reservoirs and the
 * river and road strips — and fills the rest of each cell by the land around it:
 * <ul>
 * <li>a cultivated cell: the 耕地 patch, and around it (the cell minus the patch) a field margin — 农村道路, 沟渠,
 *     其他草地 or 坑塘;</li>
 * <li>a red-line cell: forest (乔木林地 mostly, 灌木林地, 竹林地, 其他林地) over the whole cell, so the red line lies in
 *     forest;</li>
 * <li>any other cell: a village (农村宅基地, in clusters), town land near the city centre (城镇住宅, 商服, 工业, 科教文卫,
 *     城镇村道路), forest on the hills, orchards and tea gardens on the slopes, ponds, grass and farm facilities below;
 *     cells by a reservoir mostly forest and pond; each less the reservoir surfaces it holds;</li>
 * <li>crumbs (pieces too small to be a cell): grass or rural road.</li>
 * </ul>
 * Patches come in write order: the cultivated patches first, in their own order (so the defect list's fids hold), then
 * the others cell by cell, the strips, the crumbs and the reservoirs.
 */
final class LandUseMosaic {
    /** One DLTB patch; {@code tillage} for 耕地 only, {@code cultivated} its index in the cultivated list or −1. */
    record Patch(int unit, Polygon geometry, String dlbm, Tillage tillage, int cultivated) {
    }

    /** The city centre (the four 街道 around it) as a share of the district's envelope, from its south-west corner. */
    static final double CITY_X = 0.52;
    static final double CITY_Y = 0.42;
    static final double CITY_RADIUS = 4_500;
    private static final double VILLAGE_GRID = 2_800;
    private static final double VILLAGE_RADIUS = 520;

    private LandUseMosaic() {
    }

    /** The patches, and the two units as the union of their patches' faces (see {@link #partition}). */
    record Result(List<Patch> patches, DistrictLayout layout) {
    }

    static Result build(DistrictLayout layout, CellMosaic.Mosaic mosaic, LandPlan land, List<Reservoir> reservoirs,
                             List<Defect> defects) {
        Envelope[] unitEnv = {layout.unit(0).getEnvelopeInternal(), layout.unit(1).getEnvelopeInternal()};
        STRtree water = new STRtree();
        for (Reservoir r : reservoirs) {
            water.insert(r.surface().getEnvelopeInternal(), r.surface());
        }
        List<Patch> out = new ArrayList<>();
        java.util.Map<Integer, Polygon> cultivatedByCell = new java.util.HashMap<>();
        for (int i = 0; i < land.cultivated().size(); i++) {
            LandPatch p = land.cultivated().get(i);
            out.add(new Patch(p.unit(), p.geometry(), null, Tillage.of(p.cell().polygon(), unitEnv[p.unit()]), i));
            cultivatedByCell.put(p.cell().id(), p.geometry());
        }
        Set<Integer> redCells = new TreeSet<>();
        for (LandPatch p : land.redLine()) {
            redCells.add(p.cell().id());
        }
        // the bow-tie and the sliver were put in free cells: around them the cell keeps its own land
        Set<Integer> defectCells = new TreeSet<>();
        for (Defect d : defects) {
            if (d.layer().equals(SampleLayers.CULTIVATED) && !d.type().equals(Defect.DUPLICATE_VERTEX)) {
                defectCells.add(land.cultivated().get(d.index()).cell().id());
            }
        }
        Envelope district = layout.outline().getEnvelopeInternal();
        Coordinate city = city(district);
        for (Cell c : mosaic.cells()) {
            Geometry region = lessWater(c.polygon(), water);
            boolean byWater = region != c.polygon();
            Polygon patch = cultivatedByCell.get(c.id());
            boolean margin = patch != null && !defectCells.contains(c.id());
            if (patch != null) {
                Geometry taken = patch.isValid() ? patch : GeometryFixer.fix(patch);
                region = OverlayNGRobust.overlay(region, taken, OverlayNG.DIFFERENCE);
            }
            String dlbm;
            long h = hash(c.polygon());
            if (margin) {
                dlbm = marginClass(h);
            } else if (redCells.contains(c.id())) {
                dlbm = forestClass(h);
            } else {
                dlbm = freeClass(c.polygon(), h, unitEnv[c.unit()], city, byWater);
            }
            for (Polygon p : polygons(region)) {
                out.add(new Patch(c.unit(), p, dlbm, null, -1));
            }
        }
        for (CellMosaic.Strip s : mosaic.strips()) {
            for (Polygon p : polygons(lessWater(s.polygon(), water))) {
                out.add(new Patch(s.unit(), p, s.dlbm(), null, -1));
            }
        }
        for (Cell c : mosaic.crumbs()) {
            String dlbm = crumbClass(hash(c.polygon()));
            for (Polygon p : polygons(lessWater(c.polygon(), water))) {
                out.add(new Patch(c.unit(), p, dlbm, null, -1));
            }
        }
        for (Reservoir r : reservoirs) {
            out.add(new Patch(r.unit(), r.surface(), "1103", null, -1));
        }
        return partition(out, defects, layout);
    }

    /**
     * The patches made one exact planar partition on a 1 mm grid. Each patch was cut from its neighbours by its own
     * overlay, so shared edges agree only to a few nanometres, and the move into zone 38 (+38 000 000 m, where doubles
     * are 7·10⁻⁹ m apart) would fold such near-coincident vertices into self-intersections. So all their boundaries are
     * noded together once, snap-rounded to millimetres, and polygonised; each face goes to the first patch (in list
     * order: 耕地 first) that holds its interior point — or, for the slivers between two near-coincident edges, the
     * nearest — and each patch is the union of its faces. Neighbours then share their vertices exactly: no gap, no
     * overlap, every ring valid. The deliberate defects keep their shape: the bow-tie is written as drawn (its repaired
     * shape takes part in the partition), the duplicate vertex is put back. A patch that comes out in several parts
     * keeps its largest in place and the others follow at the end with the same class.
     */
    private static Result partition(List<Patch> claims, List<Defect> defects, DistrictLayout layout) {
        org.locationtech.jts.geom.GeometryFactory gf = layout.outline().getFactory();
        java.util.Map<Integer, String> defectOf = new java.util.HashMap<>();
        for (Defect d : defects) {
            if (d.layer().equals(SampleLayers.CULTIVATED)) {
                defectOf.put(d.index(), d.type());
            }
        }
        List<Geometry> shapes = new ArrayList<>(claims.size());
        STRtree index = new STRtree();
        for (int i = 0; i < claims.size(); i++) {
            Geometry g = claims.get(i).geometry().isValid() ? claims.get(i).geometry() : GeometryFixer.fix(claims.get(i).geometry());
            shapes.add(g);
            index.insert(g.getEnvelopeInternal(), i);
        }
        List<org.locationtech.jts.geom.LineString> noded = nodedEdges(shapes, gf);
        org.locationtech.jts.operation.polygonize.Polygonizer polygonizer = new org.locationtech.jts.operation.polygonize.Polygonizer();
        polygonizer.add(noded);
        // the polygoniser's graph keeps its edges in hash sets: its faces come in no fixed order and with no fixed
        // first vertex, so they are put in one (normalised, then sorted by place) before anything depends on them
        @SuppressWarnings("unchecked")
        List<Polygon> faces = new ArrayList<>(polygonizer.getPolygons());
        faces.forEach(Polygon::normalize);
        faces.sort(java.util.Comparator.<Polygon>comparingDouble(f -> f.getEnvelopeInternal().getMinX())
                .thenComparingDouble(f -> f.getEnvelopeInternal().getMinY()).thenComparingDouble(f -> f.getEnvelopeInternal().getMaxX())
                .thenComparingDouble(f -> f.getEnvelopeInternal().getMaxY()).thenComparingDouble(Polygon::getArea));
        java.util.Map<Integer, List<Geometry>> facesOf = new java.util.TreeMap<>();
        for (Polygon f : faces) {
            org.locationtech.jts.geom.Point pt = f.getInteriorPoint();
            Envelope near = new Envelope(pt.getCoordinate());
            near.expandBy(1.0);
            int owner = -1;
            double best = Double.MAX_VALUE;
            @SuppressWarnings("unchecked")
            List<Integer> candidates = new ArrayList<>(index.query(near));
            candidates.sort(null);
            for (int i : candidates) {
                if (org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator.isContained(pt.getCoordinate(), shapes.get(i))) {
                    owner = i;
                    break;
                }
            }
            for (int i : owner >= 0 ? List.<Integer>of() : candidates) {
                double d = shapes.get(i).distance(pt);
                if (d == 0) {
                    owner = i;
                    break;
                }
                if (d < best) {
                    best = d;
                    owner = i;
                }
            }
            if (owner >= 0) {
                facesOf.computeIfAbsent(owner, k -> new ArrayList<>()).add(f);
            }
        }
        List<Patch> out = new ArrayList<>(claims.size());
        List<Patch> extra = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Patch p = claims.get(i);
            List<Geometry> mine = facesOf.get(i);
            if (mine == null) {
                continue;
            }
            List<Polygon> parts = polygons(mine.size() == 1 ? mine.get(0)
                    : org.locationtech.jts.operation.overlayng.UnaryUnionNG.union(gf.buildGeometry(mine), MILLIMETRE));
            parts.forEach(Polygon::normalize);
            parts.sort(java.util.Comparator.comparingDouble(Polygon::getArea).reversed());
            Polygon main = parts.get(0);
            String defect = p.cultivated() >= 0 ? defectOf.get(p.cultivated()) : null;
            if (Defect.SELF_INTERSECTION.equals(defect)) {
                out.add(p); // as drawn: its repair is the faces it got, all of them
                continue;
            }
            if (Defect.DUPLICATE_VERTEX.equals(defect)) {
                main = DefectInjector.withDuplicateVertex(main);
            }
            out.add(new Patch(p.unit(), main, p.dlbm(), p.tillage(), p.cultivated()));
            for (Polygon q : parts.subList(1, parts.size())) {
                extra.add(new Patch(p.unit(), q, p.dlbm(), p.tillage(), -1));
            }
        }
        out.addAll(extra);
       
        // the units from the same arrangement, so they and the land-use layer have one outline to the last vertex: the
        // noded edges that run along a unit's boundary (within 2 mm of it: snap rounding moves a vertex by ≤ 0.7 mm)
        // polygonised, each face given to the unit that holds its interior point
        org.locationtech.jts.operation.distance.IndexedFacetDistance boundary = new org.locationtech.jts.operation.distance.IndexedFacetDistance(
                gf.createMultiLineString(new org.locationtech.jts.geom.LineString[] {layout.unit(0).getExteriorRing(), layout.unit(1).getExteriorRing()}));
        org.locationtech.jts.operation.polygonize.Polygonizer outer = new org.locationtech.jts.operation.polygonize.Polygonizer();
        for (org.locationtech.jts.geom.LineString edge : noded) {
            Coordinate a = edge.getCoordinateN(0);
            Coordinate b = edge.getCoordinateN(1);
            if (boundary.isWithinDistance(gf.createPoint(new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2)), 0.002)) {
                outer.add(edge);
            }
        }
        @SuppressWarnings("unchecked")
        List<Polygon> unitParts = new ArrayList<>(outer.getPolygons());
        unitParts.forEach(Polygon::normalize);
        unitParts.sort(java.util.Comparator.<Polygon>comparingDouble(f -> f.getEnvelopeInternal().getMinX())
                .thenComparingDouble(f -> f.getEnvelopeInternal().getMinY()).thenComparingDouble(Polygon::getArea));
        List<List<Geometry>> unitFaces = List.of(new ArrayList<>(), new ArrayList<>());
        for (Polygon f : unitParts) {
            org.locationtech.jts.geom.Point pt = f.getInteriorPoint();
            unitFaces.get(layout.unit(0).distance(pt) <= layout.unit(1).distance(pt) ? 0 : 1).add(f);
        }
        Polygon[] units = new Polygon[2];
        for (int u = 0; u < 2; u++) {
            List<Polygon> parts = polygons(unitFaces.get(u).size() == 1 ? unitFaces.get(u).get(0)
                    : org.locationtech.jts.operation.overlayng.UnaryUnionNG.union(gf.buildGeometry(unitFaces.get(u)), MILLIMETRE));
            parts.sort(java.util.Comparator.comparingDouble(Polygon::getArea).reversed());
            units[u] = parts.get(0);
            units[u].normalize();
        }
        Polygon outline = polygons(org.locationtech.jts.operation.overlayng.UnaryUnionNG.union(gf.createMultiPolygon(units), MILLIMETRE)).get(0);
        outline.normalize();
        return new Result(out, new DistrictLayout(outline, units[0], units[1], layout.divide()));
    }

    /**
     * Every ring of every shape noded together by snap rounding on the millimetre grid, as single segments with the
     * copies shared by two neighbours (identical once rounded) kept once: what the polygoniser needs, without the
     * overlay graph a linework union would also build and label.
     */
    private static List<org.locationtech.jts.geom.LineString> nodedEdges(List<Geometry> shapes, org.locationtech.jts.geom.GeometryFactory gf) {
        List<org.locationtech.jts.noding.SegmentString> rings = new ArrayList<>();
        for (Geometry g : shapes) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                rings.add(new org.locationtech.jts.noding.NodedSegmentString(p.getExteriorRing().getCoordinates(), null));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    rings.add(new org.locationtech.jts.noding.NodedSegmentString(p.getInteriorRingN(h).getCoordinates(), null));
                }
            }
        }
        org.locationtech.jts.noding.snapround.SnapRoundingNoder noder = new org.locationtech.jts.noding.snapround.SnapRoundingNoder(MILLIMETRE);
        noder.computeNodes(rings);
        java.util.Set<org.locationtech.jts.geom.LineSegment> seen = new java.util.HashSet<>();
        List<org.locationtech.jts.geom.LineString> edges = new ArrayList<>();
        for (Object o : noder.getNodedSubstrings()) {
            Coordinate[] c = ((org.locationtech.jts.noding.SegmentString) o).getCoordinates();
            for (int i = 0; i + 1 < c.length; i++) {
                if (c[i].equals2D(c[i + 1])) {
                    continue;
                }
                org.locationtech.jts.geom.LineSegment seg = new org.locationtech.jts.geom.LineSegment(c[i], c[i + 1]);
                seg.normalize();
                if (seen.add(seg)) {
                    edges.add(gf.createLineString(new Coordinate[] {seg.p0.copy(), seg.p1.copy()}));
                }
            }
        }
        return edges;
    }

    private static final PrecisionModel MILLIMETRE = new PrecisionModel(1_000);

    /** The field margin around a 耕地 patch (the rest of its cell). */
    static String marginClass(long h) {
        return pick(h, new String[] {"1006", "1107", "0404", "1104"}, new double[] {0.40, 0.25, 0.20, 0.15});
    }

    /** The forest of a red-line cell: the red line lies in forest. */
    static String forestClass(long h) {
        return pick(h, new String[] {"0301", "0305", "0302", "0307"}, new double[] {0.72, 0.14, 0.06, 0.08});
    }

    /** A crumb, a piece too small to be a cell. */
    static String crumbClass(long h) {
        return pick(h, new String[] {"0404", "1006", "0307"}, new double[] {0.5, 0.3, 0.2});
    }

    /** The city centre of a district with this outline. */
    static Coordinate city(Envelope district) {
        return new Coordinate(district.getMinX() + CITY_X * district.getWidth(), district.getMinY() + CITY_Y * district.getHeight());
    }

    /** The class of a cell that carries neither 耕地 nor red line, by its place (town, village, hill, water). */
    static String freeClass(Polygon cell, long h, Envelope unit, Coordinate city, boolean byWater) {
        Coordinate m = cell.getEnvelopeInternal().centre();
        double west = (unit.getMaxX() - m.x) / unit.getWidth();
        double north = (m.y - unit.getMinY()) / unit.getHeight();
        double hill = west + north + 0.5 * CellGrid.unit(CellGrid.mix(h + 7));
        if (m.distance(city) < CITY_RADIUS * (0.8 + 0.4 * CellGrid.unit(CellGrid.mix(h + 3)))) {
            return pick(h, new String[] {"0701", "05H1", "0601", "08H2", "1004", "0810"},
                    new double[] {0.40, 0.15, 0.18, 0.10, 0.12, 0.05});
        }
        if (byWater) {
            return pick(h, new String[] {"0301", "1104", "0404", "1106"}, new double[] {0.55, 0.20, 0.15, 0.10});
        }
        if (nearVillage(m, hill)) {
            return "0702";
        }
        if (hill > 1.05) {
            return pick(h, new String[] {"0301", "0305", "0307", "0302", "0404"}, new double[] {0.62, 0.15, 0.10, 0.05, 0.08});
        }
        if (hill > 0.6) {
            return pick(h, new String[] {"0301", "0201", "0202", "0204", "0404", "1104", "0307"},
                    new double[] {0.40, 0.12, 0.10, 0.04, 0.14, 0.10, 0.10});
        }
        return pick(h, new String[] {"0301", "1104", "0404", "0201", "1202", "0602", "0307"},
                new double[] {0.30, 0.22, 0.18, 0.10, 0.08, 0.04, 0.08});
    }

    /** Villages sit in clusters: near the jittered nodes of a grid, more of them in the lower land. */
    private static boolean nearVillage(Coordinate m, double hill) {
        long gx = Math.round(m.x / VILLAGE_GRID);
        long gy = Math.round(m.y / VILLAGE_GRID);
        for (long i = gx - 1; i <= gx + 1; i++) {
            for (long j = gy - 1; j <= gy + 1; j++) {
                long h = CellGrid.mix(i * 0x9E3779B97F4A7C15L + j);
                double x = (i + 0.6 * (CellGrid.unit(h) - 0.5)) * VILLAGE_GRID;
                double y = (j + 0.6 * (CellGrid.unit(CellGrid.mix(h)) - 0.5)) * VILLAGE_GRID;
                if (m.distance(new Coordinate(x, y)) < VILLAGE_RADIUS * (hill > 1.0 ? 0.6 : 1.0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Geometry lessWater(Polygon p, STRtree water) {
        Geometry g = p;
        for (Object o : water.query(p.getEnvelopeInternal())) {
            Polygon w = (Polygon) o;
            if (w.intersects(g)) {
                g = OverlayNGRobust.overlay(g, w, OverlayNG.DIFFERENCE);
            }
        }
        return g;
    }

    static long hash(Polygon p) {
        Coordinate c = p.getEnvelopeInternal().centre();
        return CellGrid.mix(Double.doubleToLongBits(c.x) * 0x2545F4914F6CDD1DL + Double.doubleToLongBits(c.y));
    }

    private static String pick(long h, String[] codes, double[] weights) {
        double r = CellGrid.unit(CellGrid.mix(h ^ 0x5851F42D4C957F2DL));
        double sum = 0;
        for (int i = 0; i < codes.length; i++) {
            sum += weights[i];
            if (r < sum) {
                return codes[i];
            }
        }
        return codes[codes.length - 1];
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
