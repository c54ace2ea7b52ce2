package cn.basinguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class PdfTextWrapTest {
    @Test
    void aFigureThatFitsTheCellWithoutItsPaddingIsNotBroken() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            FontChain[] chains = FontChain.regularAndBold(doc);
            PdfText text = new PdfText(chains[0], chains[1]);
            PdfTableDrawer drawer = new PdfTableDrawer(text);
            float w = text.width("100.00", PdfTableDrawer.SIZE, false);
            // a cell 2 pt narrower than the figure and its padding (2.5 pt each side): as text it would break there ...
            assertTrue(text.wrap("100.00", w - 2, PdfTableDrawer.SIZE, false).size() > 1);
            // ... as a figure it stays whole
            assertEquals(List.of("100.00"), drawer.number("100.00", w + 3, false));
            // no room even without the padding: wrapped
            assertTrue(drawer.number("100.00", w - 1, false).size() > 1);
        }
    }

    @Test
    void aCodeAfterChineseTextIsNeverSplit() throws Exception {
        String name = "耕地（地类图斑 DLTB，仅01耕地）";
        try (PDDocument doc = new PDDocument()) {
            FontChain[] chains = FontChain.regularAndBold(doc);
            PdfText text = new PdfText(chains[0], chains[1]);
            for (float max = 20; max <= 200; max += 1) {
                List<String> lines = text.wrap(name, max, 7.5f, false);
                assertEquals(name.replace(" ", ""), String.join("", lines).replace(" ", ""), "nothing lost at " + max);
                for (int i = 1; i < lines.size(); i++) {
                    String before = lines.get(i - 1);
                    String after = lines.get(i);
                    boolean split = !before.isEmpty() && !after.isEmpty() && Character.isDigit(before.charAt(before.length() - 1))
                            && Character.isDigit(after.charAt(0));
                    assertFalse(split, "\"01\" split at width " + max + ": " + lines);
                }
            }
        }
    }
}
