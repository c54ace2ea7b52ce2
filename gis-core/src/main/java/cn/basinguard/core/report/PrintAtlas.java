package cn.basinguard.core.report;

import cn.basinguard.core.map.MapContent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import cn.basinguard.core.crs.Crs;
import cn.basinguard.core.i18n.Messages;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.locationtech.jts.geom.Geometry;

/**
 * The basin-unit map atlas: one page per unit, then optionally one per project site, A4 or A3, portrait or
 * landscape. Each map is drawn by the window's renderer as vector PDF at a true, rounded scale (1:25,000, 1:50,000,
 * 1:100,000 …) fitted to its unit or site, in a frame of Gauss–Krüger coordinate ticks; title, legend names, scale,
 * tick labels, CRS note, sources, date and the demonstration-data note are real, searchable text. The written PDF
 * renders to images for a preview or PNG output, so every form of the atlas has one layout.
 */
public final class PrintAtlas {
    /** Paper sizes in points. */
    public enum Paper {
        A4(PDRectangle.A4), A3(PDRectangle.A3);

        final PDRectangle size;

        Paper(PDRectangle size) {
            this.size = size;
        }

        /** The page size in points, turned for landscape. */
        public PDRectangle size(boolean landscape) {
            return landscape ? new PDRectangle(size.getHeight(), size.getWidth()) : size;
        }
    }

    /** What a page shows, which decides its title and how much of the surroundings it takes in. */
    public enum Kind {
        UNIT(0.03, 0),
        /** A site is small: half its size again on every side, and never closer than 1:10,000, so its setting shows. */
        SITE(0.5, 10_000);

        /** Added on every side, as a share of the outline's larger extent. */
        final double padding;
        /** The smallest scale denominator the page may use. */
        final double minScale;

        Kind(double padding, double minScale) {
            this.padding = padding;
            this.minScale = minScale;
        }
    }

    /** One page: the name its title carries, the outline (map CRS) it is fitted to, and what it shows. */
    public record Page(String name, Geometry outline, Kind kind) {
        public static Page unit(String name, Geometry outline) {
            return new Page(name, outline, Kind.UNIT);
        }

        /** A project site's page; the site is outlined over the map. */
        public static Page site(String name, Geometry outline) {
            return new Page(name, outline, Kind.SITE);
        }
    }

    /**
     * What every page says around its map. The title formats take the page's name for {@code %s}.
     *
     * @param demonstration the demonstration-data note, or null for real data
     */
    public record Notes(String titleFormat, String siteTitleFormat, String crsNote, String sources, String date, String demonstration) {
        /** The notes every atlas carries, worded in the current language, for a title format of the user's. */
        public static Notes of(String titleFormat, Crs crs, List<String> sourceNames, LocalDate date, boolean demonstration) {
            return new Notes(titleFormat, Messages.get("atlas.siteTitle"), crs.nameZh(),
                    Messages.get("atlas.sources", String.join("、", sourceNames)), Messages.get("atlas.date", date),
                    demonstration ? Messages.get("atlas.demo") : null);
        }
    }

    /** The title a planner expects, "曾都区 {unit} 流域底线管控图", with the district when it is known (null: none). */
    public static String defaultTitle(String district) {
        return (district == null || district.isBlank() ? "" : district + " ") + "{unit} " + Messages.get("atlas.title");
    }

    /** A title as the user writes it, where only {unit} stands for the unit's name, as the format pages use. */
    public static String titleFormat(String title) {
        return title.replace("%", "%%").replace("{unit}", "%s");
    }

    private PrintAtlas() {
    }

    /** Writes the atlas; returns the scale denominator of each page, in page order. */
    public static double[] write(MapContent content, List<Page> pages, Paper paper, boolean landscape, Notes notes, OutputStream out)
            throws IOException {
        return write(content, pages, paper, landscape, notes, out, () -> false);
    }

    /**
     * As above, stopping once {@code cancelled} says so (a preview laid out for settings the user has changed since):
     * the map being painted stops at its next check and no further page is begun.
     *
     * @throws java.util.concurrent.CancellationException when cancelled; nothing is written to {@code out} then
     */
    public static double[] write(MapContent content, List<Page> pages, Paper paper, boolean landscape, Notes notes, OutputStream out,
                                 java.util.function.BooleanSupplier cancelled) throws IOException {
        double[] scales = new double[pages.size()];
        try (PDDocument doc = new PDDocument()) {
            FontChain[] chains = FontChain.regularAndBold(doc);
            AtlasPage layout = new AtlasPage(doc, new PdfText(chains[0], chains[1]), content, notes);
            for (int i = 0; i < pages.size(); i++) {
                if (cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("atlas cancelled before page " + (i + 1));
                }
                scales[i] = layout.add(paper.size(landscape), pages.get(i), cancelled);
            }
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("atlas cancelled");
            }
            doc.save(out);
        }
        return scales;
    }

    public static int pageCount(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    /** Page {@code pageIndex} (from 0) of a written atlas as an RGB image at {@code dpi}; 300 for print, less for a preview. */
    public static BufferedImage renderPage(byte[] pdf, int pageIndex, float dpi) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return AtlasPng.render(doc, new PDFRenderer(doc), pageIndex, dpi);
        }
    }
}
