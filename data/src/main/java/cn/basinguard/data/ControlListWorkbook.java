package cn.basinguard.data;

import cn.basinguard.core.io.AtomicFile;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The sample's bottom-line control list as the Excel workbook a bureau keeps (zengdu-control-list.xlsx): a title row,
 * then one row per unit and indicator under Chinese headers that {@code ControlList} in gis-core reads. The same rows
 * as the sample GeoPackage's DXZB table.
 */
final class ControlListWorkbook {
    static final List<String> HEADERS = List.of("序号", "流域治理单元", "底线类别", "指标代码", "指标名称", "比较方式", "目标值",
        "计量单位", "来源条款", "原文", "冲突组");

    private ControlListWorkbook() {
    }

    static void write(Path file, List<BottomLine> rows) {
        AtomicFile.write(file, out -> {
            Workbook wb = new Workbook(out, "BasinGuard", "1.0");
            Worksheet ws = wb.newWorksheet("底线管控清单");
            ws.value(0, 0, "曾都区流域治理单元底线管控清单（示意数据，非官方）");
            ws.style(0, 0).bold().fontSize(14).set();
            for (int c = 0; c < HEADERS.size(); c++) {
                ws.value(1, c, HEADERS.get(c));
                ws.style(1, c).bold().fillColor("E4E9F0").borderStyle("thin").set();
            }
            int r = 2;
            for (BottomLine b : rows) {
                ws.value(r, 0, r - 1);
                ws.value(r, 1, b.unit());
                ws.value(r, 2, category(b.code()));
                ws.value(r, 3, b.code());
                ws.value(r, 4, b.name());
                ws.value(r, 5, b.comparison());
                ws.value(r, 6, b.target());
                ws.value(r, 7, b.measure());
                ws.value(r, 8, b.clause());
                ws.value(r, 9, b.quote());
                if (b.conflictGroup() != null) {
                    ws.value(r, 10, b.conflictGroup());
                }
                r++;
            }
            ws.width(1, 14);
            ws.width(4, 40);
            ws.width(8, 34);
            ws.width(9, 60);
            wb.finish();
        });
    }

    /** The bottom line of annex 3 an indicator belongs to. */
    private static String category(String code) {
        if (code.startsWith("SK_")) {
            return "水安全底线";
        }
        if (code.startsWith("DM_") || code.startsWith("YYSSYD")) {
            return "水环境安全底线";
        }
        if (code.startsWith("STBHHX")) {
            return "生态保护红线";
        }
        return "耕地保护红线";
    }
}
