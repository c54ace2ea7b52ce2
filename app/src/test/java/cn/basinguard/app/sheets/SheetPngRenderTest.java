package cn.basinguard.app.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.report.Sheet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Writes the sample's sheets as PDF to app/target/sheets-pdf and renders them with poppler's pdftoppm (an independent
 * PDF engine) to app/target/sheets-png, for a person to look at; fails if poppler cannot render one.
 */
class SheetPngRenderTest {
    @Test
    void renderSampleSheets() throws Exception {
        Assumptions.assumeTrue(available(), "pdftoppm (poppler-utils) not installed: sheets not rendered");
        Path pdfDir = Files.createDirectories(Path.of("target/sheets-pdf"));
        Path pngDir = Files.createDirectories(Path.of("target/sheets-png"));
        List<Sheet> all = SampleSheets.get().all();
        for (int i = 0; i < all.size(); i++) {
            Path pdf = pdfDir.resolve(String.format("%02d.pdf", i));
            Files.write(pdf, PdfSheetTest.pdf(all.get(i)));
            Process p = new ProcessBuilder("pdftoppm", "-r", "80", "-png", pdf.toString(), pngDir.resolve(String.format("%02d", i)).toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), log);
            assertTrue(log.isBlank(), "poppler complained: " + log);
        }
    }

    private static boolean available() {
        try {
            return new ProcessBuilder("pdftoppm", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
