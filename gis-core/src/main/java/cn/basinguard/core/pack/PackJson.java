package cn.basinguard.core.pack;

import cn.basinguard.core.check.Area;
import cn.basinguard.core.crs.BursaWolf;
import cn.basinguard.core.source.DataSource;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKTWriter;

/** The pack's metadata documents (see {@link cn.basinguard.core.gpkg.PackMetadata}): for the pack, and for each layer. */
final class PackJson {
    static final String FORMAT = "basinguard-offline-pack/1";

    private PackJson() {
    }

    static String pack(OfflinePack.Request r, List<OfflinePack.PackedLayer> layers, Area area, String areaText, String created,
                       String fingerprint) {
        return write(g -> {
            g.writeStringField("format", FORMAT);
            g.writeStringField("program", "basinguard " + r.programVersion());
            g.writeStringField("created", created);
            g.writeStringField("area_text", areaText);
            g.writeArrayFieldStart("sources");
            for (DataSource s : r.sources()) {
                g.writeString(s.location());
            }
            g.writeEndArray();
            if (r.controlList() != null) {
                g.writeStringField("control_list", r.controlList().toAbsolutePath().toString());
            }
            g.writeObjectFieldStart("area");
            g.writeStringField("kind", r.area() instanceof PackArea.Unit ? "unit" : r.area() instanceof PackArea.Extent ? "extent"
                    : r.area() instanceof PackArea.Boundary ? "boundary" : "whole");
            if (r.area() instanceof PackArea.Unit u) {
                g.writeStringField("unit", u.name());
            }
            if (r.area() instanceof PackArea.Boundary b) {
                g.writeStringField("file", b.file().toAbsolutePath().toString());
            }
            if (area != null) {
                g.writeStringField("crs", "EPSG:" + area.crs().epsg());
                Envelope e = area.outline().getEnvelopeInternal();
                g.writeArrayFieldStart("envelope");
                g.writeNumber(e.getMinX());
                g.writeNumber(e.getMinY());
                g.writeNumber(e.getMaxX());
                g.writeNumber(e.getMaxY());
                g.writeEndArray();
                g.writeStringField("wkt", new WKTWriter().write(area.outline()));
            }
            g.writeEndObject();
            g.writeObjectFieldStart("roles");
            for (var e : r.roles().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("datum_shifts");
            for (BursaWolf p : r.options().datumShifts()) {
                g.writeString(p.text());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("layers");
            for (OfflinePack.PackedLayer l : layers) {
                g.writeStartObject();
                layerFields(g, l);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("fingerprint", fingerprint);
        });
    }

    static String layer(OfflinePack.PackedLayer l) {
        return write(g -> layerFields(g, l));
    }

    private static void layerFields(JsonGenerator g, OfflinePack.PackedLayer l) throws IOException {
        g.writeStringField("table", l.table());
        g.writeStringField("role", l.role());
        g.writeStringField("source", l.source());
        g.writeStringField("source_layer", l.sourceLayer());
        g.writeNumberField("count", l.count());
        g.writeStringField("sha256", l.sha256());
        g.writeNumberField("unreadable", l.unreadable());
        g.writeArrayFieldStart("notes");
        for (String n : l.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
