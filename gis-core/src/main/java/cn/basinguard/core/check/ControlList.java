package cn.basinguard.core.check;

import cn.basinguard.core.GisException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The bottom-line control list (底线管控清单, annex 3 of the plan) as a bureau keeps it: an Excel sheet (.xlsx) or a
 * CSV, one row per unit and indicator. The header row may sit under a title; columns are found by their Chinese or
 * field-code names (see {@link Column}). A target may carry its comparison and measure in the value cell itself
 * ("≥31.26万亩"). An indicator without a code is known by its words (中型水库, 永久基本农田 …). Every problem names its
 * row, as the planner sees it in Excel: the header row's number for a missing column, the row's number for a value
 * that is not a number or a unit that is not in the unit layer ({@link #checkUnits}).
 */
public final class ControlList {
    /** The columns, each with the headers it is known by (compared without spaces, brackets' contents or case). */
    enum Column {
        UNIT(true, "流域治理单元", "治理单元", "单元", "单元名称", "流域单元", "流域片区", "片区", "DYMC", "unit"),
        CATEGORY(false, "底线类别", "类别", "底线类型", "管控类别", "底线", "category"),
        CODE(false, "指标代码", "代码", "ZBDM", "code", "indicator_code"),
        NAME(false, "指标", "指标名称", "底线指标", "管控指标", "管控内容", "ZBMC", "indicator", "name"),
        VALUE(true, "目标值", "目标", "管控目标", "指标值", "数值", "管控值", "MBZ", "target", "value"),
        MEASURE(false, "计量单位", "单位", "JLDW", "measure", "uom"),
        COMPARISON(false, "比较方式", "比较", "要求", "BJFS", "comparison"),
        CLAUSE(false, "来源条款", "条款", "依据", "来源", "出处", "LYTK", "clause", "source"),
        QUOTE(false, "原文", "原文摘录", "YWZL", "quote"),
        CONFLICT(false, "冲突组", "CTZ", "conflict_group");

        final boolean required;
        final List<String> headers;

        Column(boolean required, String... headers) {
            this.required = required;
            this.headers = List.of(headers);
        }
    }

    private static final Pattern VALUE = Pattern.compile("^\\s*(≥|≤|>=|<=|=|>|<|不低于|不少于|不高于|不超过|达到)?\\s*"
        + "([-+]?\\d+(?:\\.\\d+)?)\\s*(%|万亩|亩|公顷|平方公里|km²|km2|平方米|m²|座|个|处)?\\s*$");

    private final String source;
    private final TargetTable table;
    private final List<Integer> rows;

    private ControlList(String source, TargetTable table, List<Integer> rows) {
        this.source = source;
        this.table = table;
        this.rows = List.copyOf(rows);
    }

    /** The targets. */
    public TargetTable targets() {
        return table;
    }

    /** The row (as numbered in Excel or the CSV's line) each target came from, in {@link TargetTable#all()} order. */
    public List<Integer> rows() {
        return rows;
    }

    /**
     * Reads a control list.
     *
     * @throws GisException naming the file and row for anything that cannot be read as a control list
     */
    public static ControlList read(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new GisException("gpkg.notFound", file.toAbsolutePath().normalize());
        }
        List<List<String>> cells;
        try {
            if (lower.endsWith(".xlsx")) {
                cells = xlsx(file);
            } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
                cells = Csv.parse(decode(Files.readAllBytes(file)));
            } else {
                throw new GisException("targets.format", name);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof GisException g) {
                throw g;
            }
            throw new GisException(e, "targets.unreadable", name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return parse(name, cells);
    }

    static ControlList parse(String source, List<List<String>> cells) {
        int headerRow = -1;
        Map<Column, Integer> columns = null;
        for (int r = 0; r < Math.min(cells.size(), 10) && headerRow < 0; r++) {
            Map<Column, Integer> found = columnsOf(cells.get(r));
            if (found.containsKey(Column.UNIT) || found.containsKey(Column.VALUE)) {
                headerRow = r;
                columns = found;
            }
        }
        if (headerRow < 0) {
            throw new GisException("targets.noHeader", source, expected());
        }
        for (Column c : Column.values()) {
            if (c.required && !columns.containsKey(c)) {
                throw new GisException("targets.missingColumn", source, headerRow + 1, c.headers.get(0), expected());
            }
        }
        if (!columns.containsKey(Column.CODE) && !columns.containsKey(Column.NAME)) {
            throw new GisException("targets.missingColumn", source, headerRow + 1, Column.NAME.headers.get(1), expected());
        }
        List<Target> targets = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        String lastUnit = null;
        for (int r = headerRow + 1; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            if (row.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            int excelRow = r + 1;
            String unit = cell(row, columns, Column.UNIT);
            // merged unit cells arrive as one value and then blanks: a blank unit continues the one above
            unit = unit == null ? lastUnit : unit;
            String valueText = cell(row, columns, Column.VALUE);
            if (unit == null) {
                throw new GisException("targets.noUnit", source, excelRow);
            }
            if (valueText == null) {
                throw new GisException("targets.noValue", source, excelRow, unit);
            }
            Matcher m = VALUE.matcher(valueText.replace('，', ',').replace("％", "%"));
            if (!m.matches()) {
                throw new GisException("targets.notNumber", source, excelRow, valueText);
            }
            double value = new BigDecimal(m.group(2)).doubleValue();
            String measure = orElse(cell(row, columns, Column.MEASURE), m.group(3) == null ? "" : m.group(3));
            Comparison cmp = Comparison.parse(cell(row, columns, Column.COMPARISON));
            if (cmp == null) {
                cmp = m.group(1) != null ? Comparison.parse(m.group(1)) : Comparison.AT_LEAST;
            }
            String name = cell(row, columns, Column.NAME);
            String category = cell(row, columns, Column.CATEGORY);
            String code = cell(row, columns, Column.CODE);
            if (code == null) {
                code = codeFor(orElse(category, "") + " " + orElse(name, ""), measure);
            }
            if (code == null) {
                throw new GisException("targets.unknownIndicator", source, excelRow, orElse(name, ""));
            }
            targets.add(new Target(unit.trim(), code.trim(), orElse(name, code), value, measure, cmp,
                orElse(cell(row, columns, Column.CLAUSE), source + " 第" + excelRow + "行"), orElse(cell(row, columns, Column.QUOTE), ""),
                cell(row, columns, Column.CONFLICT)));
            rowNumbers.add(excelRow);
            lastUnit = unit;
        }
        if (targets.isEmpty()) {
            throw new GisException("targets.empty", source);
        }
        return new ControlList(source, new TargetTable(targets), rowNumbers);
    }

    /**
     * Every unit the list names must be a unit of the unit layer, or the district the units make up (a name ending in
     * 区, 县 or 市 that is not a 片区, or 全区/全县/全市). The first row naming anything else is the message.
     */
    public void checkUnits(List<String> unitNames) {
        List<Target> all = table.all();
        for (int i = 0; i < all.size(); i++) {
            String u = all.get(i).unit();
            if (!unitNames.contains(u) && !isDistrict(u)) {
                throw new GisException("targets.unknownUnit", source, rows.get(i), u, String.join("、", unitNames));
            }
        }
    }

    static boolean isDistrict(String name) {
        String n = name.strip();
        return n.equals("全区") || n.equals("全县") || n.equals("全市") || n.equals("合计")
            || (n.endsWith("区") || n.endsWith("县") || n.endsWith("市")) && !n.endsWith("片区") && !n.endsWith("单元");
    }

    /** The indicator code an indicator's words name, or null when they name none the checks know. */
    static String codeFor(String words, String measure) {
        String w = words.replace(" ", "");
        if (w.contains("中型水库")) {
            return "SK_ZX";
        }
        if (w.contains("小型水库")) {
            return "SK_XX";
        }
        if (w.contains("永久基本农田")) {
            return "YJJBNT_MJ";
        }
        if (w.contains("生态保护红线") || w.contains("生态红线")) {
            return "STBHHX_MJ";
        }
        if (w.contains("耕地")) {
            return "GD_BYL";
        }
        String level = w.contains("国控") ? "GK" : w.contains("省控") ? "PK" : w.contains("市控") ? "SK" : null;
        if (level != null && w.contains("断面")) {
            boolean count = w.contains("数量") || w.contains("个数") || measure.equals("个");
            return "DM_" + level + (count ? "_SL" : "_YLL");
        }
        if (w.contains("饮用水") || w.contains("水源地")) {
            return "YYSSYD_DBL";
        }
        return null;
    }

    private static Map<Column, Integer> columnsOf(List<String> header) {
        Map<Column, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = normal(header.get(i));
            if (h.isEmpty()) {
                continue;
            }
            for (Column c : Column.values()) {
                if (!out.containsKey(c) && c.headers.stream().anyMatch(k -> normal(k).equals(h))) {
                    out.put(c, i);
                    break;
                }
            }
        }
        return out;
    }

    private static String normal(String header) {
        if (header == null) {
            return "";
        }
        return header.replaceAll("[（(][^）)]*[）)]", "").replaceAll("[\\s*＊:：]", "").toLowerCase(Locale.ROOT);
    }

    private static String expected() {
        List<String> names = new ArrayList<>();
        for (Column c : Column.values()) {
            names.add(c.headers.get(0) + (c.required ? "*" : ""));
        }
        return String.join("、", names);
    }

    private static String cell(List<String> row, Map<Column, Integer> columns, Column c) {
        Integer i = columns.get(c);
        if (i == null || i >= row.size()) {
            return null;
        }
        String v = row.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String orElse(String s, String other) {
        return s == null ? other : s;
    }

    private static List<List<String>> xlsx(Path file) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Sheet sheet = wb.getFirstSheet();
            try (var rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    while (out.size() < row.getRowNum() - 1) {
                        out.add(List.of()); // rows Excel leaves out when they are empty
                    }
                    List<String> values = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell == null ? null : text(cell));
                    }
                    out.add(values);
                }
            }
        }
        return out;
    }

    private static String text(Cell cell) {
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getRawValue() == null ? null : cell.getText();
    }

    /** CSV text: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030, as Excel saves CSV on Chinese Windows. */
    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, java.nio.charset.Charset.forName("GB18030"));
        }
    }

    /** RFC 4180 CSV: quoted fields with doubled quotes, commas and newlines inside quotes, CRLF or LF. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"' && field.length() == 0) {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(ch);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
