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
            return new Filter(g.getEnvelopeInternal(), PreparedGeometryFactory.prepare(g));
        });
    }

    /** The unit in one layer's CRS: its box for the read, its outline for the test. */
    public record Filter(Envelope envelope, PreparedGeometry outline) {
        public boolean meets(Geometry g) {
            return g != null && !g.isEmpty() && outline.intersects(g);
        }
    }
}
