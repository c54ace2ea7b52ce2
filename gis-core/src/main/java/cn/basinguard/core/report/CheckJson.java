package cn.basinguard.core.report;

import cn.basinguard.core.check.ApproximateLayer;
import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.check.ConflictPatch;
import cn.basinguard.core.check.CrsHint;
import cn.basinguard.core.check.DataQualityIssue;
import cn.basinguard.core.check.GroupArea;
import cn.basinguard.core.check.HolderArea;
import cn.basinguard.core.check.LandClassArea;
import cn.basinguard.core.check.LandUseOccupation;
import cn.basinguard.core.check.OccupiedPatch;
import cn.basinguard.core.check.IndicatorResult;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.check.MeasuredArea;
import cn.basinguard.core.check.Overlap;
import cn.basinguard.core.check.SectionResult;
import cn.basinguard.core.check.SiteResult;
import cn.basinguard.core.check.SiteRule;
import cn.basinguard.core.check.SiteScope;
import cn.basinguard.core.check.Target;
import cn.basinguard.core.check.UnitResult;
import cn.basinguard.core.check.UnitShare;
import cn.basinguard.core.check.WaterClass;
import cn.basinguard.core.i18n.Messages;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The check results as JSON (schema "basinguard-check/2", documented in the README). Every {@code _m2} is the
 * ellipsoidal area (CGCS2000, 32号), every {@code _planar_m2} the Gauss–Krüger grid area, both unrounded m²; a site
 * that was not measured (outside the checks' extent) has null figures. Version 2 added the verdict level
 * NOT_CHECKED, rule R4 and each site's "scope"; and "approximate_layers" (Xi'an 80 / Beijing 54 layers moved without
 * seven parameters) with an "approximate" flag on each unit, indicator, site and the conflicts. Each site also has
 * its occupation of the land-use layer ("land_use", "land_classes", "class3", "owners", "villages") and one row per
 * occupied patch ("patches"); "overlaps.cultivated_m2" is net of 田坎, "cultivated_gross_m2" the whole overlap.
 */
public final class CheckJson {
    public static final String SCHEMA = "basinguard-check/2";
    private static final List<LayerRole> AREA_ROLES = List.of(LayerRole.CULTIVATED, LayerRole.BASIC_FARMLAND, LayerRole.ECO_REDLINE);

