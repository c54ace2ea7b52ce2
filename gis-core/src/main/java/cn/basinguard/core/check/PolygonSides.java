package cn.basinguard.core.check;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.hprtree.HPRtree;

/**
 * Which side of a polygon's boundary a geometry lies on, when it is clear without an overlay: a geometry whose box meets
 * no boundary edge's box lies wholly inside or wholly outside (its box is connected and crosses no edge), and one of its
 * vertices says which. Most patches lie well inside or well outside a unit or a site, so most are decided by an index
 * query and a point test. The answer holds for a geometry that is not valid too: only its box and one vertex are used.
 */
final class PolygonSides {
    /** Below this many edges the prepared geometry's own tests are as quick. */
    private static final int MIN_EDGES = 16;

    private final HPRtree edges;
    private final IndexedPointInAreaLocator locator;

    private PolygonSides(HPRtree edges, IndexedPointInAreaLocator locator) {
        this.edges = edges;
        this.locator = locator;
    }

    /** The index of {@code polygonal}'s edges; null when it is not polygonal or too small to be worth one. */
    static PolygonSides of(Geometry polygonal) {
        if (polygonal.getDimension() != 2 || polygonal.isEmpty() || polygonal.getNumPoints() < MIN_EDGES) {
            return null;
        }
        HPRtree edges = new HPRtree();
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            if (polygonal.getGeometryN(i) instanceof Polygon p) {
                add(edges, p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    add(edges, p.getInteriorRingN(h));
                }
            }
        }
        edges.build();
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(polygonal);
        // the locator builds its index at its first question: asked here, before the threads of a check share it
        locator.locate(polygonal.getCoordinate());
        return new PolygonSides(edges, locator);
    }

    private static void add(HPRtree edges, LineString ring) {
        CoordinateSequence s = ring.getCoordinateSequence();
        for (int i = 0; i + 1 < s.size(); i++) {
            edges.insert(new Envelope(s.getX(i), s.getX(i + 1), s.getY(i), s.getY(i + 1)), Boolean.TRUE);
        }
    }

    /** 1 wholly inside, −1 wholly outside, 0 when the boundary may cross {@code g} (whose box is {@code box}). */
    int sideOf(Geometry g, Envelope box) {
        return crossed(box) ? 0 : side(g.getCoordinate());
    }

    /** 1 when {@code box} lies wholly inside, −1 wholly outside, 0 when the boundary may cross it. */
    int sideOf(Envelope box) {
        return crossed(box) ? 0 : side(new Coordinate(box.getMinX(), box.getMinY()));
    }

    /** Whether any edge's box meets {@code box}. */
    private boolean crossed(Envelope box) {
        boolean[] crossed = {false};
        edges.query(box, item -> crossed[0] = true);
        return crossed[0];
    }

    private int side(Coordinate c) {
        int loc = locator.locate(c);
        return loc == Location.INTERIOR ? 1 : loc == Location.EXTERIOR ? -1 : 0;
    }
}
