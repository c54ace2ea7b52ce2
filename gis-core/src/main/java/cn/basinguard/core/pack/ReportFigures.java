package cn.basinguard.core.pack;

import cn.basinguard.core.check.CheckReport;
import cn.basinguard.core.report.CheckJson;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every figure and verdict of a check, by where it stands in the check's JSON (units, indicators, sites, sections,
 * conflicts; values and texts), without what names the data's origin (inputs, the data-quality list, the program):
 * two checks of the same data from two places give the same figures.
 */
final class ReportFigures {
    private ReportFigures() {
    }

    static Map<String, Object> of(CheckReport report) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            CheckJson.write(report, "-", json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json.toByteArray())) {
            List<String> path = new ArrayList<>();
            List<int[]> index = new ArrayList<>();
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        path.add(key(field, index));
                        index.add(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.remove(path.size() - 1);
                        index.remove(index.size() - 1);
                    }
                    default -> {
                        String k = String.join("/", path) + "/" + key(field, index);
                        field = null;
                        if (k.startsWith("/inputs") || k.startsWith("/program") || k.startsWith("/data_quality") || k.startsWith("/schema")) {
                            continue;
                        }
                        out.put(k, t.isNumeric() ? (Object) p.getDoubleValue() : t == JsonToken.VALUE_NULL ? null : p.getText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String key(String field, List<int[]> index) {
        if (field != null) {
            return field;
        }
        if (index.isEmpty()) {
            return "";
        }
        int[] i = index.get(index.size() - 1);
        return i[0] >= 0 ? "[" + i[0]++ + "]" : "";
    }

    /** Where {@code b} differs from {@code a}: numbers beyond {@code relative}, texts at all; empty when they agree. */
    static List<String> differences(Map<String, Object> a, Map<String, Object> b, double relative) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                out.add(e.getKey() + ": " + e.getValue() + " / —");
                continue;
            }
            Object x = e.getValue();
            Object y = b.get(e.getKey());
            boolean same = x instanceof Double dx && y instanceof Double dy
                    ? dx.equals(dy) || Math.abs(dx - dy) <= relative * Math.max(Math.abs(dx), Math.abs(dy))
                    : Objects.equals(x, y);
            if (!same) {
                out.add(e.getKey() + ": " + x + " / " + y);
            }
        }
        for (String k : b.keySet()) {
            if (!a.containsKey(k)) {
                out.add(k + ": — / " + b.get(k));
            }
        }
        return out;
    }
}
