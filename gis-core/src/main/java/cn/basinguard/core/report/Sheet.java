package cn.basinguard.core.report;

import java.util.List;

/**
 * What every sheet shows, whatever its format: PDF, XLSX and CSV walk this and nothing else, so they print the same
 * text and figures.
 */
public interface Sheet {
    String title();

    /** The sheet's subject (unit or site name), also the base of its file name. */
    String subject();

    List<SheetField> fields();

    List<SheetTable> tables();

    /** Notes under the tables: the seed's self-contradictions, data quality. */
    List<String> notes();

    /** null when the sheet has no map frame. */
    SheetMap map();

    /** Whether the sheet ends with 填表人 / 审核人 / 日期 lines to sign. */
    boolean signed();

    Fingerprint fingerprint();
}
