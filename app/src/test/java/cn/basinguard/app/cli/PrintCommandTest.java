package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.data.SampleData;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The basin-unit atlas: one page per unit, the paper asked for, searchable Chinese text, a vector map at a round scale. */
class PrintCommandTest extends CliHarness {
    @TempDir
    Path dir;

    @Test
    void anA4AtlasOfTheSample() throws Exception {
        Path pdf = dir.resolve("units.pdf");
        assertEquals(Cli.OK, run("print", SampleData.zengduSample().toString(), "--out", pdf.toString()), err());
        assertTrue(out().contains("比例尺 1:"), out());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(2, doc.getNumberOfPages());
            PDPage page = doc.getPage(0);
            assertEquals(595.3, page.getMediaBox().getWidth(), 0.5);
            assertEquals(841.9, page.getMediaBox().getHeight(), 0.5);
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("涢水片区") && text.contains("㵐水片区"), text);
            assertTrue(text.contains("图例") && text.contains("永久基本农田"), "the legend names the layers: " + text);
            assertTrue(text.matches("(?s).*比例尺 1:(25,000|50,000|100,000|250,000|500,000).*"), "a round scale: " + text);
            assertTrue(text.contains("2000国家大地坐标系"), "the CRS note");
            assertTrue(text.contains("示意数据"), "the demonstration-data note");
            int forms = 0;
            for (COSName name : page.getResources().getXObjectNames()) {
                var x = page.getResources().getXObject(name);
                assertFalse(x instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject, "the map is not an image");
                if (x instanceof PDFormXObject form) {
                    forms++;
                    assertTrue(new String(form.getContentStream().toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(" re")
                            || form.getContentStream().toByteArray().length > 10_000, "vector paths");
                }
            }
            assertEquals(1, forms, "one vector map form per page");
        }
    }

    @Test
    void a3Landscape() throws Exception {
        Path pdf = dir.resolve("a3.pdf");
        assertEquals(Cli.OK, run("print", SampleData.zengduSample().toString(), "--out", pdf.toString(), "--paper", "A3", "--landscape"));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1190.6, doc.getPage(0).getMediaBox().getWidth(), 0.5);
            assertEquals(841.9, doc.getPage(0).getMediaBox().getHeight(), 0.5);
        }
        assertEquals(Cli.BAD_INPUT, run("print", SampleData.zengduSample().toString(), "--out", pdf.toString(), "--paper", "B5"));
    }
}
