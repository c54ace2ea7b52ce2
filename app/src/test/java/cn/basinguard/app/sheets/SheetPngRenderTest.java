package cn.basinguard.app.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.report.Sheet;
import cn.basinguard.core.report.SiteReviewSheet;
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
        siteReviewSheetWithTheScreenshots(all, pngDir);
    }

    /**
     * The review sheet of the site that occupies the most patches, as its pages look (map frame in land-class colours
     * with the legend by class, then its tables), copied beside the window's screenshots as site-review-sheet-N.png.
     */
    private static void siteReviewSheetWithTheScreenshots(List<Sheet> all, Path pngDir) throws Exception {
        int best = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof SiteReviewSheet s && s.patches() != null
                    && (best < 0 || s.patches().rows().size() > ((SiteReviewSheet) all.get(best)).patches().rows().size())) {
                best = i;
            }
        }
        assertTrue(best >= 0, "the sample has a measured site");
        Path screenshots = Files.createDirectories(Path.of(System.getProperty("basinguard.screenshots", "target/screenshots")));
        String prefix = String.format("%02d-", best);
        try (var pages = Files.list(pngDir)) {
            List<Path> mine = pages.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
            assertTrue(!mine.isEmpty());
            for (Path page : mine) {
                String n = page.getFileName().toString().substring(prefix.length()).replaceFirst("^0+(?=\\d)", "");
                Files.copy(page, screenshots.resolve("site-review-sheet-" + n), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
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
