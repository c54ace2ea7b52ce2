package cn.basinguard.core.report;

import cn.basinguard.core.io.AtomicFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The atlas as PNG images, one per page, rendered from the written PDF so they have its layout exactly. Each image
 * records its resolution, so it prints at the paper size it was laid out for.
 */
public final class AtlasPng {
    private AtlasPng() {
    }

    /** The files for {@code pages} pages: {@code name.png} for one, {@code name-01.png}, {@code name-02.png} … for more. */
    public static List<Path> paths(Path target, int pages) {
        if (pages == 1) {
            return List.of(target);
        }
        String file = target.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String ext = dot > 0 ? file.substring(dot) : ".png";
        int digits = Math.max(2, Integer.toString(pages).length());
        List<Path> out = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            out.add(target.resolveSibling(stem + "-" + String.format("%0" + digits + "d", i) + ext));
        }
        return out;
    }

    /** Renders every page of {@code pdf} at {@code dpi} and writes each, atomically; returns the files in page order. */
    public static List<Path> write(byte[] pdf, float dpi, Path target) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<Path> files = paths(target, doc.getNumberOfPages());
            for (int i = 0; i < files.size(); i++) {
                BufferedImage image = render(doc, renderer, i, dpi);
                AtomicFile.write(files.get(i), o -> {
                    try (ImageOutputStream ios = ImageIO.createImageOutputStream(o)) {
                        writePng(image, dpi, ios);
                    }
                });
            }
            return files;
        }
    }

    /**
     * The page at {@code dpi}, its pixel size rounded rather than cut down as PDFBox's own renderImage does, so A4 at
     * 300 dpi is the 2480 × 3508 a printer expects and the last part-pixel of the page is not lost.
     */
    static BufferedImage render(PDDocument doc, PDFRenderer renderer, int page, float dpi) throws IOException {
        PDRectangle box = doc.getPage(page).getCropBox();
        float scale = dpi / 72;
        BufferedImage image = new BufferedImage(Math.max(1, Math.round(box.getWidth() * scale)),
                Math.max(1, Math.round(box.getHeight() * scale)), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            // the renderer clears the page to the background colour, which on a fresh image is black
            g.setBackground(Color.WHITE);
            g.clearRect(0, 0, image.getWidth(), image.getHeight());
            renderer.renderPageToGraphics(page, g, scale);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void writePng(BufferedImage image, float dpi, ImageOutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try {
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            String pixelsPerMetre = Integer.toString(Math.round(dpi / 0.0254f));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
            phys.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, meta));
        } finally {
            writer.dispose();
        }
    }
}
