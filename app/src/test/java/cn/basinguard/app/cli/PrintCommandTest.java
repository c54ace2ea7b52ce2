package cn.basinguard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.basinguard.core.check.DatasetLoader;
import cn.basinguard.core.check.LayerRole;
import cn.basinguard.core.map.MapLayer;
import cn.basinguard.core.map.MapLayers;
import cn.basinguard.core.report.PrintAtlas;
import cn.basinguard.data.SampleData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The basin-unit atlas: one page per unit (and per site when asked), the paper asked for, searchable Chinese text,
 * a vector map at a round scale whose scale bar and coordinate ticks measure true on paper, and PNG pages at 300 dpi.
 */
class PrintCommandTest extends CliHarness {
    private static final Path SITES_TXT = Path.of("../gis-core/src/test/resources/importer/plots-utf8.txt");
    private static final double METRES_PER_POINT = 0.0254 / 72;
    /** The size the coordinate labels are set in (EdgeTicks.LABEL_SIZE). */
    private static final float TICK_LABEL_SIZE = 6.5f;

    @TempDir
    Path dir;
    /** The atlases several tests read (see {@link #printed}). */
    @TempDir
    static Path shared;
    private static final Map<List<String>, Printed> PRINTED = new HashMap<>();

    /** An atlas of the sample the command printed, with its exit code and what it said. */
    private record Printed(int exit, String out, String err, Path pdf) {
    }

    /**
     * The sample's atlas printed with {@code options} into a PDF, once per set of options for this class: four tests
     * read the default A4 atlas and two the A3 one, and each print takes seconds (the sample's every patch as
     * vector paths). The tests only read the file.
     */
    private Printed printed(String... options) {
        synchronized (PRINTED) {
            return PRINTED.computeIfAbsent(List.of(options), o -> {
                Path pdf = shared.resolve("atlas-" + PRINTED.size() + ".pdf");
                List<String> args = new ArrayList<>(List.of("print", SampleData.zengduSample().toString(), "--out", pdf.toString()));
                args.addAll(o);
                int exit = run(args.toArray(String[]::new));
                return new Printed(exit, out(), err(), pdf);
            });
        }
    }

