package cn.basinguard.core.check;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.GeometryTransformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The area a check or an offline pack is cut to: one unit of the units layer, or any outline (a box, a boundary
 * file). Each layer is read where it meets the area — by its box first (the source's spatial index), then by
 * geometry — in the layer's own CRS, into which the outline is moved once.
 */
public final class Area {
    private final String name;
    private final RoleLayer units;
    private final Geometry outline;
    private final Crs crs;
    private final Map<Crs, Filter> filters = new HashMap<>();

    private Area(String name, RoleLayer units, Geometry outline, Crs crs) {
        this.name = name;
        this.units = units;
        this.outline = outline;
        this.crs = crs;
    }

    /** Any outline in {@code crs}: every layer, the units too, is read where it meets it. */
    public static Area outline(String name, Geometry outline, Crs crs) {
        return new Area(name, null, outline, crs);
    }

    /** The unit called {@code name} in the units layer (several features of that name make one unit). */
    public static Area of(RoleLayer units, String name) {
        List<SourceFeature> matching = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SourceFeature f : units.features()) {
            String field = FieldPurpose.UNIT_NAME.find(f.attributes());
            String n = field == null ? null : f.text(field);
            if (n == null) {
                continue;
            }
            if (!names.contains(n.trim())) {
                names.add(n.trim());
            }
            if (n.trim().equals(name.trim()) && f.geometry() != null && !f.geometry().isEmpty()) {
                matching.add(f);
            }
        }
        if (matching.isEmpty()) {
            throw new GisException("check.area.unknownUnit", name, units.source(), String.join("、", names));
        }
        if (units.crs() == null) {
            throw new GisException("check.anchorNoCrs", units.source());
        }
        Geometry outline = matching.size() == 1 ? matching.get(0).geometry()
            : UnaryUnionOp.union(matching.stream().map(SourceFeature::geometry).toList());
        return new Area(name.trim(), new RoleLayer(LayerRole.UNITS, units.source(), units.crs(), matching), outline, units.crs());
    }

    public String name() {
        return name;
    }

    /** The outline, in {@link #crs()}. */
    public Geometry outline() {
        return outline;
    }

    public Crs crs() {
        return crs;
    }

    /** The units layer holding only this unit's features; null for an outline that is not a unit. */
    RoleLayer units() {
        return units;
    }

    /** The unit's outline moved into {@code layerCrs}, ready to test features against. */
    public Filter in(Crs layerCrs) {
        return filters.computeIfAbsent(layerCrs, c -> {
            Geometry g = c.equals(crs) ? outline : GeometryTransformer.shared().transform(outline, crs, c);
            return new Filter(g.getEnvelopeInternal(), PreparedGeometryFactory.prepare(g), widened(g));
        });
    }

    /**
     * The outline widened by a hair (a billionth of its coordinates' size: centimetres in metres, a millimetre in
     * degrees), for a source that tests geometries itself (a database, with another library's arithmetic): what it
     * hands on then surely holds every feature this program finds meeting the outline, which it tests again. None
     * (null: the source tests nothing) for an invalid outline, which a buffer might shrink.
     */
    private static Geometry widened(Geometry g) {
        if (!g.isValid()) {
            return null;
        }
        Envelope e = g.getEnvelopeInternal();
        double size = Math.max(Math.max(Math.abs(e.getMinX()), Math.abs(e.getMaxX())), Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY())));
        BufferParameters p = new BufferParameters(1, BufferParameters.CAP_FLAT, BufferParameters.JOIN_MITRE, 10);
        return BufferOp.bufferOp(g, Math.max(size, 1) * 1e-9, p);
    }

    /**
     * The unit in one layer's CRS: its box for the read, its outline for the test, and the outline {@link #widened} for
     * a source that can test by it (null when it cannot be widened safely).
     */
    public static final class Filter {
        private final Envelope envelope;
        private final PreparedGeometry outline;
        private final Geometry near;
        /** The outline's edges, indexed: most features lie clear of the boundary, and then a point decides (null: too small). */
        private final PolygonSides sides;

        Filter(Envelope envelope, PreparedGeometry outline, Geometry near) {
            this.envelope = envelope;
            this.outline = outline;
            this.near = near;
            this.sides = PolygonSides.of(outline.getGeometry());
        }

        public Envelope envelope() {
            return envelope;
        }

        public PreparedGeometry outline() {
            return outline;
        }

        public Geometry near() {
            return near;
        }

        /**
         * Whether {@code g} shares a point with the area. A feature outside a unit's boundary cost the prepared test a
         * pass over all its segments (a tenth of a unit's check, for the patches of the unit's box outside it); the edge
         * index decides it, and those inside, with one query and one point.
         */
        public boolean meets(Geometry g) {
            if (g == null || g.isEmpty()) {
                return false;
            }
            Envelope box = g.getEnvelopeInternal();
            if (!envelope.intersects(box)) {
                return false;
            }
            int side = sides == null ? 0 : sides.sideOf(g, box);
            return side != 0 ? side > 0 : outline.intersects(g);
        }

        /** 1 when {@code box} lies wholly inside the area, −1 wholly outside, 0 when its boundary may cross it. */
        int sideOf(Envelope box) {
            if (!envelope.intersects(box)) {
                return -1;
            }
            if (sides != null) {
                return sides.sideOf(box);
            }
            Geometry rectangle = outline.getGeometry().getFactory().toGeometry(box);
            return !outline.intersects(rectangle) ? -1 : outline.covers(rectangle) ? 1 : 0;
        }
    }
}
