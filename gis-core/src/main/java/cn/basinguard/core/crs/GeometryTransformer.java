package cn.basinguard.core.crs;

import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Moves JTS geometries between CRSs, x = easting/longitude and y = northing/latitude on both sides; Z and M are
 * carried over unchanged. Safe to share between threads: proj4j transforms keep scratch state, so each thread
 * builds and keeps its own.
 *
 * <p>Datums: CGCS2000 ↔ WGS84 is treated as identity (they agree to decimetres). Xi'an 1980 and Beijing 1954 have
 * no public conversion to CGCS2000; what proj4j does there is approximate (see {@link DatumShift#APPROXIMATE}), and
 * {@link #datumShift} tells the caller so it can say so in reports.
 */
public final class GeometryTransformer {
    private static final GeometryTransformer INSTANCE = new GeometryTransformer();
    private static final CoordinateTransformFactory FACTORY = new CoordinateTransformFactory();

    private record Key(Crs from, Crs to) {
    }

    private final ThreadLocal<Map<Key, PointTransform>> transforms = ThreadLocal.withInitial(HashMap::new);

    /** One point from one CRS to another: proj4j's transform, or one with a datum shift in the middle. */
    private interface PointTransform {
        void transform(ProjCoordinate in, ProjCoordinate out);
    }

    public static GeometryTransformer shared() {
        return INSTANCE;
    }

    /** A copy of {@code g} in {@code to}; {@code g} itself is untouched. */
    public Geometry transform(Geometry g, Crs from, Crs to) {
        Geometry copy = g.copy();
        if (from.equals(to) || g.isEmpty()) {
            return copy;
        }
        copy.apply(new Filter(transformFor(from, to)));
        copy.geometryChanged();
        return copy;
    }

    /** One coordinate, as {x, y}. */
    public double[] transform(double x, double y, Crs from, Crs to) {
        if (from.equals(to)) {
            return new double[] {x, y};
        }
        ProjCoordinate out = new ProjCoordinate();
        transformFor(from, to).transform(new ProjCoordinate(x, y), out);
        return new double[] {out.x, out.y};
    }

    /** How good the datum part of a {@code from → to} transformation is. */
    public static DatumShift datumShift(Crs from, Crs to) {
        if (from.datum() == to.datum() && from.datum() != DatumFamily.OTHER) {
            return DatumShift.NONE;
        }
        return from.datumShiftToCgcs2000().worse(to.datumShiftToCgcs2000()).worse(DatumShift.IDENTITY_SUB_METRE);
    }

    private PointTransform transformFor(Crs from, Crs to) {
        return transforms.get().computeIfAbsent(new Key(from, to), k -> build(from, to));
    }

    private static PointTransform build(Crs from, Crs to) {
        if (from.datumShift().isEmpty() && to.datumShift().isEmpty()) {
            CoordinateTransform t = FACTORY.createTransform(from.proj(), to.proj());
            return t::transform;
        }
        // with published parameters: to the source datum's lon/lat (projection only), through geocentric coordinates to
        // CGCS2000 lon/lat, then on to the target (projection only, or back through the target's own parameters)
        Crs cgcs = CrsRegistry.fromEpsg(4490);
        PointTransform toCgcs = from.datumShift().map(p -> shifted(from, p, true)).orElseGet(() -> plain(from, cgcs));
        PointTransform fromCgcs = to.datumShift().map(p -> shifted(to, p, false)).orElseGet(() -> plain(cgcs, to));
        ProjCoordinate mid = new ProjCoordinate();
        return (in, out) -> {
            toCgcs.transform(in, mid);
            fromCgcs.transform(mid, out);
        };
    }

    private static PointTransform plain(Crs from, Crs to) {
        if (from.equals(to)) {
            return (in, out) -> {
                out.x = in.x;
                out.y = in.y;
            };
        }
        CoordinateTransform t = FACTORY.createTransform(from.proj(), to.proj());
        return t::transform;
    }

    /** {@code crs} ↔ CGCS2000 lon/lat through the seven parameters ({@code forward}: towards CGCS2000). */
    private static PointTransform shifted(Crs crs, BursaWolf p, boolean forward) {
        Crs geographic = CrsRegistry.fromEpsg(p.datum() == DatumFamily.XIAN1980 ? 4610 : 4214);
        CoordinateTransform toGeo = FACTORY.createTransform(crs.proj(), geographic.proj());
        CoordinateTransform fromGeo = FACTORY.createTransform(geographic.proj(), crs.proj());
        Geocentric source = Geocentric.of(p.datum());
        Geocentric target = Geocentric.CGCS2000;
        ProjCoordinate geo = new ProjCoordinate();
        if (forward) {
            return (in, out) -> {
                if (crs.isGeographic()) {
                    geo.x = in.x;
                    geo.y = in.y;
                } else {
                    toGeo.transform(in, geo);
                }
                double[] xyz = source.toXyz(geo.x, geo.y);
                p.forward(xyz);
                double[] ll = target.toLonLat(xyz);
                out.x = ll[0];
                out.y = ll[1];
            };
        }
        return (in, out) -> {
            double[] ll = reverse(p, source, target, in.x, in.y);
            geo.x = ll[0];
            geo.y = ll[1];
            if (crs.isGeographic()) {
                out.x = geo.x;
                out.y = geo.y;
            } else {
                fromGeo.transform(geo, out);
            }
        };
    }

    /**
     * The source-datum lon/lat that the forward map (height 0 on the source ellipsoid) takes to {@code lon, lat}: the
     * plain reverse, corrected by the forward map's own error until it closes, so a round trip returns to the start.
     */
    private static double[] reverse(BursaWolf p, Geocentric source, Geocentric target, double lon, double lat) {
        double[] xyz = target.toXyz(lon, lat);
        p.reverse(xyz);
        double[] guess = source.toLonLat(xyz);
        for (int i = 0; i < 5; i++) {
            double[] f = source.toXyz(guess[0], guess[1]);
            p.forward(f);
            double[] back = target.toLonLat(f);
            double dLon = lon - back[0];
            double dLat = lat - back[1];
            guess[0] += dLon;
            guess[1] += dLat;
            if (Math.abs(dLon) < 1e-13 && Math.abs(dLat) < 1e-13) {
                break;
            }
        }
        return guess;
    }

    private static final class Filter implements CoordinateSequenceFilter {
        private final PointTransform transform;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        Filter(PointTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            in.x = seq.getX(i);
            in.y = seq.getY(i);
            transform.transform(in, out);
            seq.setOrdinate(i, CoordinateSequence.X, out.x);
            seq.setOrdinate(i, CoordinateSequence.Y, out.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
