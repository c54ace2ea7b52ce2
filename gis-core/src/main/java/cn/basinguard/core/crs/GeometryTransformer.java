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

    private final ThreadLocal<Map<Key, CoordinateTransform>> transforms = ThreadLocal.withInitial(HashMap::new);

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

    private CoordinateTransform transformFor(Crs from, Crs to) {
        return transforms.get().computeIfAbsent(new Key(from, to), k -> FACTORY.createTransform(from.proj(), to.proj()));
    }

    private static final class Filter implements CoordinateSequenceFilter {
        private final CoordinateTransform transform;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        Filter(CoordinateTransform transform) {
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
