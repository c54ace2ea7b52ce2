package cn.basinguard.core.check;

import cn.basinguard.core.GisException;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.DatumShift;
import cn.basinguard.core.crs.GaussKruger;
import cn.basinguard.core.crs.GeometryTransformer;
import cn.basinguard.core.measure.ZoneReach;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Brings a role layer into the working grid: moves it (a zone prefix is a pure shift, done without proj4j),
 * repairs invalid polygons for the computation, measures each feature, and reports every problem met on the way.
 * Repair uses JTS {@link GeometryFixer}: self-intersecting rings are rebuilt by noding and polygonizing, which keeps
 * all the area a bow-tie encloses; duplicate vertices are dropped; collapsed parts vanish. The source is never changed.
 */
final class LayerPreparer {
    private final AreaMeter meter;

    LayerPreparer(AreaMeter meter) {
        this.meter = meter;
    }

    WorkingLayer prepare(RoleLayer layer, Consumer<DataQualityIssue> issues) {
        if (layer.crs() == null) {
            issues.accept(new DataQualityIssue(DataQualityIssue.Kind.MISSING_CRS, layer.source(), null, null,
                    DataQualityIssue.Handling.EXCLUDED));
            return new WorkingLayer(layer.role(), layer.source(), List.of());
        }
        if (layer.features().isEmpty()) {
            issues.accept(new DataQualityIssue(DataQualityIssue.Kind.EMPTY_LAYER, layer.source(), null, null,
                    DataQualityIssue.Handling.USED_AS_IS));
        }
        DatumShift shift = GeometryTransformer.datumShift(layer.crs(), meter.grid());
        if (shift == DatumShift.APPROXIMATE) {
            issues.accept(new DataQualityIssue(DataQualityIssue.Kind.APPROXIMATE_DATUM, layer.source(), null,
                    layer.crs().nameZh(), DataQualityIssue.Handling.USED_AS_IS));
        }
        if (movedByProjection(layer.crs())) {
            requireWithinZone(layer);
        }
        boolean polygonal = layer.role() != LayerRole.SECTIONS;
        List<SourceFeature> src = layer.features();
        WorkingFeature[] out = new WorkingFeature[src.size()];
        DataQualityIssue[] found = new DataQualityIssue[src.size()];
        IntStream.range(0, src.size()).parallel().forEach(i -> {
            PreparedOne p = prepareOne(layer, src.get(i), polygonal);
            out[i] = p.feature();
            found[i] = p.issue();
        });
        // reported in source order, whatever order the threads met them in
        for (DataQualityIssue d : found) {
            if (d != null) {
                issues.accept(d);
            }
        }
        List<WorkingFeature> kept = new ArrayList<>(out.length);
        for (WorkingFeature f : out) {
            if (f != null) {
                kept.add(f);
            }
        }
        return new WorkingLayer(layer.role(), layer.source(), kept);
    }

    /** A feature brought into the grid (null when it cannot be used), and what was found wrong with it (or null). */
    record PreparedOne(WorkingFeature feature, DataQualityIssue issue) {
    }

    /**
     * The layer-wide notes of a layer the checks read area by area (no CRS, approximate datum shift) and the
     * guard against data beyond the grid's zone, tried on the layer's extent; false when the layer cannot be used.
     */
    boolean admit(RoleLayer layer, Consumer<DataQualityIssue> issues) {
        if (layer.crs() == null) {
            issues.accept(new DataQualityIssue(DataQualityIssue.Kind.MISSING_CRS, layer.source(), null, null,
                    DataQualityIssue.Handling.EXCLUDED));
            return false;
        }
        if (GeometryTransformer.datumShift(layer.crs(), meter.grid()) == DatumShift.APPROXIMATE) {
            issues.accept(new DataQualityIssue(DataQualityIssue.Kind.APPROXIMATE_DATUM, layer.source(), null,
                    layer.crs().nameZh(), DataQualityIssue.Handling.USED_AS_IS));
        }
        return true;
    }

    /**
     * Whether features of this layer must each be tried against the grid's zone before they are moved: the layer is
     * moved by projection and its extent (or, unknown, the layer itself) reaches beyond the zone.
     */
    boolean needsZoneGuard(RoleLayer layer) {
        if (!movedByProjection(layer.crs())) {
            return false;
        }
        Envelope all = layer.reader().extent();
        if (all == null) {
            return true;
        }
        try {
            ZoneReach.requireWithin(all, layer.crs(), meter.grid().gaussKruger().orElseThrow());
            return false;
        } catch (GisException beyond) {
            return true;
        }
    }

    /** Refuses the layer when this feature reaches beyond the grid's zone (see {@link #requireWithinZone}). */
    void requireWithinZone(RoleLayer layer, SourceFeature f) {
        if (f.geometry() != null && !f.geometry().isEmpty()) {
            try {
                ZoneReach.requireWithin(f.geometry().getEnvelopeInternal(), layer.crs(), meter.grid().gaussKruger().orElseThrow());
            } catch (GisException e) {
                throw new GisException(e, "check.outOfZone", layer.source(), idOf(f), e.getMessage());
            }
        }
    }