    @Test
    void anA4AtlasOfTheSample() throws Exception {
        Printed atlas = printed();
        assertEquals(Cli.OK, atlas.exit(), atlas.err());
        assertTrue(atlas.out().contains("比例尺 1:"), atlas.out());
        try (PDDocument doc = Loader.loadPDF(atlas.pdf().toFile())) {
            assertEquals(2, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("曾都区 涢水片区 流域底线管控图") && text.contains("㵐水片区"), "Chinese text is extractable: " + text);
            assertTrue(text.matches("(?s).*比例尺 1:(25,000|50,000|100,000|250,000|500,000).*"), "a round scale: " + text);
            assertTrue(text.contains("2000国家大地坐标系"), "the CRS note");
            assertTrue(text.contains("示意数据"), "the demonstration-data note");
            assertTrue(Pattern.compile("\\b\\d{1,2} \\d{3} \\d{3}\\b").matcher(text).find(), "coordinate labels as text: " + text);
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    assertFalse(page.getResources().getXObject(name) instanceof PDImageXObject, "the map is not an image");
                }
                PageDrawing drawn = PageDrawing.of(page);
                assertEquals(0, drawn.images, "no image anywhere on the page");
                assertTrue(drawn.segments > 20_000, "the map is vector paths: " + drawn.segments);
            }
        }
    }

    @Test
    void theLegendNamesEveryVisibleLayer() throws Exception {
        Printed atlas = printed();
        assertEquals(Cli.OK, atlas.exit(), atlas.err());
        var units = DatasetLoader.load(List.of(SampleData.zengduSample()), Map.of()).input().layer(LayerRole.UNITS);
        List<String> layers = MapLayers.fromFiles(List.of(SampleData.zengduSample()), units.crs()).visibleLayers().stream()
                .map(MapLayer::name).toList();
        assertTrue(layers.size() >= 6, layers.toString());
        try (PDDocument doc = Loader.loadPDF(atlas.pdf().toFile())) {
            // legend entries may wrap, so compare without line breaks and spaces
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            assertTrue(text.contains("图例"), text);
            for (String layer : layers) {
                assertTrue(text.contains(layer.replaceAll("\\s", "")), "the legend lists " + layer + ": " + text);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"A4, false, 595.3, 841.9", "A4, true, 841.9, 595.3", "A3, false, 841.9, 1190.6", "A3, true, 1190.6, 841.9"})
    void pageSizeInPoints(String paper, boolean landscape, double width, double height) throws Exception {
        // A4 portrait is the default: the atlas the other tests read
        Printed atlas = paper.equals("A4") && !landscape ? printed() : landscape ? printed("--paper", paper, "--landscape")
                : printed("--paper", paper);
        assertEquals(Cli.OK, atlas.exit(), atlas.err());
        try (PDDocument doc = Loader.loadPDF(atlas.pdf().toFile())) {
            for (PDPage page : doc.getPages()) {
                assertEquals(width, page.getMediaBox().getWidth(), 0.5);
                assertEquals(height, page.getMediaBox().getHeight(), 0.5);
            }
            assertTrueScale(doc, 0);
        }
    }

    @Test
    void anUnknownPaperIsAUsageError() {
        assertEquals(Cli.BAD_INPUT, run("print", SampleData.zengduSample().toString(), "--out", dir.resolve("a.pdf").toString(),
                "--paper", "B5"));
    }

    @Test
    void scaleBarAndCoordinateTicksMeasureTrue() throws Exception {
        Printed atlas = printed();
        assertEquals(Cli.OK, atlas.exit(), atlas.err());
        try (PDDocument doc = Loader.loadPDF(atlas.pdf().toFile())) {
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                assertTrueScale(doc, i);
            }
        }
    }

    @Test
    void titleOfOnesOwn() throws Exception {
        Path pdf = dir.resolve("units.pdf");
        assertEquals(Cli.OK, run("print", SampleData.zengduSample().toString(), "--out", pdf.toString(),
                "--title", "{unit}国土空间底线图（100% 示意）"), err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("涢水片区国土空间底线图（100% 示意）") && text.contains("㵐水片区国土空间底线图"), text);
            assertFalse(text.contains("流域底线管控图"), "the default title is gone");
        }
        assertEquals(Cli.OK, run("print", SampleData.zengduSample().toString(), "--out", pdf.toString(), "--title", "曾都区总图"), err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(new PDFTextStripper().getText(doc).contains("曾都区总图"), "a title without {unit} is used as it is");
        }
    }

    @Test
    void sitePagesFollowTheUnitPages() throws Exception {
        Path pdf = dir.resolve("units.pdf");
        assertEquals(Cli.OK, run("print", SampleData.zengduSample().toString(), "--out", pdf.toString(), "--site-pages"), err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(2 + 17, doc.getNumberOfPages(), "two units, then the sample's 17 sites");
            PDFTextStripper page = new PDFTextStripper();
            page.setStartPage(3);
            page.setEndPage(3);
            assertTrue(page.getText(doc).contains("项目选址 白果河水库除险加固工程 底线核查图"), page.getText(doc));
            for (int i = 2; i < doc.getNumberOfPages(); i++) {
                assertTrue(assertTrueScale(doc, i) >= 10_000, "a site is never shown closer than 1:10,000");
            }
        }
    }

    @Test
    void sitesFromAFileGetPagesToo() throws Exception {
        Path pdf = dir.resolve("sites.pdf");
        assertEquals(Cli.OK, run("print", SampleData.zengduSample().toString(), "--out", pdf.toString(), "--sites", SITES_TXT.toString()),
                err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(2 + 2, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("项目选址 白果河泵站 底线核查图"), text);
            assertTrue(text.contains("plots-utf8.txt"), "the file's sites are a legend entry of their own: " + text);
            assertTrueScale(doc, 3);
        }
        assertEquals(Cli.BAD_INPUT, run("print", SampleData.zengduSample().toString(), "--out", pdf.toString(), "--sites-crs", "EPSG:4547"));
    }

    @Test
    void pngPagesAt300Dpi() throws Exception {
        Path png = dir.resolve("units.png");
        assertEquals(Cli.OK, run("print", SampleData.zengduSample().toString(), "--out", png.toString()), err());
        for (String name : List.of("units-01.png", "units-02.png")) {
            Path file = dir.resolve(name);
            assertTrue(out().contains(file.toAbsolutePath().toString()), out());
            BufferedImage image = ImageIO.read(file.toFile());
            assertEquals(2480, image.getWidth(), "A4 at 300 dpi");
            assertEquals(3508, image.getHeight(), "A4 at 300 dpi");
            assertTrue(inkShare(image) > 0.05 && inkShare(image) < 0.6, "the page is drawn on white paper: " + inkShare(image));
        }
        assertFalse(Files.exists(png), "two pages are two numbered files");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("units-01.png", "units-02.png"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left behind");
        }
    }

    @Test
    void dpiIsForPngOnlyAndSensible() {
        String sample = SampleData.zengduSample().toString();
        assertEquals(Cli.BAD_INPUT, run("print", sample, "--out", dir.resolve("a.png").toString(), "--dpi", "20"));
        assertEquals(Cli.BAD_INPUT, run("print", sample, "--out", dir.resolve("a.png").toString(), "--dpi", "many"));
        assertEquals(Cli.BAD_INPUT, run("print", sample, "--out", dir.resolve("a.pdf").toString(), "--dpi", "300"));
        assertTrue(err().contains("--dpi"), err());
    }

    @Test
    void aPageRendersForAPreview() throws Exception {
        Printed atlas = printed("--paper", "A3");
        assertEquals(Cli.OK, atlas.exit(), atlas.err());
        byte[] bytes = Files.readAllBytes(atlas.pdf());
        assertEquals(2, PrintAtlas.pageCount(bytes));
        BufferedImage image = PrintAtlas.renderPage(bytes, 1, 72);
        assertEquals(842, image.getWidth());
        assertEquals(1191, image.getHeight());
        assertTrue(inkShare(image) > 0.05 && inkShare(image) < 0.6, "drawn on white paper: " + inkShare(image));
        assertEquals(0xFFFFFF, image.getRGB(5, 5) & 0xFFFFFF, "the margin is white");
    }

    /**
     * Checks on page {@code index} that the scale bar's length on paper at the stated scale is the ground length its
     * label says, and that neighbouring coordinate labels are as far apart on paper as their values on the ground,
     * both within 1%; returns the page's scale denominator.
     */
    private static double assertTrueScale(PDDocument doc, int index) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        String text = stripper.getText(doc);
        Matcher sm = Pattern.compile("比例尺 1:([\\d,]+)").matcher(text);
        assertTrue(sm.find(), text);
        double scale = Double.parseDouble(sm.group(1).replace(",", ""));
        Matcher bm = Pattern.compile("(?m)^(\\d+(?:\\.\\d+)?) (公里|米)$").matcher(text);
        assertTrue(bm.find(), "the scale bar's label: " + text);
        double barMetres = Double.parseDouble(bm.group(1)) * (bm.group(2).equals("公里") ? 1000 : 1);

        List<PageDrawing.Box> bar = PageDrawing.of(doc.getPage(index)).pageRects.stream()
                .filter(b -> Math.abs(b.h() - 4) < 0.01).sorted(Comparator.comparingDouble(PageDrawing.Box::x)).toList();
        assertEquals(4, bar.size(), "four segments: " + bar);
        for (int i = 1; i < bar.size(); i++) {
            assertEquals(bar.get(i - 1).x() + bar.get(i - 1).w(), bar.get(i).x(), 0.01, "segments touch");
            assertEquals(bar.get(0).y(), bar.get(i).y(), 0.01, "segments in line");
        }
        double barPoints = bar.get(3).x() + bar.get(3).w() - bar.get(0).x();
        assertEquals(barMetres, barPoints * METRES_PER_POINT * scale, barMetres * 0.01, "bar " + barPoints + " pt at 1:" + scale);

        List<List<EdgeLabels.Label>> rows = EdgeLabels.of(doc, index + 1, TICK_LABEL_SIZE);
        assertEquals(4, rows.size(), "labels above, below, left and right: " + rows);
        for (List<EdgeLabels.Label> row : rows) {
            assertTrue(row.size() >= 2, "at least two labels a side: " + rows);
            for (int i = 1; i < row.size(); i++) {
                double ground = row.get(i).metres() - row.get(i - 1).metres();
                double paper = row.get(i).along() - row.get(i - 1).along();
                assertTrue(ground > 0, "values grow east and north: " + row);
                assertEquals(ground, paper * METRES_PER_POINT * scale, ground * 0.01, "labels " + row);
            }
        }
        return scale;
    }

    /** The share of sampled pixels that are not white. */
    private static double inkShare(BufferedImage image) {
        int ink = 0;
        int all = 0;
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                all++;
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / all;
    }
}
