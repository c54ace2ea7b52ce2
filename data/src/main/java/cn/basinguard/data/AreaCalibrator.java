package cn.basinguard.data;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Shrinks each container polygon about an interior point by one common factor, solved so that the patches
 * sum to a target area, and jitters the shrunk boundary. Each patch is clipped to its container, so it stays inside it whatever the shape.
 */
final class AreaCalibrator {
    private static final int ITERATIONS = 6;

    private AreaCalibrator() {
    }

    static List<Polygon> shrinkToTotal(List<Polygon> containers, double targetArea) {
        double[] ones = new double[containers.size()];
        java.util.Arrays.fill(ones, 1.0);
        return shrinkToTotal(containers, ones, targetArea);
    }

    /**
     * As {@link #shrinkToTotal(List, double)}, the total weighted: Σ weight × area hits the target. Cultivated land is
     * calibrated net of 田坎, weight 1 − KCXS, as the checks count it.
     */
    static List<Polygon> shrinkToTotal(List<Polygon> containers, double[] weights, double targetArea) {
        double full = 0;
        for (int i = 0; i < containers.size(); i++) {
            full += weights[i] * containers.get(i).getArea();
        }
        if (targetArea > full) {
            throw new IllegalStateException("containers too small: " + full + " m² < target " + targetArea + " m²");
        }
        double areaFactor = targetArea / full;
        List<Polygon> patches = null;
        for (int i = 0; i < ITERATIONS; i++) {
            patches = shrinkAll(containers, Math.min(1.0, areaFactor));
            double got = 0;
            for (int k = 0; k < patches.size(); k++) {
                got += weights[k] * patches.get(k).getArea();
            }
            if (Math.abs(got - targetArea) < 1e-5 * targetArea) {
                break;
            }
            // star-shaped containers scale as k²; clipped, non-convex ones lose a little more, hence the loop
            areaFactor *= targetArea / got;
        }
        return patches;
    }

    static double total(List<Polygon> patches) {
        double s = 0;
        for (Polygon p : patches) {
            s += p.getArea();
        }
        return s;
    }

    private static List<Polygon> shrinkAll(List<Polygon> containers, double areaFactor) {
        double k = Math.sqrt(areaFactor);
        List<Polygon> out = new ArrayList<>(containers.size());
        for (Polygon c : containers) {
            out.add(shrink(c, k));
        }
        return out;
    }

    /**
     * One patch shrunk (and jittered) inside its container to {@code targetArea} m², within 10⁻⁷: the per-patch form of
     * {@link #shrinkToTotal} for the tiled generator, which cannot revisit patches once written. The factor is refined
     * with the area ratio (the area grows about as its square); the closest result is kept if the container's shape
     * keeps it from converging.
     */
    static Polygon shrinkTo(Polygon container, double targetArea) {
        double k = Math.sqrt(Math.min(1.0, targetArea / container.getArea()));
        Polygon best = null;
        double bestErr = Double.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            Polygon p = shrink(container, k);
            double got = p.getArea();
            double err = Math.abs(got - targetArea);
            if (err < bestErr) {
                best = p;
                bestErr = err;
            }
            if (err <= 1e-7 * targetArea || got <= 0) {
                break;
            }
            k = Math.min(1.0, k * Math.sqrt(targetArea / got));
        }
        return best;
    }

    static Polygon shrink(Polygon container, double linearFactor) {
        Coordinate centre = container.getCentroid().getCoordinate();
        if (!container.contains(container.getFactory().createPoint(centre))) {
            centre = container.getInteriorPoint().getCoordinate();
        }
        Polygon scaled = BoundaryJitter.apply((Polygon) AffineTransformation
                .scaleInstance(linearFactor, linearFactor, centre.x, centre.y).transform(container),
                Math.sqrt(container.getArea()));
        if (container.covers(scaled)) {
            return scaled;
        }
        // the robust overlay: the classic one throws on the near-coincident edges a jittered ring can have (seed 11)
        Geometry clipped = OverlayNGRobust.overlay(container, scaled, OverlayNG.INTERSECTION);
        return largestPolygon(clipped, scaled);
    }

    private static Polygon largestPolygon(Geometry g, Polygon fallback) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        return best != null ? best : fallback;
    }
}
