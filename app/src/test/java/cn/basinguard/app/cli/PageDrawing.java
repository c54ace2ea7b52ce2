package cn.basinguard.app.cli;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * What a page draws, as a viewer sees it (form matrices and the CTM applied, so in page points): the rectangles the
 * page itself draws outside any form, how many path segments there are in all, and how many images.
 */
final class PageDrawing extends PDFGraphicsStreamEngine {
    /** A rectangle in page points, y up. */
    record Box(double x, double y, double w, double h) {
    }

    final List<Box> pageRects = new ArrayList<>();
    int segments;
    int images;
    private int formDepth;
    private final Point2D.Float current = new Point2D.Float();

    private PageDrawing(PDPage page) {
        super(page);
    }

    static PageDrawing of(PDPage page) throws IOException {
        PageDrawing d = new PageDrawing(page);
        d.processPage(page);
        return d;
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        formDepth++;
        try {
            super.showForm(form);
        } finally {
            formDepth--;
        }
    }

    @Override
    public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
        formDepth++;
        try {
            super.showTransparencyGroup(group);
        } finally {
            formDepth--;
        }
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        segments += 4;
        if (formDepth == 0) {
            double minX = Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
            double maxX = Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
            double minY = Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
            double maxY = Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
            pageRects.add(new Box(minX, minY, maxX - minX, maxY - minY));
        }
    }

    @Override
    public void drawImage(PDImage pdImage) {
        images++;
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
        current.setLocation(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        segments++;
        current.setLocation(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        segments++;
        current.setLocation(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) {
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
