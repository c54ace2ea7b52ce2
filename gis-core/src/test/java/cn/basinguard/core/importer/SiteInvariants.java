package cn.basinguard.core.importer;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * What every reader promises about what it returns, whatever the input: sites are non-empty polygons with finite
 * coordinates of a size some CRS can have, and each problem is one line of text. The fuzz targets and the defect
 * tests assert it.
 */
final class SiteInvariants {
    private SiteInvariants() {
    }

    static void check(ImportedSites result) {
        for (ImportedSite s : result.sites()) {
            if (!(s.geometry() instanceof Polygon || s.geometry() instanceof MultiPolygon) || s.geometry().isEmpty()) {
                throw new AssertionError("site " + s.id() + " is not a non-empty polygon: " + s.geometry().getGeometryType());
            }
            for (Coordinate c : s.geometry().getCoordinates()) {
                if (!(Math.abs(c.x) <= CoordinateLimits.MAX_ABS && Math.abs(c.y) <= CoordinateLimits.MAX_ABS)) {
                    throw new AssertionError("site " + s.id() + " has the coordinate " + c);
                }
            }
        }
        for (ImportProblem p : result.problems()) {
            if (p.message() == null || p.message().isBlank() || p.message().indexOf('\n') >= 0 || p.message().indexOf('\r') >= 0) {
                throw new AssertionError("problem message is not one line: " + p);
            }
        }
    }
}
