package cn.basinguard.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.report.PrintAtlas;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The print window: preview, unit choice, title, site pages, PDF and 300 dpi PNG, from the map as the window shows it. */
class PrintWindowTest extends WindowTest {
    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void previewsPrintsToPdfAndPngWithTheUsersChoices(FxRobot robot) throws Exception {
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null);
        PrintWindow[] w = new PrintWindow[1];
        robot.interact(() -> w[0] = app.openPrintWindow());
        int units = AtlasJob.unitNames(app.map().contentProperty().get()).size();
        assertTrue(units >= 2, "the sample has its governance units");
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> w[0].previewImage() != null && w[0].pdf() != null);
        assertEquals(units, PrintAtlas.pageCount(w[0].pdf()), "one page per unit");
        assertTrue(w[0].previewImage().getWidth() > 300, "a page preview is shown");
        assertEquals("曾都区 {unit} 流域底线管控图", w[0].title.getText(), "the default title names the district, as on paper");
        robot.interact(() -> Screenshots.save(w[0].getScene(), "print-preview"));

        // the user's title, A3 landscape, site pages added
        robot.interact(() -> {
            w[0].title.setText("示范标题 {unit} 管控图");
            w[0].paper.setValue(PrintAtlas.Paper.A3);
            w[0].landscape.setSelected(true);
            w[0].sitePages.setSelected(true);
        });
        int sites = (int) app.map().contentProperty().get().layers().stream()
                .filter(l -> l.role() == cn.basinguard.core.check.LayerRole.SITES).mapToLong(l -> l.features().size()).sum();
        FxWait.waitFor(120, TimeUnit.SECONDS, () -> w[0].pdf() != null && PrintAtlas.pageCount(w[0].pdf()) == units + sites);
        byte[] pdf = w[0].pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var box = doc.getPage(0).getMediaBox();
            assertEquals(1190.55, box.getWidth(), 1, "A3 landscape width in points");
            assertEquals(841.89, box.getHeight(), 1);
        }
        String text = text(pdf);
        String firstUnit = AtlasJob.unitNames(app.map().contentProperty().get()).get(0);
        assertTrue(text.contains("示范标题 " + firstUnit + " 管控图"), "the user's title with the unit's name");
        assertTrue(text.contains("示意数据"), "the demonstration note");

        Path dir = Files.createTempDirectory("print");
        javafx.concurrent.Task<Path>[] save = new javafx.concurrent.Task[1];
        robot.interact(() -> save[0] = w[0].savePdf(dir.resolve("atlas.pdf")));
        FxWait.waitFor(60, TimeUnit.SECONDS, save[0]::isDone);
        assertEquals(units + sites, PrintAtlas.pageCount(Files.readAllBytes(save[0].get())));

        // one unit only, A4 portrait, as PNG at 300 dpi
        robot.interact(() -> {
            w[0].sitePages.setSelected(false);
            w[0].paper.setValue(PrintAtlas.Paper.A4);
            w[0].landscape.setSelected(false);
        });
        robot.interact(() -> w[0].job()); // settle the listeners
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> w[0].pdf() != null && PrintAtlas.pageCount(w[0].pdf()) == units);
        robot.interact(() -> save[0] = w[0].savePng(dir.resolve("unit.png")));
        FxWait.waitFor(120, TimeUnit.SECONDS, save[0]::isDone);
        BufferedImage png = ImageIO.read(save[0].get().toFile());
        assertEquals(2480, png.getWidth(), "A4 at 300 dpi");
        assertEquals(3508, png.getHeight());
        robot.interact(() -> w[0].close());
    }

    /**
     * Paper and orientation changed in a row: each change lays the pages out anew and cancels the layout it replaces,
     * whose thread then ends instead of finishing pages no one will see; the preview is of the last settings.
     */
    @Test
    void replacedLayoutsAreCancelled(FxRobot robot) throws Exception {
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null);
        PrintWindow[] w = new PrintWindow[1];
        robot.interact(() -> w[0] = app.openPrintWindow());
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> w[0].pdf() != null);
        java.util.List<javafx.concurrent.Task<byte[]>> tasks = new java.util.ArrayList<>();
        robot.interact(() -> {
            w[0].sitePages.setSelected(true);
            tasks.add(w[0].layoutTask());
            w[0].paper.setValue(PrintAtlas.Paper.A3);
            tasks.add(w[0].layoutTask());
            w[0].landscape.setSelected(true);
            tasks.add(w[0].layoutTask());
            w[0].paper.setValue(PrintAtlas.Paper.A4);
            tasks.add(w[0].layoutTask());
            w[0].landscape.setSelected(false);
            tasks.add(w[0].layoutTask());
            w[0].paper.setValue(PrintAtlas.Paper.A3);
            tasks.add(w[0].layoutTask());
        });
        assertEquals(6, new java.util.HashSet<>(tasks).size(), "each change lays out anew");
        for (int i = 0; i < 5; i++) {
            assertTrue(tasks.get(i).isCancelled(), "layout " + i + " was replaced and is cancelled");
        }
        javafx.concurrent.Task<byte[]> last = tasks.get(5);
        FxWait.waitFor(180, TimeUnit.SECONDS, last::isDone);
        assertTrue(!last.isCancelled() && last.get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        try (PDDocument doc = Loader.loadPDF(w[0].pdf())) {
            var box = doc.getPage(0).getMediaBox();
            assertEquals(841.89, box.getWidth(), 1, "A3 portrait, the last settings");
            assertEquals(1190.55, box.getHeight(), 1);
        }
        // the replaced layouts' threads have stopped too
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("print-layout") && t.isAlive()));
        robot.interact(() -> w[0].close());
    }

    /**
     * Runs where the machine has a printer (here CUPS with cups-pdf, whose PDF lands in /var/spool/cups-pdf): the pages
     * go through JavaFX's printing API to the system printer.
     */
    @Test
    void printsThroughTheSystemPrinter(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(javafx.print.Printer.getDefaultPrinter() != null, "no printer on this machine");
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> app.map().contentProperty().get() != null);
        PrintWindow[] w = new PrintWindow[1];
        robot.interact(() -> w[0] = app.openPrintWindow());
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> w[0].pdf() != null);
        Path spool = Path.of(System.getProperty("user.home"), "PDF");
        long before = Files.isDirectory(spool) ? Files.list(spool).count() : 0;
        javafx.concurrent.Task<Void>[] print = new javafx.concurrent.Task[1];
        robot.interact(() -> print[0] = w[0].print(javafx.print.PrinterJob.createPrinterJob()));
        FxWait.waitFor(120, TimeUnit.SECONDS, print[0]::isDone);
        print[0].get();
        robot.interact(() -> w[0].close());
        if (javafx.print.Printer.getDefaultPrinter().getName().contains("PDF")) {
            // cups-pdf (installed by .ci/run) writes what it printed to ~/PDF: the pages arrived, one per unit
            FxWait.waitFor(60, TimeUnit.SECONDS, () -> Files.isDirectory(spool) && Files.list(spool).count() > before);
            Path printed;
            try (var files = Files.list(spool)) {
                printed = files.max(java.util.Comparator.comparingLong(f -> f.toFile().lastModified())).orElseThrow();
            }
            FxWait.waitFor(30, TimeUnit.SECONDS, () -> {
                try {
                    return PrintAtlas.pageCount(Files.readAllBytes(printed)) == AtlasJob.unitNames(app.map().contentProperty().get()).size();
                } catch (java.io.IOException e) {
                    return false; // still being written
                }
            });
        }
    }
}