    /**
     * Numbers written by the shortest-digits algorithm (Schubfach) instead of Java 17's Double.toString: the same
     * value read back, without the latter's slow path, which took about half the writing of a county check's JSON.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private CheckJson() {
    }

    public static void write(CheckReport r, String programVersion, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeObjectFieldStart("program");
            g.writeStringField("name", "basinguard");
            g.writeStringField("version", programVersion);
            g.writeEndObject();
            g.writeArrayFieldStart("inputs");
            for (String i : r.inputs()) {
                g.writeString(i);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("grid");
            g.writeNumberField("epsg", r.grid().epsg());
            g.writeStringField("name", r.grid().nameEn());
            g.writeStringField("name_zh", r.grid().nameZh());
            g.writeEndObject();
            g.writeObjectFieldStart("parameters");
            g.writeNumberField("min_overlap_m2", r.parameters().minOverlapM2());
            g.writeEndObject();
            g.writeArrayFieldStart("approximate_layers");
            for (ApproximateLayer a : r.approximateLayers()) {
                g.writeStartObject();
                g.writeStringField("role", a.role().key());
                g.writeStringField("source", a.source());
                g.writeStringField("crs", a.crsEn());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("units");
            for (UnitResult u : r.units()) {
                unit(g, u, r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sites");
            for (SiteResult s : r.sites()) {
                site(g, s, r.approximate(s));
            }
            g.writeEndArray();
            conflicts(g, r);
            g.writeArrayFieldStart("data_quality");
            for (DataQualityIssue d : r.dataQuality()) {
                g.writeStartObject();
                g.writeStringField("kind", d.kind().name());
                g.writeStringField("source", d.source());
                g.writeStringField("feature_id", d.featureId());
                g.writeStringField("detail", d.detail());
                g.writeStringField("handling", d.handling().name());
                g.writeStringField("message", d.describe());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void unit(JsonGenerator g, UnitResult u, CheckReport r) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", u.name());
        g.writeBooleanField("district", u.district());
        g.writeBooleanField("approximate", r.approximate(LayerRole.UNITS));
        area(g, "area", u.area());
        for (LayerRole role : AREA_ROLES) {
            if (u.roleAreas().containsKey(role)) {
                area(g, role.key(), u.areaOf(role));
            }
        }
        g.writeObjectFieldStart("reservoirs");
        for (Map.Entry<String, Integer> e : u.reservoirs().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("sections");
        for (SectionResult s : u.sections()) {
            section(g, s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("indicators");
        for (IndicatorResult i : u.indicators()) {
            indicator(g, i, r.approximate(i));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void section(JsonGenerator g, SectionResult s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("level", s.level().zh());
        g.writeStringField("unit", s.unit());
        g.writeArrayFieldStart("readings");
        for (WaterClass c : s.readings()) {
            g.writeString(c == null ? null : c.label());
        }
        g.writeEndArray();
        g.writeNumberField("good_readings", s.goodReadings());
        g.writeNumberField("total_readings", s.totalReadings());
        nullableNumber(g, "rate_percent", s.ratePercent());
        nullableNumber(g, "target_percent", s.targetPercent());
        g.writeStringField("status", s.status().name());
        g.writeNumberField("lon", s.lon());
        g.writeNumberField("lat", s.lat());
        g.writeEndObject();
    }

    private static void indicator(JsonGenerator g, IndicatorResult i, boolean approximate) throws IOException {
        g.writeStartObject();
        Target t = i.target();
        g.writeStringField("code", i.indicator() != null ? i.indicator().code() : t.indicator());
        g.writeStringField("measure", i.measure());
        nullableNumber(g, "measured", i.measured());
        if (t != null) {
            g.writeStringField("name", t.name());
            g.writeNumberField("target", t.value());
            g.writeStringField("comparison", t.comparison().symbol());
            g.writeStringField("clause", t.clause());
            g.writeStringField("quote", t.quote());
            g.writeStringField("conflict_group", t.conflictGroup());
        }
        nullableNumber(g, "difference", i.difference());
        g.writeStringField("status", i.status().name());
        g.writeBooleanField("approximate", approximate);
        g.writeEndObject();
    }

    private static void site(JsonGenerator g, SiteResult s, boolean approximate) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("id", s.id());
        g.writeBooleanField("approximate", approximate);
        area(g, "area", s.area());
        g.writeArrayFieldStart("units");
        for (UnitShare u : s.units()) {
            g.writeString(u.unit());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("unit_shares");
        for (UnitShare u : s.units()) {
            g.writeStartObject();
            g.writeStringField("unit", u.unit());
            area(g, "area", u.area());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("overlaps");
        for (LayerRole role : AREA_ROLES) {
            Overlap o = s.overlap(role);
            area(g, role.key(), !s.measured() ? null : o == null ? MeasuredArea.ZERO : o.area());
            if (role == LayerRole.CULTIVATED) {
                area(g, role.key() + "_gross", !s.measured() ? null : o == null ? MeasuredArea.ZERO : o.gross());
            }
            g.writeArrayFieldStart(role.key() + "_patches");
            for (String id : o == null ? List.<String>of() : o.patchIds()) {
                g.writeString(id);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        occupation(g, s);
        scope(g, s.scope());
        g.writeObjectFieldStart("verdict");
        g.writeStringField("level", s.verdict().level().name());
        g.writeStringField("text", Messages.get("verdict." + s.verdict().level().name()));
        g.writeArrayFieldStart("rules");
        for (SiteRule rule : s.verdict().rules()) {
            g.writeString(rule.id());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("reasons");
        for (String reason : s.verdict().reasons()) {
            g.writeString(reason);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * What the site occupies of the land-use layer, and its patches. "land_use" is null (and the lists empty) without a
     * land-use layer or for a site not measured; "patches" lists what the site occupies of whichever layers there are.
     */
    private static void occupation(JsonGenerator g, SiteResult s) throws IOException {
        LandUseOccupation lu = s.landUse();
        if (lu == null) {
            g.writeNullField("land_use");
        } else {
            g.writeObjectFieldStart("land_use");
            area(g, "inside", lu.inside());
            area(g, "outside", lu.outside());
            area(g, "double_counted", lu.doubleCounted());
            area(g, "piece_difference", lu.pieceDifference());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("land_classes");
        for (LandClassArea c : lu == null ? List.<LandClassArea>of() : lu.classes()) {
            g.writeStartObject();
            g.writeStringField("dlbm", c.dlbm());
            g.writeStringField("dlmc", c.dlmc());
            g.writeStringField("class3", c.group().term());
            area(g, "area", c.area());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("class3");
        for (GroupArea c : lu == null ? List.<GroupArea>of() : lu.groups()) {
            g.writeStartObject();
            g.writeStringField("class3", c.group().term());
            area(g, "area", c.area());
            g.writeEndObject();
        }
        g.writeEndArray();
        holders(g, "owners", "qsdwmc", lu == null ? List.of() : lu.owners());
        holders(g, "villages", "zldwmc", lu == null ? List.of() : lu.villages());
        g.writeArrayFieldStart("patches");
        for (OccupiedPatch p : s.patches()) {
            g.writeStartObject();
            g.writeStringField("role", p.role().key());
            g.writeStringField("id", p.id());
            g.writeStringField("tbbh", p.tbbh());
            g.writeStringField("dlbm", p.dlbm());
            g.writeStringField("dlmc", p.dlmc());
            g.writeStringField("qsxz", p.qsxz());
            g.writeStringField("qsdwmc", p.qsdwmc());
            g.writeStringField("zldwmc", p.zldwmc());
            nullableNumber(g, "tbmj_m2", p.tbmj());
            area(g, "area", p.area());
            area(g, "patch_area", p.patchArea());
            g.writeNumberField("share", p.share());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void holders(JsonGenerator g, String field, String nameKey, List<HolderArea> holders) throws IOException {
        g.writeArrayFieldStart(field);
        for (HolderArea h : holders) {
            g.writeStartObject();
            g.writeStringField(nameKey, h.name());
            area(g, "area", h.area());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void conflicts(JsonGenerator g, CheckReport r) throws IOException {
        g.writeObjectFieldStart("conflicts");
        g.writeBooleanField("approximate", r.conflictsApproximate());
        area(g, "basic_farmland_eco_redline", r.conflictTotal());
        g.writeArrayFieldStart("patches");
        for (ConflictPatch c : r.conflicts()) {
            g.writeStartObject();
            g.writeStringField("basic_farmland_id", c.basicFarmlandId());
            g.writeStringField("eco_redline_id", c.ecoRedlineId());
            g.writeArrayFieldStart("units");
            for (String u : c.units()) {
                g.writeString(u);
            }
            g.writeEndArray();
            area(g, "area", c.area());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Where the site lies against the checks' extent; distance in km, unrounded, null when not known. */
    private static void scope(JsonGenerator g, SiteScope scope) throws IOException {
        g.writeObjectFieldStart("scope");
        g.writeStringField("status", scope.status().name());
        g.writeStringField("basis", scope.basis().name());
        nullableNumber(g, "distance_km", scope.distanceM() == null ? null : scope.distanceM() / 1000);
        nullableNumber(g, "lon", scope.lon());
        nullableNumber(g, "lat", scope.lat());
        CrsHint hint = scope.hint();
        if (hint == null) {
            g.writeNullField("hint");
        } else {
            g.writeObjectFieldStart("hint");
            g.writeStringField("kind", hint.kind().name());
            if (hint.suggested() == null) {
                g.writeNullField("epsg");
            } else {
                g.writeNumberField("epsg", hint.suggested().epsg());
            }
            g.writeBooleanField("swapped", hint.swapped());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Both figures of an area; nulls for a figure not measured. */
    private static void area(JsonGenerator g, String prefix, MeasuredArea a) throws IOException {
        if (a == null) {
            g.writeNullField(prefix + "_m2");
            g.writeNullField(prefix + "_planar_m2");
            return;
        }
        g.writeNumberField(prefix + "_m2", a.m2());
        g.writeNumberField(prefix + "_planar_m2", a.planarM2());
    }

    private static void nullableNumber(JsonGenerator g, String field, Double v) throws IOException {
        if (v == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, v);
        }
    }
}
