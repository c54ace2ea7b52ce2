package cn.basinguard.core.report;

import java.math.BigDecimal;

/**
 * One cell of a sheet: the text exactly as printed and, for a figure, the rounded number behind it, so that XLSX can
 * store a number with the same decimals the PDF prints.
 *
 * @param number null for text; otherwise {@code text} is its plain form
 */
public record SheetCell(String text, BigDecimal number) {
    public static SheetCell text(String text) {
        return new SheetCell(text == null ? "" : text, null);
    }

    public static SheetCell number(BigDecimal rounded) {
        return new SheetCell(Figures.text(rounded), rounded);
    }

    public boolean isNumber() {
        return number != null;
    }
}
