package cn.basinguard.core.pack;

import cn.basinguard.core.gpkg.GpkgColumn;
import cn.basinguard.core.gpkg.LayerInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns a layer gets in a pack: every attribute column of the source, under its own name, with the GeoPackage
 * type closest to the source's (a database's {@code character varying(20)} becomes {@code TEXT(20)}, its
 * {@code numeric} a {@code DOUBLE}). A column that would clash with the pack's own key {@code fid} or the geometry
 * column is renamed, and the rename is said.
 */
final class PackColumns {
    private static final Pattern TEXT_N = Pattern.compile("(?:TEXT|.*CHAR.*)\\s*\\((\\d+)\\)");
    private static final Set<String> GPKG_TYPES = Set.of("BOOLEAN", "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "FLOAT",
            "DOUBLE", "REAL", "TEXT", "BLOB", "DATE", "DATETIME");

    /** A source column and its place in the pack. */
    record Column(String source, GpkgColumn pack) {
        boolean renamed() {
            return !source.equals(pack.name());
        }
    }

    private PackColumns() {
    }

    static List<Column> of(LayerInfo info, String geometryColumn) {
        List<Column> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        taken.add("fid");
        if (geometryColumn != null) {
            taken.add(geometryColumn.toLowerCase(Locale.ROOT));
        }
        info.fields().forEach(f -> taken.add(f.name().toLowerCase(Locale.ROOT)));
        Set<String> used = new HashSet<>(Set.of("fid"));
        if (geometryColumn != null) {
            used.add(geometryColumn.toLowerCase(Locale.ROOT));
        }
        for (LayerInfo.FieldInfo f : info.fields()) {
            String name = f.name();
            if (used.contains(name.toLowerCase(Locale.ROOT))) {
                String base = name + "_src";
                name = base;
                for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)) || used.contains(name.toLowerCase(Locale.ROOT)); i++) {
                    name = base + i;
                }
            }
            used.add(name.toLowerCase(Locale.ROOT));
            out.add(new Column(f.name(), new GpkgColumn(name, type(f.type()), false)));
        }
        return out;
    }

    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern REAL_TEXT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * A value as the column will hold it, so that what is digested is what SQLite stores (its column affinity would
     * otherwise turn 5.0 into 5 in an INTEGER column, or a number into text in a TEXT column).
     */
    static Object normalize(GpkgColumn column, Object v) {
        if (v == null || v instanceof byte[]) {
            return v;
        }
        String t = column.type();
        if (v instanceof Boolean b) {
            v = b ? 1L : 0L;
        }
        if (t.contains("INT")) {
            if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return d.longValue();
            }
            return v instanceof String s ? numeric(s) : v;
        }
        if (t.equals("DOUBLE") || t.equals("REAL") || t.equals("FLOAT")) {
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            Object n = numeric((String) v.toString());
            return n instanceof Number num ? (Object) num.doubleValue() : n;
        }
        if (t.startsWith("TEXT")) {
            return v.toString();
        }
        // BOOLEAN, DATE, DATETIME: SQLite's NUMERIC affinity takes text that reads as a number as that number
        return v instanceof String s ? numeric(s) : v;
    }

    private static Object numeric(String s) {
        String x = s.strip();
        if (!x.equals(s)) {
            return s;
        }
        if (INTEGER_TEXT.matcher(x).matches()) {
            return Long.parseLong(x);
        }
        if (REAL_TEXT.matcher(x).matches()) {
            double d = Double.parseDouble(x);
            return d == Math.rint(d) && Math.abs(d) < 9.0e15 ? (Object) (long) d : (Object) d;
        }
        return s;
    }

    /** The GeoPackage type for a column type as a GeoPackage, a Shapefile's .dbf or PostgreSQL declares it. */
    static String type(String declared) {
        if (declared == null || declared.isBlank()) {
            return "TEXT";
        }
        String t = declared.strip().toUpperCase(Locale.ROOT);
        if (GPKG_TYPES.contains(t)) {
            return t;
        }
        Matcher m = TEXT_N.matcher(t);
        if (m.matches()) {
            return "TEXT(" + m.group(1) + ")";
        }
        if (t.contains("CHAR") || t.equals("TEXT") || t.equals("STRING")) {
            return "TEXT";
        }
        if (t.startsWith("TIMESTAMP") || t.startsWith("DATETIME")) {
            return "DATETIME";
        }
        if (t.equals("DATE")) {
            return "DATE";
        }
        if (t.contains("BOOL")) {
            return "BOOLEAN";
        }
        if (t.contains("INT") && !t.contains("INTERVAL") && !t.contains("POINT")) {
            return "INTEGER";
        }
        if (t.contains("DOUBLE") || t.contains("FLOAT") || t.contains("REAL") || t.startsWith("NUMERIC") || t.startsWith("DECIMAL")) {
            return "DOUBLE";
        }
        if (t.contains("BYTEA") || t.contains("BLOB") || t.contains("BINARY")) {
            return "BLOB";
        }
        return "TEXT";
    }
}
