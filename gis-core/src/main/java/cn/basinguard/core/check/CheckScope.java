package cn.basinguard.core.check;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.crs.LonLat;
import cn.basinguard.core.measure.GroundDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Where the checks have data, and whether a project site lies there. The extent is the envelope of the units in the
 * working grid (without units, of the red-line layers). A site is placed from its own coordinates first: only a site
 * within {@link #MARGIN_DEG} of the extent's longitude/latitude box is moved into the working grid at all, since a
 * Gauss–Krüger grid maps far-away points to nonsense (124° from the central meridian they land back near it). Near
 * sites are then placed exactly in the grid. Distances are ground distances on the ellipsoid, from longitude/latitude
 * computed in the site's own CRS.
 */
final class CheckScope {
    /** Sites within this many degrees of the extent's box are near enough for the grid (well inside its zone). */
    static final double MARGIN_DEG = 1.0;
    /** Points along each edge of the extent at which a far site's distance is first sampled. */
    private static final int EDGE_SAMPLES = 16;
    /** Vertices of a far site at most looked at (evenly taken from its convex hull). */
    private static final int SITE_POINTS = 64;
    /**
     * How far above the nearest an edge's nearest vertex may lie on the sphere and still be measured on the ellipsoid:
     * the sphere's error is nearly the same for points a few kilometres apart, so it can only swap two that lie
     * within about 3e-5 of each other.
     */
    private static final double CHOICE_MARGIN = 1e-4;
    private static final List<LayerRole> RED_LINES = List.of(LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE, LayerRole.CULTIVATED);

    private final SiteScope.Basis basis;
    private final Crs grid;
    private final Envelope extent;
    private final Geometry extentPolygon;
    private final Envelope lonLatBox;
    /** Longitude/latitude at EDGE_SAMPLES + 1 points along each edge of the extent (corner to corner). */
    private final double[][][] edges;

    private CheckScope(SiteScope.Basis basis, Crs grid, Envelope extent) {
        this.basis = basis;
        this.grid = grid;
        this.extent = extent;
        this.extentPolygon = extent == null ? null : new GeometryFactory().toGeometry(extent);
        this.edges = new double[4][][];
        this.lonLatBox = new Envelope();
        if (extent != null) {
            for (int e = 0; e < 4; e++) {
                edges[e] = new double[EDGE_SAMPLES + 1][];
                for (int i = 0; i <= EDGE_SAMPLES; i++) {
                    double[] p = edgePoint(e, (double) i / EDGE_SAMPLES);
                    edges[e][i] = p;
                    lonLatBox.expandToInclude(p[0], p[1]);
                }
            }
        }
    }

    /** The extent of the units in {@code layers}, else of the red-line layers, else none. */
    /** The extent of the units (in the grid), else of the red-line layers, else none. */
    static CheckScope of(Envelope units, Envelope redLines, Crs grid) {
        if (units != null) {
            return new CheckScope(SiteScope.Basis.UNITS, grid, units);
        }
        return redLines != null ? new CheckScope(SiteScope.Basis.RED_LINES, grid, redLines)
            : new CheckScope(SiteScope.Basis.NONE, grid, null);
    }

    static CheckScope of(Map<LayerRole, WorkingLayer> layers, Crs grid) {
        Envelope units = envelope(layers.get(LayerRole.UNITS));
        if (units != null) {
            return new CheckScope(SiteScope.Basis.UNITS, grid, units);
        }
        Envelope redLines = null;
        for (LayerRole role : RED_LINES) {
            Envelope e = envelope(layers.get(role));
            if (e != null) {
                redLines = redLines == null ? e : redLines;
                redLines.expandToInclude(e);
            }
        }
        return redLines != null ? new CheckScope(SiteScope.Basis.RED_LINES, grid, redLines)
            : new CheckScope(SiteScope.Basis.NONE, grid, null);
    }

    private static Envelope envelope(WorkingLayer layer) {
        if (layer == null) {
            return null;
        }
        Envelope e = new Envelope();
        for (WorkingFeature f : layer.features()) {
            e.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        return e.isNull() ? null : e;
    }

    SiteScope.Basis basis() {
        return basis;
    }

    /**
     * The scope of a site that must not be moved into the working grid — too far from the extent, no position in its
     * own CRS, or no extent at all — decided from its own coordinates; null when it is near enough to be placed in the
     * grid by {@link #place}. Sites without geometry are left to the layer's data-quality checks (null).
     */
    SiteScope beyondReach(Geometry g, Crs own) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        if (basis == SiteScope.Basis.NONE) {
            return new SiteScope(SiteScope.Status.OUTSIDE, basis, null, null, null, null);
        }
        Envelope e = g.getEnvelopeInternal();
        Envelope siteBox = new Envelope();
        for (double[] p : new double[][] {{e.getMinX(), e.getMinY()}, {e.getMaxX(), e.getMinY()}, {e.getMinX(), e.getMaxY()},
                {e.getMaxX(), e.getMaxY()}, {e.centre().x, e.getMinY()}, {e.centre().x, e.getMaxY()}, {e.getMinX(), e.centre().y},
                {e.getMaxX(), e.centre().y}}) {
            double[] ll = own == null ? null : LonLat.of(p[0], p[1], own);
            if (ll == null) {
                return outside(null, null, e, own);
            }
            siteBox.expandToInclude(ll[0], ll[1]);
        }
        Envelope reach = new Envelope(lonLatBox);
        reach.expandBy(MARGIN_DEG);
        if (reach.covers(siteBox)) {
            return null;
        }
        if (siteBox.intersects(lonLatBox)) {
            // reaches from the data to far away: what lies inside cannot be cut out without the grid, so nothing is measured
            return new SiteScope(SiteScope.Status.PARTLY_OUTSIDE, basis, null, siteBox.centre().x, siteBox.centre().y, null);
        }
        return outside(farDistance(g, own), siteBox.centre(), e, own);
    }

    /** The scope of a site near enough to have been moved into the working grid ({@code inGrid}). */
    SiteScope place(Geometry inGrid, Geometry source, Crs own) {
        Envelope e = inGrid.getEnvelopeInternal();
        if (extent.covers(e)) {
            return SiteScope.inside(basis);
        }
        double[] centre = LonLat.of(source.getEnvelopeInternal().centre().x, source.getEnvelopeInternal().centre().y, own);
        if (extentPolygon.intersects(inGrid)) {
            return new SiteScope(SiteScope.Status.PARTLY_OUTSIDE, basis, null, centre == null ? null : centre[0],
                centre == null ? null : centre[1], null);
        }
        Coordinate[] nearest = DistanceOp.nearestPoints(inGrid, extentPolygon);
        double[] a = LonLat.of(nearest[0].x, nearest[0].y, grid);
        double[] b = LonLat.of(nearest[1].x, nearest[1].y, grid);
        Double d = a == null || b == null ? null : GroundDistance.between(a[0], a[1], b[0], b[1]);
        return outside(d, centre == null ? null : new Coordinate(centre[0], centre[1]), source.getEnvelopeInternal(), own);
    }

    private SiteScope outside(Double distanceM, Coordinate lonLat, Envelope source, Crs own) {
        CrsHint hint = CrsHints.suggest(source.centre().x, source.centre().y, own, grid, this::insideLonLat);
        return new SiteScope(SiteScope.Status.OUTSIDE, basis, distanceM, lonLat == null ? null : lonLat.x,
            lonLat == null ? null : lonLat.y, hint);
    }

    /** Whether a CGCS2000 longitude/latitude lies inside the extent (tested in the grid, where it is a rectangle). */
    private boolean insideLonLat(double lon, double lat) {
        Envelope reach = new Envelope(lonLatBox);
        reach.expandBy(MARGIN_DEG);
        if (!reach.contains(lon, lat)) {
            return false;
        }
        double[] xy = GeometryTransformer.shared().transform(lon, lat, CrsRegistry.fromEpsg(4490), grid);
        return extent.contains(xy[0], xy[1]);
    }

    /**
     * The ground distance from a far site to the extent: each of (at most {@link #SITE_POINTS}) hull vertices against
     * the sampled edges on the sphere, to choose; then, for each edge within {@link #CHOICE_MARGIN} of the nearest, its
     * nearest vertex searched on the ellipsoid to the nearest point of the edge.
     */
    private Double farDistance(Geometry g, Crs own) {
        Coordinate[] hull = g.convexHull().getCoordinates();
        int step = Math.max(1, hull.length / SITE_POINTS);
        List<double[]> vertices = new ArrayList<>();
        // the hull's last vertex repeats its first
        for (int i = 0; i < Math.max(1, hull.length - 1); i += step) {
            double[] ll = LonLat.of(hull[i].x, hull[i].y, own);
            if (ll != null) {
                vertices.add(ll);
            }
        }
        if (vertices.isEmpty()) {
            return null;
        }
        double[][] coarse = new double[vertices.size()][4];
        double best = Double.POSITIVE_INFINITY;
        for (int v = 0; v < vertices.size(); v++) {
            double[] ll = vertices.get(v);
            for (int e = 0; e < 4; e++) {
                coarse[v][e] = Double.POSITIVE_INFINITY;
                for (double[] p : edges[e]) {
                    coarse[v][e] = Math.min(coarse[v][e], GroundDistance.approximately(ll[0], ll[1], p[0], p[1]));
                }
                best = Math.min(best, coarse[v][e]);
            }
        }
        double d = Double.POSITIVE_INFINITY;
        for (int e = 0; e < 4; e++) {
            int nearest = 0;
            for (int v = 1; v < vertices.size(); v++) {
                nearest = coarse[v][e] < coarse[nearest][e] ? v : nearest;
            }
            if (coarse[nearest][e] <= best * (1 + CHOICE_MARGIN)) {
                double[] from = vertices.get(nearest);
                int edge = e;
                d = Math.min(d, GroundDistance.toPath(from[0], from[1], t -> edgePoint(edge, t), EDGE_SAMPLES));
            }
        }
        return d;
    }

    /** A point on edge {@code e} of the extent (bottom, right, top, left), {@code t} from 0 to 1, as longitude/latitude. */
    private double[] edgePoint(int e, double t) {
        double x0 = extent.getMinX();
        double x1 = extent.getMaxX();
        double y0 = extent.getMinY();
        double y1 = extent.getMaxY();
        double x = switch (e) {
            case 0 -> x0 + (x1 - x0) * t;
            case 1 -> x1;
            case 2 -> x1 - (x1 - x0) * t;
            default -> x0;
        };
        double y = switch (e) {
            case 0 -> y0;
            case 1 -> y0 + (y1 - y0) * t;
            case 2 -> y1;
            default -> y1 - (y1 - y0) * t;
        };
        // the extent was measured in its grid, so it lies within the zone: no need to test that it is a position
        return GeometryTransformer.shared().transform(x, y, grid, CrsRegistry.fromEpsg(4490));
    }
}
