package cn.basinguard.core.importer;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.i18n.Messages;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads GeoJSON (RFC 7946, WGS 84 lon/lat). The tree is parsed into plain maps and lists with jackson-core's
 * streaming parser, since gis-core carries no data-binding library.
 */
public final class GeoJsonReader {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Pattern EPSG = Pattern.compile("EPSG:{1,2}(\\d+)");
    private static final Pattern NAME_KEYS = Pattern.compile("(?i)name|xmmc|名称|项目名称");

    public ImportedSites read(Path file) throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        Object root;
        String text = TextDecoder.decode(Files.readAllBytes(file));
        try (JsonParser p = new JsonFactory().createParser(text)) {
            p.nextToken();
            root = value(p);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new ImportProblem(line, Messages.get("import.json.syntax", e.getOriginalMessage())));
            return new ImportedSites(file, CrsRegistry.fromEpsg(4326), List.of(), problems);
        }
        Map<?, ?> top = root instanceof Map<?, ?> m ? m : Map.of();
        Crs crs = crs(top.get("crs"), problems);
        List<ImportedSite> sites = new ArrayList<>();
        List<?> features = "FeatureCollection".equals(top.get("type")) && top.get("features") instanceof List<?> l
            ? l : List.of(top);
        int index = 0;
        for (Object o : features) {
            index++;
            if (!(o instanceof Map<?, ?> f)) {
                continue;
            }
            Map<?, ?> geomMap = "Feature".equals(f.get("type")) ? asMap(f.get("geometry")) : f;
            Map<String, Object> attrs = new LinkedHashMap<>();
            asMap(f.get("properties")).forEach((k, v) -> attrs.put(String.valueOf(k), v));
            try {
                Geometry g = geometry(geomMap);
                if (g == null) {
                    problems.add(new ImportProblem(index, Messages.get("import.json.notPolygon", index,
                        geomMap.get("type"))));
                    continue;
                }
                String id = f.get("id") == null ? String.valueOf(index) : String.valueOf(f.get("id"));
                sites.add(new ImportedSite(name(attrs, id), id, attrs, g, null));
            } catch (RuntimeException e) {
                problems.add(new ImportProblem(index, Messages.get("import.json.badGeometry", index, e.getMessage())));
            }
        }
        return new ImportedSites(file, crs, sites, problems);
    }

    static String name(Map<String, Object> attrs, String fallback) {
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            if (NAME_KEYS.matcher(e.getKey()).matches() && e.getValue() != null) {
                return String.valueOf(e.getValue());
            }
        }
        return fallback;
    }

    private static Crs crs(Object member, List<ImportProblem> problems) {
        Crs wgs84 = CrsRegistry.fromEpsg(4326);
        if (member == null) {
            return wgs84;
        }
        String named = String.valueOf(asMap(asMap(member).get("properties")).get("name"));
        if (named.contains("CRS84") || named.matches(".*EPSG:{1,2}4326$")) {
            return wgs84;
        }
        Matcher m = EPSG.matcher(named);
        if (m.find() && CrsRegistry.isKnown(Integer.parseInt(m.group(1)))) {
            Crs crs = CrsRegistry.fromEpsg(Integer.parseInt(m.group(1)));
            problems.add(new ImportProblem(0, Messages.get("import.json.legacyCrsUsed", named, crs.nameZh())));
            return crs;
        }
        problems.add(new ImportProblem(0, Messages.get("import.json.legacyCrsUnknown", named)));
        return null;
    }

    private static Geometry geometry(Map<?, ?> g) {
        Object type = g.get("type");
        List<?> c = g.get("coordinates") instanceof List<?> l ? l : List.of();
        if ("Polygon".equals(type)) {
            return polygon(c);
        }
        if ("MultiPolygon".equals(type)) {
            Polygon[] parts = c.stream().map(p -> polygon((List<?>) p)).toArray(Polygon[]::new);
            return GF.createMultiPolygon(parts);
        }
        return null;
    }

    private static Polygon polygon(List<?> rings) {
        LinearRing shell = ring((List<?>) rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring((List<?>) rings.get(i));
        }
        return GF.createPolygon(shell, holes);
    }

    private static LinearRing ring(List<?> points) {
        Coordinate[] c = new Coordinate[points.size()];
        for (int i = 0; i < c.length; i++) {
            List<?> xy = (List<?>) points.get(i);
            c[i] = new Coordinate(((Number) xy.get(0)).doubleValue(), ((Number) xy.get(1)).doubleValue());
        }
        return GF.createLinearRing(c);
    }

    private static Map<?, ?> asMap(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }
}
