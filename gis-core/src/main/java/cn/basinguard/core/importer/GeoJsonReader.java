package cn.basinguard.core.importer;

import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.crs.CrsRegistry;
import cn.basinguard.core.i18n.Messages;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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

    /** GeoJSON nests about 8 deep (collection, features, feature, geometry, 4 levels of coordinates); properties a few more. */
    static final int MAX_DEPTH = 64;
    /** Thread-safe and costly to build: one for all reads. */
    private static final JsonFactory JSON = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();

    /** The CRS the user says the coordinates are in (over the file's own, or RFC 7946's lon/lat); null: as the file says. */
    private final Crs assumed;

    public GeoJsonReader() {
        this(null);
    }

    public GeoJsonReader(Crs assumed) {
        this.assumed = assumed;
    }

    public ImportedSites read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file);
    }

    /** Reads GeoJSON bytes; {@code source} is what the result names (the file, or null). */
    ImportedSites read(byte[] bytes, Path source) {
        List<ImportProblem> problems = new ArrayList<>();
        Crs wgs84 = CrsRegistry.fromEpsg(4326);
        String text = TextDecoder.decode(bytes);
        Object root;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() == null) {
                problems.add(new ImportProblem(0, Messages.get("import.json.empty")));
                return new ImportedSites(source, wgs84, List.of(), problems);
            }
            root = value(p);
        } catch (StreamConstraintsException e) {
            problems.add(new ImportProblem(line(e), Messages.get("import.json.tooDeep", MAX_DEPTH)));
            return new ImportedSites(source, wgs84, List.of(), problems);
        } catch (JsonProcessingException e) {
            // the parser's own sentence is English and technical: say where, in the user's language
            int line = line(e);
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            problems.add(new ImportProblem(line, Messages.get("import.json.syntax", line, column)));
            return new ImportedSites(source, wgs84, List.of(), problems);
        } catch (IOException e) {
            // a String source cannot fail to read; anything else is a syntax problem of the text
            problems.add(new ImportProblem(0, Messages.get("import.json.syntax", 0, 0)));
            return new ImportedSites(source, wgs84, List.of(), problems);
        }
        Map<?, ?> top = root instanceof Map<?, ?> m ? m : Map.of();
        // coordinates are checked against the CRS they will be used in: the user's, when one is given
        Crs crs = assumed != null ? assumed : crs(top.get("crs"), problems);
        List<ImportedSite> sites = new ArrayList<>();
        List<?> features = "FeatureCollection".equals(top.get("type")) && top.get("features") instanceof List<?> l
            ? l : List.of(top);
        int index = 0;
        for (Object o : features) {
            index++;
            if (!(o instanceof Map<?, ?> f)) {
                problems.add(new ImportProblem(index, Messages.get("import.json.notPolygon", index, "?")));
                continue;
            }
            Map<?, ?> geomMap = "Feature".equals(f.get("type")) ? asMap(f.get("geometry")) : f;
            Map<String, Object> attrs = new LinkedHashMap<>();
            asMap(f.get("properties")).forEach((k, v) -> attrs.put(String.valueOf(k), v));
            try {
                boolean[] closed = {false};
                Geometry g = geometry(geomMap, crs, closed);
                if (g == null) {
                    problems.add(new ImportProblem(index, Messages.get("import.json.notPolygon", index,
                        excerpt(geomMap.get("type")))));
                    continue;
                }
                if (closed[0]) {
                    problems.add(new ImportProblem(index, Messages.get("import.json.unclosed", index)));
                }
                String id = f.get("id") == null ? String.valueOf(index) : String.valueOf(f.get("id"));
                sites.add(new ImportedSite(name(attrs, id), id, attrs, g, null));
            } catch (SiteProblem e) {
                problems.add(new ImportProblem(index, Messages.get("import.json.badGeometry", index, e.getMessage())));
            }
        }
        return new ImportedSites(source, crs, sites, problems);
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
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
        if (m.find() && m.group(1).length() <= 9 && CrsRegistry.isKnown(Integer.parseInt(m.group(1)))) {
            Crs crs = CrsRegistry.fromEpsg(Integer.parseInt(m.group(1)));
            problems.add(new ImportProblem(0, Messages.get("import.json.legacyCrsUsed", excerpt(named), crs.nameZh())));
            return crs;
        }
        problems.add(new ImportProblem(0, Messages.get("import.json.legacyCrsUnknown", excerpt(named))));
        return null;
    }

    /** A Polygon or MultiPolygon with at least one ring; null for other types (and for an empty MultiPolygon). */
    private static Geometry geometry(Map<?, ?> g, Crs crs, boolean[] closed) throws SiteProblem {
        Object type = g.get("type");
        if ("Polygon".equals(type)) {
            return polygon(g.get("coordinates"), crs, closed);
        }
        if ("MultiPolygon".equals(type)) {
            List<?> parts = list(g.get("coordinates"));
            if (parts.isEmpty()) {
                throw new SiteProblem("import.json.noPolygons");
            }
            Polygon[] polygons = new Polygon[parts.size()];
            for (int i = 0; i < polygons.length; i++) {
                polygons[i] = polygon(parts.get(i), crs, closed);
            }
            return GF.createMultiPolygon(polygons);
        }
        return null;
    }

    private static Polygon polygon(Object coordinates, Crs crs, boolean[] closed) throws SiteProblem {
        List<?> rings = list(coordinates);
        if (rings.isEmpty()) {
            throw new SiteProblem("import.json.noRings");
        }
        LinearRing shell = ring(rings.get(0), crs, closed);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), crs, closed);
        }
        return GF.createPolygon(shell, holes);
    }

    private static LinearRing ring(Object ring, Crs crs, boolean[] closed) throws SiteProblem {
        List<?> points = list(ring);
        List<Coordinate> c = new ArrayList<>(points.size());
        for (Object point : points) {
            List<?> xy = list(point);
            if (xy.size() < 2 || !(xy.get(0) instanceof Number x) || !(xy.get(1) instanceof Number y)) {
                throw new SiteProblem("import.json.badPosition", excerpt(point));
            }
            CoordinateLimits.check(x.doubleValue(), y.doubleValue(), crs);
            c.add(new Coordinate(x.doubleValue(), y.doubleValue()));
        }
        Rings.Ring r = Rings.close(c);
        closed[0] |= r.closedByReader();
        return GF.createLinearRing(r.points());
    }

    /** A JSON array as a list; anything else (a number where an array belongs) as no elements. */
    private static List<?> list(Object o) throws SiteProblem {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new SiteProblem("import.json.notArray", excerpt(o));
    }

    /** A value as the file has it, cut short for a one-line message. */
    static String excerpt(Object o) {
        String s = DbfTable.oneLine(String.valueOf(o));
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
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
                // an integer too big for a long is still a number (a coordinate written without decimals)
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
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
