package cn.basinguard.core.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns closed rings into a Polygon or MultiPolygon by containment: a ring inside another ring (and not inside one of
 * that ring's holes) is a hole, anything else is another part. Ring numbers and orientation in files are unreliable,
 * so geometry decides (cn-standards §2.1).
 */
final class RingAssembler {
    private static final GeometryFactory GF = new GeometryFactory();

    private RingAssembler() {
    }

    static Geometry assemble(List<Coordinate[]> closedRings) {
        List<LinearRing> rings = new ArrayList<>();
        for (Coordinate[] c : closedRings) {
            rings.add(GF.createLinearRing(c));
        }
        // largest first, so every shell is placed before anything it could contain
        rings.sort(Comparator.comparingDouble((LinearRing r) -> -org.locationtech.jts.algorithm.Area.ofRing(r.getCoordinates())));
        List<LinearRing> shells = new ArrayList<>();
        List<List<LinearRing>> holes = new ArrayList<>();
        for (LinearRing ring : rings) {
            int owner = -1;
            for (int i = shells.size() - 1; i >= 0 && owner < 0; i--) {
                if (inside(ring, shells.get(i)) && holes.get(i).stream().noneMatch(h -> inside(ring, h))) {
                    owner = i;
                }
            }
            if (owner >= 0) {
                holes.get(owner).add(ring);
            } else {
                shells.add(ring);
                holes.add(new ArrayList<>());
            }
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int i = 0; i < polys.length; i++) {
            polys[i] = GF.createPolygon(shells.get(i), holes.get(i).toArray(LinearRing[]::new));
        }
        return polys.length == 1 ? polys[0] : GF.createMultiPolygon(polys);
    }

    private static boolean inside(LinearRing inner, LinearRing outer) {
        Coordinate[] ring = outer.getCoordinates();
        for (Coordinate c : inner.getCoordinates()) {
            if (!PointLocation.isInRing(c, ring)) {
                return false;
            }
        }
        return true;
    }
}