    PreparedOne prepareOne(RoleLayer layer, SourceFeature f, boolean polygonal) {
        String id = idOf(f);
        Geometry g = f.geometry();
        if (g == null) {
            return excluded(layer, id, DataQualityIssue.Kind.NULL_GEOMETRY, null);
        }
        if (g.isEmpty()) {
            return excluded(layer, id, DataQualityIssue.Kind.EMPTY_GEOMETRY, null);
        }
        if (polygonal && g.getDimension() < 2) {
            return excluded(layer, id, DataQualityIssue.Kind.NOT_POLYGONAL, g.getGeometryType());
        }
        // validated in the source's coordinates so the reported location is one the planner can find
        TopologyValidationError err = polygonal && !SimpleRing.certainlyValid(g) ? new IsValidOp(g).getValidationError() : null;
        Geometry inGrid = toGrid(g, layer.crs());
        DataQualityIssue issue = null;
        if (err != null) {
            issue = new DataQualityIssue(DataQualityIssue.Kind.INVALID_GEOMETRY, layer.source(), id,
                    describe(err, layer.crs() != null && layer.crs().isGeographic()),
                    DataQualityIssue.Handling.REPAIRED);
            inGrid = GeometryFixer.fix(inGrid);
        }
        return new PreparedOne(new WorkingFeature(f, id, inGrid, polygonal ? meter.measure(inGrid) : MeasuredArea.ZERO), issue);
    }

    private static PreparedOne excluded(RoleLayer layer, String id, DataQualityIssue.Kind kind, String detail) {
        return new PreparedOne(null, new DataQualityIssue(kind, layer.source(), id, detail, DataQualityIssue.Handling.EXCLUDED));
    }

    /** Whether data in {@code from} reaches the grid through proj4j, not as it is or by a zone-prefix shift. */
    private boolean movedByProjection(Crs from) {
        Crs grid = meter.grid();
        GaussKruger a = from.gaussKruger().orElse(null);
        GaussKruger b = grid.gaussKruger().orElseThrow();
        return !from.equals(grid) && !(a != null && from.datum() == grid.datum() && a.centralMeridian() == b.centralMeridian());
    }

    /**
     * Refuses a layer that reaches beyond the working grid's zone, naming the first feature that does, with its ground
     * distance: projected into the zone, such a feature would wrap round (124° away it lands on the data) and no
     * check afterwards could tell. The layer's envelope is tried first, so a layer within reach costs eight points.
     */
    private void requireWithinZone(RoleLayer layer) {
        GaussKruger zone = meter.grid().gaussKruger().orElseThrow();
        Envelope all = new Envelope();
        layer.features().stream().filter(f -> f.geometry() != null && !f.geometry().isEmpty())
            .forEach(f -> all.expandToInclude(f.geometry().getEnvelopeInternal()));
        if (all.isNull()) {
            return;
        }
        try {
            ZoneReach.requireWithin(all, layer.crs(), zone);
            return;
        } catch (GisException wholeLayer) {
            // the envelope's corners may reach farther than any feature does: look at each
        }
        for (SourceFeature f : layer.features()) {
            if (f.geometry() != null && !f.geometry().isEmpty()) {
                try {
                    ZoneReach.requireWithin(f.geometry().getEnvelopeInternal(), layer.crs(), zone);
                } catch (GisException e) {
                    throw new GisException(e, "check.outOfZone", layer.source(), idOf(f), e.getMessage());
                }
            }
        }
    }

    Geometry toGrid(Geometry g, Crs from) {
        Crs grid = meter.grid();
        if (from.equals(grid)) {
            return g; // geometries are never changed in place, so the source's own can serve
        }
        GaussKruger a = from.gaussKruger().orElse(null);
        GaussKruger b = grid.gaussKruger().orElseThrow();
        if (a != null && from.datum() == grid.datum() && a.centralMeridian() == b.centralMeridian()) {
            double dx = b.falseEasting() - a.falseEasting();
            Geometry copy = g.copy();
            if (dx != 0) {
                copy.apply(AffineTransformation.translationInstance(dx, 0));
                copy.geometryChanged();
            }
            return copy;
        }
        return GeometryTransformer.shared().transform(g, from, grid);
    }

    /**
     * The error and where it is, to the millimetre in metres and to the decimetre in degrees (three decimals of a degree
     * are a hundred metres: a planner could not find the spot).
     */
    static String describe(TopologyValidationError err, boolean degrees) {
        return err.getMessage() + (err.getCoordinate() == null ? "" : String.format(Locale.ROOT, degrees ? " (%.6f, %.6f)" : " (%.3f, %.3f)",
                err.getCoordinate().x, err.getCoordinate().y));
    }

    static String idOf(SourceFeature f) {
        String key = FieldPurpose.PATCH_ID.find(f.attributes());
        String v = key == null ? null : f.text(key);
        return v == null || v.isBlank() ? Long.toString(f.fid()) : v;
    }
}
