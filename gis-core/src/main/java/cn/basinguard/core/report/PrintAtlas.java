package cn.basinguard.core.report;

import cn.basinguard.core.map.MapContent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
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
    }

    private PrintAtlas() {
    }

    /** Writes the atlas; returns the scale denominator of each page, in page order. */
    public static double[] write(MapContent content, List<Page> pages, Paper paper, boolean landscape, Notes notes, OutputStream out)
            throws IOException {
        double[] scales = new double[pages.size()];
        try (PDDocument doc = new PDDocument()) {
            FontChain[] chains = FontChain.regularAndBold(doc);
            AtlasPage layout = new AtlasPage(doc, new PdfText(chains[0], chains[1]), content, notes);
            for (int i = 0; i < pages.size(); i++) {
                scales[i] = layout.add(paper.size(landscape), pages.get(i));
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
