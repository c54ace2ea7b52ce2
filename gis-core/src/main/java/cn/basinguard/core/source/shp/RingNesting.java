package cn.basinguard.core.source.shp;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.hprtree.HPRtree;

/**
 * A Shapefile polygon's rings when their windings cannot be the rule's — an outer ring lies inside another, as
 * exporters that wind counter-clockwise outer rings around clockwise holes write them: organised by nesting instead.
 * Read by winding, such a polygon was two overlapping outer rings, the hole counted as land twice (GDAL 3.6 reads it as
 * a polygon whose outer ring is the hole: invalid too). Used by the layer reader and by the site importer alike.
 */
public final class RingNesting {
    private RingNesting() {
    }

    /**
     * Whether one of {@code shells} (the rings read as outer rings) lies inside another. By the rings' boxes in an
     * index: a red line of thousands of separate parts is asked about each part's few neighbours only.
     */
    public static boolean shellInShell(List<LinearRing> shells) {
        if (shells.size() < 2) {
            return false;
        }
        HPRtree index = new HPRtree();
        for (int i = 0; i < shells.size(); i++) {
            index.insert(shells.get(i).getEnvelopeInternal(), i);
        }
        index.build();
        for (int i = 0; i < shells.size(); i++) {
            Envelope box = shells.get(i).getEnvelopeInternal();
            for (Object o : index.query(box)) {
                int j = (Integer) o;
                Envelope other = shells.get(j).getEnvelopeInternal();
                if (j != i && other.covers(box) && box.getArea() < other.getArea() && inside(shells.get(i), shells.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The rings organised by nesting, whatever their winding: largest first, each ring inside an even number of others
     * an outer ring, inside an odd number a hole of the smallest ring around it.
     */
    public static List<Polygon> byNesting(List<LinearRing> rings, GeometryFactory factory) {
        int n = rings.size();
        double[] areas = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            areas[i] = Area.ofRing(rings.get(i).getCoordinateSequence());
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(areas[b], areas[a]));
        List<LinearRing> sorted = new ArrayList<>(n);
        for (int i : order) {
            sorted.add(rings.get(i));
        }
        int[] parent = new int[n];
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = -1;
            Envelope box = sorted.get(i).getEnvelopeInternal();
            for (int j = i - 1; j >= 0; j--) { // the smallest larger ring around it comes last among those before it
                if (sorted.get(j).getEnvelopeInternal().covers(box) && inside(sorted.get(i), sorted.get(j))) {
                    parent[i] = j;
                    break;
                }
            }
            depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
        }
        List<Polygon> polys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (depth[i] % 2 == 0) {
                List<LinearRing> own = new ArrayList<>();
                for (int h = i + 1; h < n; h++) {
                    if (parent[h] == i) {
                        own.add(sorted.get(h));
                    }
                }
                polys.add(factory.createPolygon(sorted.get(i), own.toArray(new LinearRing[0])));
            }
        }
        return polys;
    }

    /** Whether {@code ring} lies in {@code around}: its first vertex not on the other's boundary decides (a hole in its shell). */
    static boolean inside(LinearRing ring, LinearRing around) {
        Coordinate[] other = around.getCoordinates();
        org.locationtech.jts.geom.CoordinateSequence points = ring.getCoordinateSequence();
        for (int i = 0; i < points.size(); i++) {
            int loc = RayCrossingCounter.locatePointInRing(points.getCoordinate(i), other);
            if (loc != Location.BOUNDARY) {
                return loc == Location.INTERIOR;
            }
        }
        return true;
    }
}
